import { describe, expect, it } from "vitest";
import { createLatchkeyClient, LatchkeyError, SpApiCallError } from "@latchkey/client";
import { json } from "./fake-latchkey";

const LATCHKEY = "https://latchkey.test";
const participations = { method: "GET", path: "/sellers/v1/marketplaceParticipations", operation: "getMarketplaceParticipations" } as const;

/** A gateway-mode client whose every request is answered by the next scripted answer. */
function gatewayClient(...answers: (Response | Error)[]) {
  const seen: { url: string; init: RequestInit }[] = [];
  const sleeps: number[] = [];
  const client = createLatchkeyClient({
    baseUrl: `${LATCHKEY}/`,
    apiKey: "lk_live_test",
    mode: "gateway",
    gatewayMaxWaitMs: 2500,
    fetch: async (url, init = {}) => {
      seen.push({ url, init });
      const answer = answers.shift();
      if (!answer) throw new Error(`unscripted request ${url}`);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
  });
  const header = (i: number, name: string) => new Headers(seen[i]?.init.headers).get(name);
  return { client, seen, sleeps, header };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe("worker client: gateway mode", () => {
  it("sends the Amazon path to the gateway with the API key, never asks for a token, and reads Latchkey's attempt count", async () => {
    const { client, seen, header } = gatewayClient(json(200, { payload: [] }, { "x-amzn-requestid": "req-1", "x-latchkey-attempts": "2", "x-amzn-ratelimit-limit": "0.016" }));
    const response = await client.spapiFetch("auth/1", { ...participations, query: { MarketplaceIds: ["ATVPDKIKX0DER", "A2EUQ1WTGCTBG2"] } });
    expect(response).toMatchObject({ status: 200, requestId: "req-1", attempts: 2, rateLimit: 0.016 });
    expect(seen.map((s) => s.url)).toEqual([`${LATCHKEY}/api/v1/spapi/auth%2F1/sellers/v1/marketplaceParticipations?MarketplaceIds=ATVPDKIKX0DER%2CA2EUQ1WTGCTBG2`]);
    expect(header(0, "authorization")).toBe("Bearer lk_live_test");
    expect(header(0, "x-amz-access-token")).toBeNull();
    expect(header(0, "x-latchkey-max-wait-ms")).toBe("2500");
    await client.close();
    expect(seen).toHaveLength(1); // no outcome report: the gateway records the attempts itself
  });

  it("names a restricted call's data elements and a POST's idempotency for the gateway", async () => {
    const { client, header } = gatewayClient(json(200, { payload: {} }), json(200, { payload: {} }));
    await client.spapiFetch("auth-1", { method: "GET", path: "/orders/v0/orders/1", operation: "getOrder", rdt: [{ method: "GET", path: "/orders/v0/orders/1", dataElements: ["buyerInfo", "shippingAddress"] }] });
    expect(header(0, "x-latchkey-data-elements")).toBe("buyerInfo,shippingAddress");
    expect(header(0, "x-latchkey-idempotent")).toBeNull();
    await client.spapiFetch("auth-1", { method: "POST", path: "/feeds/2021-06-30/documents", operation: "createFeedDocument", body: { contentType: "text/xml" }, idempotent: true });
    expect(header(1, "x-latchkey-idempotent")).toBe("true");
    expect(header(1, "content-type")).toBe("application/json");
  });

  it("turns Amazon's refusal, as the gateway classified it, into the SpApiCallError a direct call throws", async () => {
    const { client } = gatewayClient(json(403, { errors: [{ code: "Unauthorized", message: "Access to requested resource is denied." }] }, { "x-latchkey-error-kind": "unauthorized", "x-latchkey-attempts": "2", "x-amzn-requestid": "req-403" }));
    const error = await rejection(client.spapiFetch("auth-1", participations));
    expect(error).toBeInstanceOf(SpApiCallError);
    expect(error).toMatchObject({ kind: "unauthorized", status: 403, amazonCode: "Unauthorized", requestId: "req-403", attempts: 2, operation: "getMarketplaceParticipations" });
  });

  it("Amazon not answering is `unavailable` as in a direct call; Latchkey's shared bucket being full is waited out, then `throttled`", async () => {
    const unavailable = gatewayClient(json(503, { error: { code: "amazon_unavailable", message: "Amazon did not answer.", requestId: "lk-1" } }));
    expect(await rejection(unavailable.client.spapiFetch("auth-1", participations))).toMatchObject({ kind: "unavailable", status: 0 });

    const full = () => json(429, { error: { code: "rate_limited", message: "No slot", requestId: "lk-2" } }, { "retry-after": "3" });
    const throttled = gatewayClient(full(), full(), json(200, { payload: [] }));
    expect((await throttled.client.spapiFetch("auth-1", participations)).status).toBe(200);
    expect(throttled.sleeps).toEqual([3000, 3000]);

    const never = gatewayClient(full(), full(), full(), full(), full());
    expect(await rejection(never.client.spapiFetch("auth-1", participations))).toMatchObject({ kind: "throttled", status: 429 });
    expect(never.seen).toHaveLength(5);
  });

  it("Latchkey's own refusals stay LatchkeyErrors with the stable code; a dropped connection is retried only when idempotent", async () => {
    const refused = gatewayClient(json(403, { error: { code: "operation_not_in_ledger", message: "Not in the ledger", requestId: "lk-3" } }));
    const error = await rejection(refused.client.spapiFetch("auth-1", participations));
    expect(error).toBeInstanceOf(LatchkeyError);
    expect(error).toMatchObject({ code: "operation_not_in_ledger", status: 403, requestId: "lk-3" });

    const flaky = gatewayClient(new TypeError("fetch failed"), json(200, { payload: [] }));
    expect((await flaky.client.spapiFetch("auth-1", participations)).status).toBe(200);

    const post = gatewayClient(new TypeError("fetch failed"));
    expect(await rejection(post.client.spapiFetch("auth-1", { method: "POST", path: "/feeds/2021-06-30/feeds", operation: "createFeed", body: {} }))).toMatchObject({ code: "network_error", status: 0 });
    expect(post.seen).toHaveLength(1);
  });
});
