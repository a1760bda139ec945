import { describe, expect, it } from "vitest";
import { LatchkeyError } from "@latchkey/client";
import { createFake, json, LATCHKEY } from "./fake-latchkey";

describe("worker client: access tokens", () => {
  it("asks Latchkey once per authorization and serves the token from memory until shortly before expiry", async () => {
    const fake = createFake();
    const first = await fake.client.accessToken("auth-1");
    expect(first).toEqual({ accessToken: "Atza|token-1", expiresAt: expect.any(Date), region: "NA", sellingPartnerId: "A2SELLER" });
    const concurrent = await Promise.all(Array.from({ length: 50 }, () => fake.client.accessToken("auth-1")));
    expect(new Set(concurrent.map((t) => t.accessToken))).toEqual(new Set(["Atza|token-1"]));
    expect(fake.tokenRequests()).toHaveLength(1);

    const request = fake.tokenRequests()[0]!;
    expect(request.url).toBe(`${LATCHKEY}/api/v1/authorizations/auth-1/access-token`);
    expect(request.method).toBe("POST");
    expect(request.headers.get("authorization")).toBe("Bearer lk_live_test");

    fake.advance(3600_000 - 61_000); // still outside the 60 s margin
    expect((await fake.client.accessToken("auth-1")).accessToken).toBe("Atza|token-1");
    fake.advance(2_000); // inside it: ask again
    expect((await fake.client.accessToken("auth-1")).accessToken).toBe("Atza|token-2");
    expect(fake.tokenRequests()).toHaveLength(2);
  });

  it("shares one request between concurrent first callers and keeps authorizations apart", async () => {
    const fake = createFake();
    await Promise.all([fake.client.accessToken("auth-1"), fake.client.accessToken("auth-1"), fake.client.accessToken("auth-2")]);
    expect(fake.tokenRequests().map((r) => r.url.split("/").at(-2))).toEqual(["auth-1", "auth-2"]);
  });

  it("throws LatchkeyError with Latchkey's stable code and status, and caches no failure", async () => {
    const fake = createFake();
    fake.answerAccessToken(() =>
      json(409, { error: { code: "authorization_revoked", message: "This Amazon authorization was revoked.", requestId: "req-1" } }),
    );
    const error = await fake.client.accessToken("auth-1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LatchkeyError);
    expect(error).toMatchObject({ code: "authorization_revoked", status: 409, requestId: "req-1", retryable: false });

    fake.answerAccessToken(() => json(429, { error: { code: "rate_limited", message: "slow down", requestId: "req-2" } }, { "retry-after": "7" }));
    expect(await fake.client.accessToken("auth-1").catch((e: unknown) => e)).toMatchObject({ code: "rate_limited", status: 429, retryAfterSeconds: 7, retryable: true });
    expect(fake.tokenRequests()).toHaveLength(2);
  });

  it("reports an unreachable Latchkey as network_error (status 0) and a non-JSON answer as unexpected_response", async () => {
    const fake = createFake();
    fake.answerAccessToken(() => new TypeError("fetch failed"));
    expect(await fake.client.accessToken("auth-1").catch((e: unknown) => e)).toMatchObject({ name: "LatchkeyError", code: "network_error", status: 0 });
    fake.answerAccessToken(() => new Response("<html>Bad gateway</html>", { status: 502 }));
    expect(await fake.client.accessToken("auth-1").catch((e: unknown) => e)).toMatchObject({ code: "unexpected_response", status: 502 });
  });

  it("never puts a token in an error message", async () => {
    const fake = createFake();
    fake.answerAccessToken(() => json(200, { accessToken: "Atza|secret", expiresAt: "2026-11-22T11:00:00.000Z" }));
    const error = (await fake.client.accessToken("auth-1").catch((e: unknown) => e)) as LatchkeyError;
    expect(error.code).toBe("unexpected_response");
    expect(error.message).not.toContain("Atza|secret");
  });
});
