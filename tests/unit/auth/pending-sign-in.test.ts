import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetServerEnvForTests } from "@/lib/env";

interface SetCookie {
  name: string;
  value: string;
  options: { secure?: boolean; httpOnly?: boolean; path?: string; maxAge?: number };
}

const jar = new Map<string, string>();
const written: SetCookie[] = [];

vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string, options: SetCookie["options"]) => {
      jar.set(name, value);
      written.push({ name, value, options });
    },
  }),
}));

const { readPendingSignIn, rememberPendingSignIn } = await import("@/lib/auth/pending-sign-in");

const COOKIE = "latchkey-pending-sign-in";

function useAppUrl(url: string): void {
  process.env.APP_URL = url;
  resetServerEnvForTests();
}

beforeEach(() => {
  process.env.AUTH_SECRET = "unit-test-auth-secret-0123456789abcdef";
  useAppUrl("http://localhost:3000");
  jar.clear();
  written.length = 0;
});
afterEach(() => {
  delete process.env.APP_URL;
  delete process.env.AUTH_SECRET;
  resetServerEnvForTests();
  vi.useRealTimers();
});

describe("the pending sign-in cookie", () => {
  it("never holds the address in clear, and gives it back to the check-email page", async () => {
    await rememberPendingSignIn("seller@shop.test");
    const cookie = written[0];
    expect(cookie?.name).toBe(COOKIE);
    expect(cookie?.value).not.toContain("seller");
    expect(cookie?.value).not.toContain(Buffer.from("seller@shop.test").toString("base64url").slice(0, 8));
    expect(cookie?.options).toMatchObject({ httpOnly: true, path: "/sign-in", maxAge: 900, secure: false });
    expect(await readPendingSignIn()).toBe("seller@shop.test");
  });

  it("is Secure when APP_URL is https", async () => {
    useAppUrl("https://latchkey.example.com");
    await rememberPendingSignIn("seller@shop.test");
    expect(written[0]?.options.secure).toBe(true);
  });

  it("ignores a cookie the browser wrote or changed itself", async () => {
    jar.set(COOKIE, "victim@shop.test");
    expect(await readPendingSignIn()).toBeNull();
    await rememberPendingSignIn("seller@shop.test");
    const sealed = jar.get(COOKIE) ?? "";
    const flipped = `${sealed.slice(0, -2)}${sealed.at(-2) === "A" ? "B" : "A"}${sealed.at(-1)}`;
    jar.set(COOKIE, flipped);
    expect(await readPendingSignIn()).toBeNull();
  });

  it("is forgotten after 15 minutes even if the browser keeps it", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-01T10:00:00Z") });
    await rememberPendingSignIn("seller@shop.test");
    vi.setSystemTime(new Date("2026-12-01T10:14:00Z"));
    expect(await readPendingSignIn()).toBe("seller@shop.test");
    vi.setSystemTime(new Date("2026-12-01T10:16:00Z"));
    expect(await readPendingSignIn()).toBeNull();
  });
});
