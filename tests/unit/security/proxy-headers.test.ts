import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { resetServerEnvForTests } from "@/lib/env";
import { proxy } from "@/proxy";

function useEnv(values: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetServerEnvForTests();
}

afterEach(() => useEnv({ APP_URL: undefined, NODE_ENV: "test" }));

/** The proxy's answer for a path that is not the gateway's (those it answers at once, not as a promise). */
const answer = (url: string) => proxy(new NextRequest(url)) as Response;

describe("the page security headers (proxy.ts)", () => {
  it("sends a nonce-based CSP that forbids framing, with a new nonce per request", () => {
    useEnv({ APP_URL: "http://localhost:3000" });
    const first = answer("http://localhost:3000/connect").headers.get("content-security-policy") ?? "";
    const second = answer("http://localhost:3000/connect").headers.get("content-security-policy") ?? "";
    expect(first).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(first).toContain("frame-ancestors 'none'");
    expect(first).toContain("object-src 'none'");
    expect(first).not.toContain("unsafe-eval");
    expect(first).not.toBe(second);
  });

  it("adds HSTS and upgrade-insecure-requests only when APP_URL is https", () => {
    useEnv({ APP_URL: "http://localhost:3000" });
    const plain = answer("http://localhost:3000/");
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(plain.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");

    useEnv({ APP_URL: "https://latchkey.example.com" });
    const secure = answer("https://latchkey.example.com/");
    expect(secure.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(secure.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("allows eval for React's dev tooling under next dev only", () => {
    useEnv({ APP_URL: "http://localhost:3000", NODE_ENV: "development" });
    expect(answer("http://localhost:3000/").headers.get("content-security-policy")).toContain("'unsafe-eval'");
  });
});

describe("paths that cannot be decoded (proxy.ts)", () => {
  it("answers malformed percent-encoding and encoded lone surrogates with the enveloped 404, API or page", async () => {
    useEnv({ APP_URL: "http://localhost:3000" });
    for (const path of ["/api/v1/authorizations/%E0%A4%A/access-token", "/api/v1/authorizations/%ED%A0%80/access-token", "/connect/connections/%zz"]) {
      const response = answer(`http://localhost:3000${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const body = (await response.json()) as { error: { code: string; requestId: string } };
      expect(body.error.code).toBe("not_found");
      expect(body.error.requestId).toBeTruthy();
    }
  });

  it("lets well-formed API paths through untouched (no page headers on JSON answers)", () => {
    useEnv({ APP_URL: "http://localhost:3000" });
    const response = answer("http://localhost:3000/api/v1/authorizations/abc%2Ddef/access-token");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toBeNull();
  });

  it("answers the SP-API gateway itself (a key-less call gets the gateway's 401), and leaves it to the route on Vercel", async () => {
    useEnv({ APP_URL: "http://localhost:3000", VERCEL: undefined });
    const url = "http://localhost:3000/api/v1/spapi/cmauth123/sellers/v1/marketplaceParticipations";
    const answered = await proxy(new NextRequest(url));
    expect(answered.status).toBe(401);
    expect(((await answered.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
    // Not the gateway's (no Amazon path): Next's router decides.
    expect(answer("http://localhost:3000/api/v1/spapi/cmauth123").headers.get("x-middleware-next")).toBe("1");

    useEnv({ VERCEL: "1" });
    expect(answer(url).headers.get("x-middleware-next")).toBe("1");
    useEnv({ VERCEL: undefined });
  });
});
