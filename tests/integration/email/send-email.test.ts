import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createElement } from "react";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import MagicLinkEmail from "@/emails/magic-link";
import { sendMagicLink } from "@/lib/auth/send-magic-link";
import { db } from "@/lib/db/client";
import { sendEmail } from "@/lib/email/send-email";
import { emailMode, missingEmailProviderWarning } from "@/lib/email/mode";
import { listOutbox } from "@/lib/email/list-outbox";
import { resetServerEnvForTests } from "@/lib/env";
import { createLogger, setLogger } from "@/lib/log/logger";
import { verifyReminderToken } from "@/lib/lifecycle/reminder-link";
import { runCronInProcess } from "@/lib/workflows/in-process-runner";
import { resetDatabase, setupTestDatabase, teardownTestDatabase } from "../../support/database";
import { startFakeResend, type FakeResend } from "./fake-resend";

const RESEND_KEY = "re_test_0123456789abcdefghijklmnop";
const FROM = "Latchkey <no-reply@latchkey.test>";
const link = (token: string) => `http://localhost:3000/api/auth/callback/email?callbackUrl=%2Fportal&token=${token}&email=seller%40shop.test`;

function useEnv(values: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetServerEnvForTests();
}

beforeAll(async () => {
  await setupTestDatabase();
  setLogger(createLogger({ level: "silent" }));
  useEnv({ EMAIL_FROM: FROM, APP_URL: "http://localhost:3000" });
});
afterAll(async () => {
  setLogger(undefined);
  useEnv({ RESEND_API_KEY: undefined, RESEND_BASE_URL: undefined, EMAIL_FROM: undefined, APP_URL: undefined });
  await teardownTestDatabase();
});
beforeEach(resetDatabase);

describe("sendEmail in the dev outbox (no RESEND_API_KEY)", () => {
  beforeEach(() => useEnv({ RESEND_API_KEY: undefined, RESEND_BASE_URL: undefined }));

  it("records the rendered email, with its link, as sent by the outbox", async () => {
    expect(emailMode()).toBe("outbox");
    const url = link("outbox-token-1");
    const sent = await sendEmail({
      to: "seller@shop.test",
      subject: "Your Latchkey sign-in link",
      template: "magic-link",
      react: createElement(MagicLinkEmail, { url, email: "seller@shop.test", expiresInSeconds: 900 }),
      sensitive: [url],
    });
    expect(sent).toMatchObject({ status: "SENT", provider: "outbox", deduplicated: false, to: "seller@shop.test", template: "magic-link" });
    expect(sent.sentAt).toBeInstanceOf(Date);
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row.html).toContain(url.replace(/&/g, "&amp;"));
    expect(row.html).toContain("<!DOCTYPE html");
    expect(row.text).toContain(url);
  });

  it("makes a second send with the same dedupeKey a no-op that returns the first row", async () => {
    const input = { to: "seller@shop.test", subject: "Renewal due in 30 days", template: "renewal", html: "<p>Renew</p>", dedupeKey: "renewal:auth-1:30" };
    const first = await sendEmail(input);
    const second = await sendEmail({ ...input, subject: "changed" });
    expect(second.deduplicated).toBe(true);
    expect(second.id).toBe(first.id);
    expect(second.subject).toBe("Renewal due in 30 days");
    expect(await db.emailOutbox.count()).toBe(1);
  });

  it("keeps one row when the same dedupeKey is sent concurrently", async () => {
    const input = { to: "seller@shop.test", subject: "Once", template: "test", html: "<p>Once</p>", dedupeKey: "race:1" };
    const results = await Promise.all([sendEmail(input), sendEmail(input), sendEmail(input)]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.deduplicated)).toHaveLength(1);
    expect(await db.emailOutbox.count()).toBe(1);
  });

  it("lists the latest emails newest first, without their bodies", async () => {
    for (const n of [1, 2, 3]) await sendEmail({ to: `p${n}@shop.test`, subject: `Mail ${n}`, template: "test", html: `<p>${n}</p>` });
    const list = await listOutbox({ limit: 2 });
    expect(list.map((e) => e.subject)).toEqual(["Mail 3", "Mail 2"]);
    expect(list[0]).not.toHaveProperty("html");
  });
});

