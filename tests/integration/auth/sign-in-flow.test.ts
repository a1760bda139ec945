// The whole magic-link flow through Auth.js itself (the same config the app serves at /api/auth), against
// a real database and the dev outbox: ask, read the email, follow the link, resolve the session.
import { Auth, skipCSRFCheck, type AuthConfig } from "@auth/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildAuthConfig } from "@/lib/auth/auth-config";
import { authRequestOnAppOrigin } from "@/lib/auth/auth-request";
import { db } from "@/lib/db/client";
import { resetServerEnvForTests } from "@/lib/env";
import { createLogger, setLogger } from "@/lib/log/logger";
import { resetDatabase, setupTestDatabase, teardownTestDatabase } from "../../support/database";

const APP = "http://localhost:3000";

function useEnv(values: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetServerEnvForTests();
}

async function auth(path: string, init: RequestInit & { origin?: string } = {}): Promise<Response> {
  const config: AuthConfig = { ...buildAuthConfig(), basePath: "/api/auth", skipCSRFCheck };
  return Auth(new Request(`${init.origin ?? APP}${path}`, init), config);
}

/** As the app's route serves Auth.js (app/api/auth/[...nextauth]/route.ts), with or without the CSRF check. */
async function viaRoute(path: string, init: RequestInit & { origin?: string; csrf?: boolean } = {}): Promise<Response> {
  const config: AuthConfig = { ...buildAuthConfig(), basePath: "/api/auth", ...(init.csrf ? {} : { skipCSRFCheck }) };
  return Auth(authRequestOnAppOrigin(new Request(`${init.origin ?? APP}${path}`, init)), config);
}

/** The log lines (parsed) written while `run` runs. */
async function logsOf(run: () => Promise<void>): Promise<{ level: string; msg: string; stack?: string }[]> {
  const lines: string[] = [];
  setLogger(createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } }));
  try {
    await run();
  } finally {
    setLogger(createLogger({ level: "silent" }));
  }
  return lines.map((line) => JSON.parse(line) as { level: string; msg: string; stack?: string });
}

async function askForLink(email: string, callbackUrl = "/portal", origin?: string): Promise<Response> {
  return auth("/api/auth/signin/email", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, callbackUrl }).toString(),
    origin,
  });
}

async function newestLink(): Promise<string> {
  const email = await db.emailOutbox.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
  const match = email.text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?[^\s\]]+/);
  if (!match) throw new Error("no link in the email");
  return match[0];
}

async function follow(link: string): Promise<Response> {
  const url = new URL(link);
  return auth(`${url.pathname}${url.search}`);
}

function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  if (!cookie) throw new Error("no session cookie");
  return cookie.split(";")[0] ?? "";
}

async function session(cookie: string): Promise<{ user?: { id: string; email: string; role: string; tenantId: string | null } } | null> {
  return (await (await auth("/api/auth/session", { headers: { cookie } })).json()) as never;
}

