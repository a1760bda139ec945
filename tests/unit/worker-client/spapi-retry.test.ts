import { describe, expect, it } from "vitest";
import { SpApiCallError } from "@latchkey/client";
import { amazonError, createFake, json } from "./fake-latchkey";

const participations = { method: "GET", path: "/sellers/v1/marketplaceParticipations", operation: "getMarketplaceParticipations" } as const;
const ok = () => json(200, { payload: [{ marketplace: { id: "ATVPDKIKX0DER" } }] }, { "x-amzn-requestid": "req-ok", "x-amzn-ratelimit-limit": "0.016" });

async function failure(promise: Promise<unknown>): Promise<SpApiCallError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SpApiCallError);
  return error as SpApiCallError;
}

describe("worker client: spapiFetch", () => {
  it("calls the authorization's regional endpoint with the access token, the User-Agent and the query", async () => {
    const fake = createFake({ userAgent: "OrderSync/2.3" });
    fake.setRegion("EU");
    fake.spapi(ok());
    const response = await fake.client.spapiFetch<{ payload: unknown[] }>("auth-1", { method: "GET", path: "/orders/v0/orders", query: { MarketplaceIds: ["A1PA6795UKMFR9", "A1F83G8C2ARO7P"], CreatedAfter: "2026-11-01", MaxResultsPerPage: 10, NextToken: undefined }, operation: "getOrders" });
    expect(response).toMatchObject({ status: 200, requestId: "req-ok", rateLimit: 0.016, attempts: 1 });
    expect(response.data.payload).toHaveLength(1);
    const [call] = fake.spapiRequests();
    expect(call!.url).toBe("https://spapi.test/eu/orders/v0/orders?MarketplaceIds=A1PA6795UKMFR9%2CA1F83G8C2ARO7P&CreatedAfter=2026-11-01&MaxResultsPerPage=10");
    expect(call!.headers.get("x-amz-access-token")).toBe("Atza|token-1");
    expect(call!.headers.get("authorization")).toBeNull();
    expect(call!.headers.get("user-agent")).toBe("OrderSync/2.3 (Language=TypeScript; Platform=Node)");
  });

  it("on 401 drops the token, fetches a fresh one from Latchkey and replays once", async () => {
    const fake = createFake();
    fake.spapi(amazonError(401, "Unauthorized"), ok());
    const response = await fake.client.spapiFetch("auth-1", participations);
    expect(response.attempts).toBe(2);
    expect(fake.tokenRequests()).toHaveLength(2);
    expect(fake.spapiRequests().map((r) => r.headers.get("x-amz-access-token"))).toEqual(["Atza|token-1", "Atza|token-2"]);
    // The refresh tells Latchkey which token Amazon refused, so Latchkey replaces it instead of serving it again.
    expect(fake.tokenRequests().map((r) => r.body)).toEqual([undefined, { rejectedToken: "Atza|token-1" }]);
    expect(fake.sleeps).toEqual([]);
    // The fresh token is cached for the next call.
    fake.spapi(ok());
    await fake.client.spapiFetch("auth-1", participations);
    expect(fake.tokenRequests()).toHaveLength(2);
  });

  it("fails loudly when the replay is refused too: exactly one refresh, two attempts, classified unauthorized", async () => {
    const fake = createFake();
    fake.spapi(amazonError(401, "Unauthorized"), amazonError(401, "Unauthorized"));
    const error = await failure(fake.client.spapiFetch("auth-1", participations));
    expect(error).toMatchObject({ kind: "unauthorized", status: 401, amazonCode: "Unauthorized", attempts: 2, operation: "getMarketplaceParticipations", authorizationId: "auth-1", requestId: "req-Unauthorized" });
    expect(error.message).toMatch(/after one refresh and replay/);
    expect(fake.tokenRequests()).toHaveLength(2);
    expect(fake.spapiRequests()).toHaveLength(2);
  });

  it("treats 403 Unauthorized (Amazon's answer to a revoked token) like 401: one refresh + replay, then unauthorized", async () => {
    const fake = createFake();
    fake.spapi(amazonError(403, "Unauthorized"), amazonError(403, "Unauthorized"));
    const error = await failure(fake.client.spapiFetch("auth-1", participations));
    expect(error).toMatchObject({ kind: "unauthorized", status: 403, attempts: 2 });
    expect(fake.tokenRequests()).toHaveLength(2);
    expect(error.message).not.toContain("Atza|");
  });

  it("does not retry any other 403, and classifies it", async () => {
    const fake = createFake();
    fake.spapi(amazonError(403, "MissingAuthenticationToken"));
    expect(await failure(fake.client.spapiFetch("auth-1", participations))).toMatchObject({ kind: "missing_token", status: 403, attempts: 1 });
    fake.spapi(amazonError(403, "AccessDenied"));
    expect(await failure(fake.client.spapiFetch("auth-1", participations))).toMatchObject({ kind: "forbidden", amazonCode: "AccessDenied", attempts: 1 });
    expect(fake.spapiRequests()).toHaveLength(2);
    expect(fake.tokenRequests()).toHaveLength(1);
    expect(fake.sleeps).toEqual([]);
  });

  it("backs off on 429 and waits at least 1/rate seconds from x-amzn-RateLimit-Limit", async () => {
    const fake = createFake();
    const throttled = amazonError(429, "QuotaExceeded", { "x-amzn-ratelimit-limit": "0.5" });
    fake.spapi(throttled, throttled, ok());
    const response = await fake.client.spapiFetch("auth-1", participations);
    expect(response.attempts).toBe(3);
    // Rate 0.5/s: a token every 2 s, more than the jittered backoff (0.5 × 250 ms, 0.5 × 500 ms).
    expect(fake.sleeps).toEqual([2000, 2000]);
  });

  it("uses exponential backoff with full jitter when the rate allows faster, and gives up after 5 attempts", async () => {
    const fake = createFake({ random: () => 0.999 });
    const throttled = amazonError(429, "QuotaExceeded", { "x-amzn-ratelimit-limit": "20" });
    fake.spapi(throttled, throttled, throttled, throttled, throttled, ok());
    const error = await failure(fake.client.spapiFetch("auth-1", participations));
    expect(error).toMatchObject({ kind: "throttled", status: 429, attempts: 5, amazonCode: "QuotaExceeded" });
    // Ceilings 250, 500, 1000, 2000 ms (× 0.999), never below the 50 ms a 20/s rate needs.
    expect(fake.sleeps).toEqual([249, 499, 999, 1998]);
    expect(fake.spapiRequests()).toHaveLength(5);
  });

  it("honours a configured attempt bound and jitter down to the rate floor", async () => {
    const fake = createFake({ random: () => 0, retry: { maxThrottledAttempts: 3 } });
    const throttled = amazonError(429, "QuotaExceeded", { "x-amzn-ratelimit-limit": "4" });
    fake.spapi(throttled, throttled, throttled);
    expect(await failure(fake.client.spapiFetch("auth-1", participations))).toMatchObject({ kind: "throttled", attempts: 3 });
    expect(fake.sleeps).toEqual([250, 250]);
  });

  it("retries 5xx and network failures a bounded number of times with jittered backoff", async () => {
    const fake = createFake();
    fake.spapi(amazonError(503, "ServiceUnavailable"), new TypeError("fetch failed"), ok());
    expect((await fake.client.spapiFetch("auth-1", participations)).attempts).toBe(3);
    expect(fake.sleeps).toEqual([125, 250]);

    fake.spapi(amazonError(500, "InternalFailure"), amazonError(500, "InternalFailure"), amazonError(500, "InternalFailure"), ok());
    const error = await failure(fake.client.spapiFetch("auth-1", participations));
    expect(error).toMatchObject({ kind: "unavailable", status: 500, attempts: 3 });
    expect(fake.spapiRequests()).toHaveLength(6);
  });

  it("does not replay a POST after a 5xx unless told it is idempotent, but does after a 429", async () => {
    const fake = createFake();
    const post = { method: "POST", path: "/feeds/2021-06-30/feeds", body: { feedType: "X" }, operation: "createFeed" } as const;
    fake.spapi(amazonError(500, "InternalFailure"));
    expect(await failure(fake.client.spapiFetch("auth-1", post))).toMatchObject({ kind: "unavailable", attempts: 1 });
    expect(fake.spapiRequests()[0]!.body).toEqual({ feedType: "X" });
    fake.spapi(amazonError(500, "InternalFailure"), ok());
    expect((await fake.client.spapiFetch("auth-1", { ...post, idempotent: true })).attempts).toBe(2);
    fake.spapi(amazonError(429, "QuotaExceeded"), ok());
    expect((await fake.client.spapiFetch("auth-1", post)).attempts).toBe(2);
  });

  it("does not retry other 4xx", async () => {
    const fake = createFake();
    fake.spapi(amazonError(400, "InvalidInput"));
    expect(await failure(fake.client.spapiFetch("auth-1", participations))).toMatchObject({ kind: "rejected", status: 400, amazonCode: "InvalidInput", attempts: 1 });
  });

  it("passes Latchkey's refusal through when the refresh itself is refused", async () => {
    const fake = createFake();
    fake.spapi(amazonError(403, "Unauthorized"));
    await fake.client.accessToken("auth-1");
    fake.answerAccessToken(() => json(409, { error: { code: "authorization_revoked", message: "revoked", requestId: "r" } }));
    expect(await fake.client.spapiFetch("auth-1", participations).catch((e: unknown) => e)).toMatchObject({ name: "LatchkeyError", code: "authorization_revoked", status: 409 });
  });
});