describe("sendEmail in production without an email provider", () => {
  beforeEach(() => useEnv({ NODE_ENV: "production", VAULT_MASTER_KEYS: `t:${Buffer.alloc(32, 3).toString("base64")}`, RESEND_API_KEY: undefined, EMAIL_OUTBOX_DIR: undefined }));
  afterEach(() => useEnv({ NODE_ENV: "test", VAULT_MASTER_KEYS: undefined, EMAIL_OUTBOX_DIR: undefined }));

  it("never keeps a usable sign-in link in the outbox, and tells the user the email could not be sent", async () => {
    await expect(sendMagicLink({ email: "seller@shop.test", url: link("production-token-1") })).rejects.toMatchObject({ code: "internal" });
    const row = await db.emailOutbox.findFirstOrThrow();
    expect(row).toMatchObject({ status: "FAILED", provider: "outbox", template: "magic-link", error: expect.stringMatching(/No email provider is configured/) });
    expect(row.html).not.toContain("production-token-1");
    expect(row.text).not.toContain("production-token-1");
    expect(row.text).toContain("[link removed]");
  });

  it("puts the link only into the mail drop directory when one is configured", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "latchkey-mail-drop-"));
    try {
      useEnv({ EMAIL_OUTBOX_DIR: dir });
      await sendMagicLink({ email: "seller@shop.test", url: link("production-token-2") });
      const row = await db.emailOutbox.findFirstOrThrow();
      expect(row.status).toBe("SENT");
      expect(`${row.html}${row.text}`).not.toContain("production-token-2");
      const [file] = readdirSync(dir);
      expect(readFileSync(path.join(dir, file ?? ""), "utf8")).toContain("production-token-2");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("still records ordinary emails for admins to read", async () => {
    const sent = await sendEmail({ to: "ops@latchkey.test", subject: "Digest", template: "admin-digest", html: '<p><a href="http://localhost:3000/admin">Open</a></p>' });
    expect(sent).toMatchObject({ status: "SENT", provider: "outbox" });
    expect(sent.html).toContain("http://localhost:3000/admin");
  });

  it("warns that no email provider is configured, only in production", () => {
    expect(missingEmailProviderWarning()).toMatch(/No email provider is configured \(set RESEND_API_KEY\).*nobody can sign in by email/);
    useEnv({ RESEND_API_KEY: RESEND_KEY });
    expect(missingEmailProviderWarning()).toBeNull();
    useEnv({ RESEND_API_KEY: undefined, NODE_ENV: "development" });
    expect(missingEmailProviderWarning()).toBeNull();
  });
});