describe("signing in with a magic link", () => {
  beforeAll(async () => {
    await setupTestDatabase();
    setLogger(createLogger({ level: "silent" }));
    useEnv({ AUTH_SECRET: "integration-test-auth-secret-0123456789", APP_URL: APP, ADMIN_EMAILS: "ops@latchkey.test", RESEND_API_KEY: undefined });
  });
  afterAll(async () => {
    setLogger(undefined);
    useEnv({ ADMIN_EMAILS: undefined, APP_URL: undefined });
    await teardownTestDatabase();
  });
  beforeEach(resetDatabase);

  it("emails a 15-minute link, signs the partner in once, lands on the callbackUrl and audits it", async () => {
    const asked = await askForLink("Seller@Shop.test", "/portal?tab=health");
    expect(asked.status).toBe(302);
    expect(asked.headers.get("location")).toContain("/verify-request");

    const email = await db.emailOutbox.findFirstOrThrow();
    expect(email).toMatchObject({ to: "seller@shop.test", subject: "Your Latchkey sign-in link", template: "magic-link", status: "SENT", provider: "outbox" });
    const token = await db.verificationToken.findFirstOrThrow();
    expect(token.identifier).toBe("seller@shop.test");
    expect(Math.round((token.expires.getTime() - Date.now()) / 60_000)).toBe(15);
    const link = await newestLink();
    expect(link).not.toContain(token.token);

    const followed = await follow(link);
    expect(followed.status).toBe(302);
    expect(followed.headers.get("location")).toBe(`${APP}/portal?tab=health`);
    const me = await session(sessionCookie(followed));
    expect(me?.user).toEqual({ id: expect.any(String), email: "seller@shop.test", role: "PARTNER", tenantId: null });
    expect(Object.keys(me?.user ?? {}).sort()).toEqual(["email", "id", "role", "tenantId"]);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "auth.signed_in" } });
    expect(audit).toMatchObject({ actorType: "PARTNER", actorId: me?.user?.id, details: { method: "email", newUser: true } });

    const again = await follow(link);
    expect(again.headers.get("location")).toBe(`${APP}/sign-in/error?error=Verification`);
    expect(again.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))).toBe(false);
  });

  it("refuses an expired link with the same plain error", async () => {
    await askForLink("seller@shop.test");
    await db.verificationToken.updateMany({ data: { expires: new Date(Date.now() - 1000) } });
    const followed = await follow(await newestLink());
    expect(followed.headers.get("location")).toBe(`${APP}/sign-in/error?error=Verification`);
  });

  it("follows ADMIN_EMAILS on every session: promotes, then demotes at once, and stores the role", async () => {
    await askForLink("ops@latchkey.test");
    const cookie = sessionCookie(await follow(await newestLink()));
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "auth.signed_in" } });
    expect(audit.actorType).toBe("ADMIN");
    expect((await session(cookie))?.user?.role).toBe("ADMIN");

    useEnv({ ADMIN_EMAILS: "someone-else@latchkey.test" });
    expect((await session(cookie))?.user?.role).toBe("PARTNER");
    expect((await db.user.findUniqueOrThrow({ where: { email: "ops@latchkey.test" } })).role).toBe("PARTNER");

    useEnv({ ADMIN_EMAILS: "OPS@latchkey.test" });
    expect((await session(cookie))?.user?.role).toBe("ADMIN");
    expect((await db.user.findUniqueOrThrow({ where: { email: "ops@latchkey.test" } })).role).toBe("ADMIN");
  });

  it("shows the partner's tenant, set by onboarding, in the session", async () => {
    await askForLink("seller@shop.test");
    const cookie = sessionCookie(await follow(await newestLink()));
    const tenant = await db.tenant.create({ data: { name: "Shop", kind: "SELLER", contactEmail: "seller@shop.test" } });
    await db.user.update({ where: { email: "seller@shop.test" }, data: { tenantId: tenant.id } });
    expect((await session(cookie))?.user?.tenantId).toBe(tenant.id);
  });

  it("never redirects off-site, whatever callbackUrl the link was asked with", async () => {
    for (const callbackUrl of ["//evil.com", "https://evil.com/x", "/\\evil.com"]) {
      await askForLink("seller@shop.test", callbackUrl);
      const followed = await follow(await newestLink());
      expect(followed.headers.get("location")).toBe(`${APP}/`);
    }
  });

  it("puts the link on APP_URL even when the request claims another host", async () => {
    await askForLink("seller@shop.test", "/portal", "http://evil.example");
    const link = await newestLink();
    expect(new URL(link).origin).toBe(APP);
  });

  it("builds the link, its callbackUrl and the landing page on APP_URL when the sign-in starts on another host name", async () => {
    await askForLink("seller@shop.test", "/portal?tab=health", "http://127.0.0.1:3000");
    const link = new URL(await newestLink());
    expect(link.origin).toBe(APP);
    expect(link.searchParams.get("callbackUrl")).toBe(`${APP}/portal?tab=health`);
    const followed = await viaRoute(`${link.pathname}${link.search}`);
    expect(followed.headers.get("location")).toBe(`${APP}/portal?tab=health`);
    const elsewhere = await viaRoute("/api/auth/signin?callbackUrl=%2Fportal", { origin: "http://127.0.0.1:3000" });
    expect(elsewhere.headers.get("location")).toBe(`/sign-in?${new URLSearchParams({ callbackUrl: `${APP}/portal` })}`);
  });

  it("answers a visitor's malformed callback with the sign-in error page and one warn line, not a 500", async () => {
    let answer: Response | undefined;
    const logs = await logsOf(async () => {
      answer = await viaRoute("/api/auth/callback/email?token=x&email=x&callbackUrl=0");
    });
    expect(answer?.status).toBe(302);
    expect(answer?.headers.get("location")).toBe(`${APP}/sign-in/error?error=Verification`);
    expect(logs.filter((line) => ["error", "fatal"].includes(line.level))).toEqual([]);
    expect(logs.filter((line) => line.level === "warn")).toHaveLength(1);

    const withBadCookie = await viaRoute("/api/auth/session", { headers: { cookie: "authjs.callback-url=0" } });
    expect(withBadCookie.status).toBe(200);
  });

  it("logs a missing CSRF token and an unknown /api/auth path as one warn line each, answering 4xx or the sign-in page", async () => {
    const answers: Response[] = [];
    const logs = await logsOf(async () => {
      answers.push(await viaRoute("/api/auth/signin/email", { method: "POST", csrf: true, headers: { "content-type": "application/x-www-form-urlencoded" }, body: "email=seller%40shop.test" }));
      answers.push(await viaRoute("/api/auth/no-such-action"));
    });
    expect(answers[0]?.status).toBe(302);
    expect(answers[0]?.headers.get("location")).toMatch(new RegExp(`^${APP}/sign-in\\?error=MissingCSRF`));
    expect(answers[1]?.status).toBe(400);
    expect(logs.filter((line) => ["error", "fatal"].includes(line.level))).toEqual([]);
    expect(logs.filter((line) => line.level === "warn").map((line) => line.msg)).toEqual(["sign-in refused: MissingCSRF", "sign-in refused: UnknownAction"]);
    expect(logs.some((line) => line.stack !== undefined)).toBe(false);
    expect(await db.emailOutbox.count()).toBe(0);
  });

  it("ends the session on sign-out", async () => {
    await askForLink("seller@shop.test");
    const cookie = sessionCookie(await follow(await newestLink()));
    const out = await auth("/api/auth/signout", { method: "POST", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: "callbackUrl=%2F" });
    expect(out.status).toBe(302);
    expect(await session(cookie)).toBeNull();
    expect(await db.session.count()).toBe(0);
  });
});
