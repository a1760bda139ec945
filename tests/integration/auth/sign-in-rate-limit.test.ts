// Sign-in links are limited per address and per client IP, through the database (so across instances),
// with one plain-words answer that says nothing about whether the address has an account.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { limitSignInPost } from "@/lib/auth/limit-sign-in-post";
import { consumeSignInAttempt, SIGN_IN_RATE_LIMITED_MESSAGE } from "@/lib/auth/sign-in-rate-limit";
import { db } from "@/lib/db/client";
import { resetServerEnvForTests } from "@/lib/env";
import { createLogger, setLogger } from "@/lib/log/logger";
import { resetDatabase, setupTestDatabase, teardownTestDatabase } from "../../support/database";

const requestHeaders = { current: new Headers() };
const signIn = vi.fn(async () => "http://localhost:3000/verify-request");

vi.mock("next/headers", () => ({ headers: async () => requestHeaders.current }));
vi.mock("@/auth", () => ({ signIn }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));

const { requestSignInLink } = await import("@/lib/auth/request-sign-in-link");

const MINUTE = 60_000;
const start = new Date("2026-12-01T10:00:00Z");

function signInPost(email: string, ip: string): Request {
  return new Request("http://localhost:3000/api/auth/signin/email", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `${ip}, 10.0.0.1` },
    body: new URLSearchParams({ email, csrfToken: "x", callbackUrl: "/portal" }).toString(),
  });
}

describe("sign-in link rate limits", () => {
  beforeAll(async () => {
    await setupTestDatabase();
    setLogger(createLogger({ level: "silent" }));
    delete process.env.SIGN_IN_LINKS_PER_ADDRESS;
    delete process.env.SIGN_IN_LINKS_PER_IP;
    resetServerEnvForTests();
  });
  afterAll(async () => {
    setLogger(undefined);
    await teardownTestDatabase();
  });
  beforeEach(async () => {
    await resetDatabase();
    signIn.mockClear();
    requestHeaders.current = new Headers();
  });

  it("allows 5 links per address a quarter hour, then refuses until the window is over", async () => {
    const results = [];
    for (let i = 0; i < 6; i += 1) results.push(await consumeSignInAttempt({ email: "seller@shop.test", ip: null, now: new Date(start.getTime() + i * MINUTE) }));
    expect(results.slice(0, 5).every((result) => result.allowed)).toBe(true);
    expect(results[5]).toEqual({ allowed: false, retryAfterSeconds: 10 * 60 });
    expect((await consumeSignInAttempt({ email: "other@shop.test", ip: null, now: new Date(start.getTime() + 6 * MINUTE) })).allowed).toBe(true);
    expect((await consumeSignInAttempt({ email: "seller@shop.test", ip: null, now: new Date(start.getTime() + 15 * MINUTE) })).allowed).toBe(true);
  });

  it("allows 20 links per client IP a quarter hour, whatever the addresses", async () => {
    for (let i = 0; i < 20; i += 1) expect((await consumeSignInAttempt({ email: `p${i}@shop.test`, ip: "203.0.113.9", now: start })).allowed).toBe(true);
    expect((await consumeSignInAttempt({ email: "p20@shop.test", ip: "203.0.113.9", now: start })).allowed).toBe(false);
    expect((await consumeSignInAttempt({ email: "p20@shop.test", ip: "198.51.100.7", now: start })).allowed).toBe(true);
  });

  it("counts concurrent requests exactly: 30 at once for one address send 5", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => consumeSignInAttempt({ email: "seller@shop.test", ip: null, now: start })));
    expect(results.filter((result) => result.allowed)).toHaveLength(5);
  });

  it("keeps no address in the database", async () => {
    await consumeSignInAttempt({ email: "seller@shop.test", ip: "203.0.113.9", now: start });
    const keys = (await db.signInRateLimit.findMany()).map((row) => row.key);
    expect(keys).toHaveLength(2);
    expect(keys.join(" ")).not.toContain("seller");
  });

  it("the sign-in form answers in plain words after 5 requests, without sending a sixth email", async () => {
    requestHeaders.current = new Headers({ "x-forwarded-for": "203.0.113.9" });
    for (let i = 0; i < 5; i += 1) expect(await requestSignInLink({ email: "Seller@Shop.test" })).toMatchObject({ ok: true });
    expect(await requestSignInLink({ email: "seller@shop.test" })).toEqual({ ok: false, message: SIGN_IN_RATE_LIMITED_MESSAGE });
    expect(signIn).toHaveBeenCalledTimes(5);
  });

  it("Auth.js' own sign-in POST gets a 429 envelope past the limit, the same for an address with or without an account", async () => {
    await db.user.create({ data: { email: "known@shop.test", role: "PARTNER" } });
    const answers = [];
    for (const email of ["known@shop.test", "unknown@shop.test"]) {
      for (let i = 0; i < 5; i += 1) expect(await limitSignInPost(signInPost(email, `203.0.113.${i}`))).toBeNull();
      const refused = await limitSignInPost(signInPost(email, "203.0.113.50"));
      expect(refused?.status).toBe(429);
      expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
      const body = (await refused?.json()) as { error: { code: string; message: string } };
      answers.push(body.error.message);
      expect(body.error.code).toBe("rate_limited");
    }
    expect(answers).toEqual([SIGN_IN_RATE_LIMITED_MESSAGE, SIGN_IN_RATE_LIMITED_MESSAGE]);
    const asJson = new Request("http://localhost:3000/api/auth/signin/email", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "known@shop.test", csrfToken: "x" }) });
    expect((await limitSignInPost(asJson))?.status).toBe(429);
    expect(await limitSignInPost(new Request("http://localhost:3000/api/auth/signout", { method: "POST" }))).toBeNull();
  });
});