describe("sendEmail through Resend (a local fake of its API)", () => {
  let resend: FakeResend;
  beforeAll(async () => {
    resend = await startFakeResend();
  });
  afterAll(async () => {
    await resend.close();
  });
  beforeEach(() => {
    resend.received.length = 0;
    useEnv({ RESEND_API_KEY: RESEND_KEY, RESEND_BASE_URL: resend.url });
  });
  afterEach(() => useEnv({ RESEND_API_KEY: undefined, RESEND_BASE_URL: undefined }));

  it("delivers a magic-link email with the right from, to, subject and link", async () => {
    expect(emailMode()).toBe("resend");
    const url = link("resend-token-1");
    await sendMagicLink({ email: "seller@shop.test", url });

    expect(resend.received).toHaveLength(1);
    const [request] = resend.received;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/emails");
    expect(request?.headers.authorization).toBe(`Bearer ${RESEND_KEY}`);
    expect(request?.body.from).toBe(FROM);
    expect([request?.body.to].flat()).toEqual(["seller@shop.test"]);
    expect(request?.body.subject).toBe("Your Latchkey sign-in link");
    expect(request?.body.html).toContain(url.replace(/&/g, "&amp;"));
    expect(request?.body.text).toContain(url);
  });

  it("stores a sensitive email without its link once Resend has it", async () => {
    const url = link("resend-token-2");
    await sendMagicLink({ email: "seller@shop.test", url });
    const row = await db.emailOutbox.findFirstOrThrow();
    expect(row).toMatchObject({ status: "SENT", provider: "resend", providerMessageId: expect.stringMatching(/^fake-/), error: null });
    expect(row.html).not.toContain("resend-token-2");
    expect(row.text).not.toContain("resend-token-2");
    expect(row.html).toContain("[link removed]");
    expect(row.text).toContain("[link removed]");
    expect(row.html).toContain("Sign in to Latchkey");
  });

  it("stores an ordinary email whole and passes its dedupeKey as Resend's idempotency key", async () => {
    const sent = await sendEmail({ to: "ops@latchkey.test", subject: "Secret expires soon", template: "secret-expiry", html: '<a href="https://latchkey.test/admin">Open</a>', dedupeKey: "secret-expiry:30" });
    expect(sent.status).toBe("SENT");
    expect(sent.html).toContain("https://latchkey.test/admin");
    expect(resend.received[0]?.headers["idempotency-key"]).toBe("secret-expiry:30");
  });

  it("records a refused delivery as FAILED with a redacted error, and the magic-link sender throws", async () => {
    resend.respondWith(422, { name: "validation_error", statusCode: 422, message: `Invalid from field (key ${RESEND_KEY})` });
    await expect(sendMagicLink({ email: "seller@shop.test", url: link("resend-token-3") })).rejects.toMatchObject({ code: "internal" });
    const row = await db.emailOutbox.findFirstOrThrow();
    expect(row.status).toBe("FAILED");
    expect(row.sentAt).toBeNull();
    expect(row.error).toContain("validation_error");
    expect(row.error).not.toContain(RESEND_KEY);
    expect(row.html).not.toContain("resend-token-3");
  });

  it("delivers a renewal reminder from the lifecycle scan: recipient, subject, and a signed link that lands on reauthorization", async () => {
    const tenant = await db.tenant.create({ data: { name: "Northwind", kind: "SELLER", contactEmail: "owner@northwind.test", marketplaceIds: ["ATVPDKIKX0DER"] } });
    const authorizedAt = new Date("2026-01-10T12:00:00Z");
    const authorization = await db.authorization.create({
      data: { tenantId: tenant.id, region: "NA", authType: "WEBSITE", status: "ACTIVE", sellingPartnerId: "A2NORTHWIND", authorizedAt, lastUsedAt: authorizedAt, renewalDueAt: new Date(authorizedAt.getTime() + 365 * 86_400_000) },
    });
    const now = new Date(authorization.renewalDueAt!.getTime() - 7 * 86_400_000 + 60_000);
    await db.authorization.update({ where: { id: authorization.id }, data: { lastUsedAt: now } });
    await runCronInProcess("lifecycle-scan", now);
    await runCronInProcess("lifecycle-scan", now);

    expect(resend.received).toHaveLength(1);
    const [request] = resend.received;
    expect(request?.body.from).toBe(FROM);
    expect([request?.body.to].flat()).toEqual(["owner@northwind.test"]);
    expect(request?.body.subject).toBe("Renew your Seller Central connection in 6 days");
    expect(request?.headers["idempotency-key"]).toBe(`renewal:${authorization.id}:${authorization.renewalDueAt!.toISOString()}:7`);
    const hrefs = [...(request?.body.html ?? "").matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
    const renew = hrefs.find((href) => href.startsWith("http://localhost:3000/connect/renew?token="));
    expect(renew).toBeDefined();
    expect(verifyReminderToken(new URL(renew!).searchParams.get("token"), now)).toEqual({ ok: true, authorizationId: authorization.id });
    expect(hrefs).toContain("http://localhost:3000/connect/preferences");
    expect(request?.body.text).toContain("http://localhost:3000/connect/renew?token=");
    expect(await db.emailOutbox.findFirstOrThrow()).toMatchObject({ status: "SENT", provider: "resend", template: "renewal-reminder" });
  });

  it("records an unreachable Resend as a retry due later instead of throwing", async () => {
    const closed = await startFakeResend();
    await closed.close();
    useEnv({ RESEND_BASE_URL: closed.url });
    const sent = await sendEmail({ to: "ops@latchkey.test", subject: "Hello", template: "test", html: "<p>Hi</p>" });
    expect(sent).toMatchObject({ status: "QUEUED", attempts: 1, sentAt: null });
    expect(sent.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    expect(sent.error).toMatch(/fetch/i);
  });
});
