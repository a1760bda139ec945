import { spawn } from "node:child_process";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { db } from "@/lib/db/client";
import { flushGatewayOutcomes } from "@/lib/gateway/gateway-outcomes";
import { resetServerEnvForTests } from "@/lib/env";
import { createLogger, setLogger } from "@/lib/log";
import { useAppWithSandbox } from "../../support/app-harness";
import { connectSeller } from "../../support/connect-seller";
import { usingPostgres } from "../../support/database";
import { sandboxControl } from "../../support/sandbox-session";
import { changeLedger } from "../../support/ledger";
import { callGateway } from "./support/call-gateway";

interface Stats {
  lwa: { byGrantType: Record<string, number> };
  spapi: { total: number; byOperation: Record<string, { total: number; byStatus: Record<string, number> }> };
}

const PARTICIPATIONS = "/sellers/v1/marketplaceParticipations";
const ORDER_ID = "902-3159896-1390916";
const TOKEN_PATTERNS = [/Atza\|/, /Atzr\|/, /Atz\.sprdt\|/];

let sandbox: Sandbox;
let admin: string;
let apiKey: string;

const stats = () => sandboxControl<Stats>(sandbox, "GET", "/stats");
const callsOf = async (operationId: string) => (await stats()).spapi.byOperation[operationId] ?? { total: 0, byStatus: {} };
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;
const fault = (body: Record<string, unknown>) => sandboxControl(sandbox, "POST", "/faults", body);

/** Status, headers and body of an answer, as one string to search for tokens. */
async function transcript(response: Response): Promise<string> {
  return `${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`;
}

function expectNoToken(text: string): void {
  for (const pattern of TOKEN_PATTERNS) expect(text).not.toMatch(pattern);
}

/** A 403 with this code, no SP-API or LWA call made, and the refusal counted in the monitoring buckets. */
async function expectRefusedBeforeAmazon(authorizationId: string, path: string, code: string, operation: string): Promise<void> {
  const before = await stats();
  const response = await callGateway(authorizationId, path, { key: apiKey });
  expect([response.status, await errorCode(response)]).toEqual([403, code]);
  const after = await stats();
  expect(after.spapi.total).toBe(before.spapi.total);
  expect(after.lwa.byGrantType.refresh_token ?? 0).toBe(before.lwa.byGrantType.refresh_token ?? 0);
  expect(await db.spApiCallBucket.count({ where: { authorizationId, operation, statusClass: "refused" } })).toBe(1);
}

describe("SP-API gateway", () => {
  const app = useAppWithSandbox();
  beforeEach(async () => {
    sandbox = app.sandbox;
    admin = (await db.user.create({ data: { email: "admin@example.test", role: "ADMIN" } })).id;
    apiKey = (await createApiKey({ name: "gateway-worker" }, admin)).apiKey;
    // One POST operation joins the ledger (two admins), so "5xx is retried only when idempotent" has something to POST.
    await changeLedger({ kind: "ADD", api: "feeds_2021-06-30", operationId: "createFeedDocument", roles: ["Selling Partner Insights"], partnerKinds: ["SELLER"], reason: "To upload feed documents in tests." });
  });

  it("forwards an operation with the partner's token and passes Amazon's answer and headers through", async () => {
    const seller = await connectSeller(sandbox);
    const before = await callsOf("getMarketplaceParticipations");
    const response = await callGateway(seller.authorizationId, PARTICIPATIONS, { key: apiKey, headers: { "x-request-id": "worker-req-1" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-amzn-requestid")).toBeTruthy();
    expect(response.headers.get("x-amzn-ratelimit-limit")).toBe("0.016");
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("x-latchkey-request-id")).toBe("worker-req-1");
    const body = (await response.json()) as { payload: { marketplace: { id: string } }[] };
    expect(body.payload.map((p) => p.marketplace.id)).toContain("ATVPDKIKX0DER");
    expect((await callsOf("getMarketplaceParticipations")).total - before.total).toBe(1);
    await flushGatewayOutcomes();
    const bucket = await db.spApiCallBucket.findFirst({ where: { authorizationId: seller.authorizationId, operation: "getMarketplaceParticipations", statusClass: "2xx" } });
    expect(bucket?.count).toBeGreaterThanOrEqual(1);
  });

  it("answers 404 unknown_operation for a path no SP-API model has, without calling Amazon", async () => {
    const seller = await connectSeller(sandbox);
    const before = (await stats()).spapi.total;
    const response = await callGateway(seller.authorizationId, "/sellers/v1/nothing-here", { key: apiKey });
    expect([response.status, await errorCode(response)]).toEqual([404, "unknown_operation"]);
    expect((await stats()).spapi.total).toBe(before);
  });

  it("refuses an operation outside the ledger (403 operation_not_in_ledger) before Amazon, and counts it as refused", async () => {
    const seller = await connectSeller(sandbox);
    await expectRefusedBeforeAmazon(seller.authorizationId, "/catalog/2022-04-01/items?marketplaceIds=ATVPDKIKX0DER&keywords=tent", "operation_not_in_ledger", "searchCatalogItems");
  });

  it("refuses an operation whose known role the partner did not grant (403 role_not_granted) before Amazon", async () => {
    // Amazon lists getAccount's roles in Europe completely (Account Information Service Provider, Finance
    // and Accounting); a seller who granted neither is refused there.
    const seller = await connectSeller(sandbox, { region: "EU" });
    await expectRefusedBeforeAmazon(seller.authorizationId, "/sellers/v1/account", "role_not_granted", "getAccount");

    // The same operation in North America, where Amazon's mapping names no role, is not refused.
    const na = await connectSeller(sandbox);
    expect((await callGateway(na.authorizationId, "/sellers/v1/account", { key: apiKey })).status).toBe(200);
  });

  it("gives a key limited to another tenant 404 and calls nothing", async () => {
    const a = await connectSeller(sandbox, { label: "A" });
    const b = await connectSeller(sandbox, { label: "B" });
    const { apiKey: aOnly } = await createApiKey({ name: "a-only", tenantIds: [a.tenantId] }, admin);
    const before = (await stats()).spapi.total;
    for (const path of [PARTICIPATIONS, "/catalog/2022-04-01/items", "/no/such/path"]) {
      const response = await callGateway(b.authorizationId, path, { key: aOnly });
      expect([response.status, await errorCode(response)]).toEqual([404, "not_found"]);
    }
    expect((await callGateway("no-such-authorization", PARTICIPATIONS, { key: aOnly })).status).toBe(404);
    expect((await callGateway(a.authorizationId, PARTICIPATIONS)).status).toBe(401);
    expect((await stats()).spapi.total).toBe(before);
  });

  it("refuses a revoked authorization with the token API's code, without calling SP-API", async () => {
    const seller = await connectSeller(sandbox);
    await sandboxControl(sandbox, "POST", "/revoke", { sellingPartnerId: seller.sellingPartnerId });
    const before = (await stats()).spapi.total;
    const response = await callGateway(seller.authorizationId, PARTICIPATIONS, { key: apiKey });
    expect([response.status, await errorCode(response)]).toEqual([409, "authorization_revoked"]);
    expect((await stats()).spapi.total).toBe(before);
  });

  it("obtains the RDT of a restricted operation itself: 1,000 calls for one resource shape cost at most 2 RDT requests", async () => {
    const seller = await connectSeller(sandbox);
    const { apiKey } = await createApiKey({ name: "label-printer", rateLimitPerMinute: 5000 }, admin);
    await sandboxControl(sandbox, "POST", "/config", { rateLimits: false });
    // This seller's plan holds 2,000 requests, so the shared bucket lets the 1,000 calls through at once.
    await db.gatewayRateBucket.create({ data: { authorizationId: seller.authorizationId, usagePlan: "ordersV0.getOrder", rate: 0.5, burst: 2000, tokens: 2000, updatedAt: new Date() } });
    const headers = { "x-latchkey-data-elements": "buyerInfo, shippingAddress" };
    const first = await callGateway(seller.authorizationId, `/orders/v0/orders/${ORDER_ID}`, { key: apiKey, headers });
    expect(first.status).toBe(200);
    const text = await transcript(first);
    expect(text).toContain(ORDER_ID);
    expectNoToken(text);

    const statuses: number[] = [];
    for (let batch = 0; batch < 20; batch++) {
      const answers = await Promise.all(Array.from({ length: 50 }, () => callGateway(seller.authorizationId, `/orders/v0/orders/${ORDER_ID}`, { key: apiKey, headers })));
      for (const answer of answers) {
        await answer.arrayBuffer();
        statuses.push(answer.status);
      }
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(1000);
    expect((await callsOf("createRestrictedDataToken")).total).toBeLessThanOrEqual(2);
    expect((await callsOf("getOrder")).byStatus["200"]).toBe(1001);
  }, 120_000);

  it("replays once with a fresh token when Amazon answers 401", async () => {
    const seller = await connectSeller(sandbox);
    expect((await callGateway(seller.authorizationId, PARTICIPATIONS, { key: apiKey })).status).toBe(200);
    const refreshesBefore = (await stats()).lwa.byGrantType.refresh_token ?? 0;
    await fault({ route: "spapi:getMarketplaceParticipations", kind: "invalid_grant", status: 401, count: 1 });
    const response = await callGateway(seller.authorizationId, PARTICIPATIONS, { key: apiKey });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-latchkey-attempts")).toBe("2");
    const after = await stats();
    expect(after.spapi.byOperation.getMarketplaceParticipations!.byStatus).toMatchObject({ "401": 1 });
    // The refused token was dropped and replaced by one LWA refresh.
    expect((after.lwa.byGrantType.refresh_token ?? 0) - refreshesBefore).toBe(1);
  });

  it("classifies 403s: Unauthorized twice is unauthorized after one replay; any other 403 is forbidden, not retried", async () => {
    const seller = await connectSeller(sandbox);
    await callGateway(seller.authorizationId, PARTICIPATIONS, { key: apiKey });
    const base = (await callsOf("getMarketplaceParticipations")).total;
    await fault({ route: "spapi:getMarketplaceParticipations", kind: "invalid_grant", count: 2 });
    const unauthorized = await callGateway(seller.authorizationId, PARTICIPATIONS, { key: apiKey });
    expect(unauthorized.status).toBe(403);
    expect(unauthorized.headers.get("x-latchkey-error-kind")).toBe("unauthorized");
    expect(((await unauthorized.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe("Unauthorized");
    expect((await callsOf("getMarketplaceParticipations")).total - base).toBe(2);

    const refreshes = (await stats()).lwa.byGrantType.refresh_token ?? 0;
    await fault({ route: "spapi:getMarketplaceParticipations", kind: "429", status: 403, count: 1 });
    const forbidden = await callGateway(seller.authorizationId, PARTICIPATIONS, { key: apiKey });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("x-latchkey-error-kind")).toBe("forbidden");
    expect((await callsOf("getMarketplaceParticipations")).total - base).toBe(3);
    expect((await stats()).lwa.byGrantType.refresh_token ?? 0).toBe(refreshes);
    await flushGatewayOutcomes();
    const buckets = await db.spApiCallBucket.findMany({ where: { authorizationId: seller.authorizationId, operation: "getMarketplaceParticipations", statusClass: "403" } });
    expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(3);
  });

  it("retries a 5xx for idempotent requests only", async () => {
    const seller = await connectSeller(sandbox);
    await fault({ route: "spapi:getMarketplaceParticipations", kind: "5xx", status: 503, count: 2 });
    const get = await callGateway(seller.authorizationId, PARTICIPATIONS, { key: apiKey });
    expect(get.status).toBe(200);
    expect(get.headers.get("x-latchkey-attempts")).toBe("3");

    const post = { key: apiKey, method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ contentType: "text/tab-separated-values; charset=UTF-8" }) } as const;
    await fault({ route: "spapi:createFeedDocument", kind: "5xx", count: 1 });
    const once = await callGateway(seller.authorizationId, "/feeds/2021-06-30/documents", post);
    expect(once.status).toBe(500);
    expect(once.headers.get("x-latchkey-error-kind")).toBe("unavailable");
    expect((await callsOf("createFeedDocument")).total).toBe(1);

    // The worker may vouch for a POST (an idempotency key of its own): then it is replayed, body and all.
    await fault({ route: "spapi:createFeedDocument", kind: "5xx", count: 1 });
    const vouched = await callGateway(seller.authorizationId, "/feeds/2021-06-30/documents", { ...post, headers: { ...post.headers, "x-latchkey-idempotent": "true" } });
    expect(vouched.headers.get("x-latchkey-attempts")).toBe("2");
    expect(vouched.status).toBeLessThan(500);
    expect((await callsOf("createFeedDocument")).total).toBe(3);
  });

  it("shapes a burst to the usage plan: no 429 reaches Amazon, the excess gets 429 rate_limited with Retry-After", async () => {
    const seller = await connectSeller(sandbox);
    // Amazon's bucket for the seller is full again (the connection test used one request of it).
    await sandboxControl(sandbox, "POST", "/clock", { advanceMs: 1_000_000 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => callGateway(seller.authorizationId, PARTICIPATIONS, { key: apiKey, headers: { "x-latchkey-max-wait-ms": "0" } })));
    const statuses = answers.map((a) => a.status).sort();
    // Burst 15, one kept in reserve for network jitter.
    expect(statuses.filter((s) => s === 200)).toHaveLength(14);
    const limited = answers.filter((a) => a.status === 429);
    expect(limited).toHaveLength(6);
    for (const answer of limited) {
      expect(await errorCode(answer)).toBe("rate_limited");
      expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect((await callsOf("getMarketplaceParticipations")).byStatus["429"]).toBeUndefined();
  });

  it("drains the bucket on an Amazon 429 and retries after a jittered back-off within the caller's wait", async () => {
    const seller = await connectSeller(sandbox);
    await fault({ route: "spapi:getOrder", kind: "429", count: 1 });
    const started = Date.now();
    const response = await callGateway(seller.authorizationId, `/orders/v0/orders/${ORDER_ID}`, { key: apiKey });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-latchkey-attempts")).toBe("2");
    // getOrder refills at 0.5 per second: the drained bucket's next slot is 2 to 4 seconds away.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect((await callsOf("getOrder")).byStatus).toEqual({ "200": 1, "429": 1 });
  });

  it("refills at the rate Amazon's x-amzn-RateLimit-Limit announces", async () => {
    const seller = await connectSeller(sandbox);
    await db.gatewayRateBucket.create({ data: { authorizationId: seller.authorizationId, usagePlan: "sellers.getMarketplaceParticipations", rate: 1, burst: 5, tokens: 5, updatedAt: new Date() } });
    expect((await callGateway(seller.authorizationId, PARTICIPATIONS, { key: apiKey })).status).toBe(200);
    expect((await db.gatewayRateBucket.findFirstOrThrow({ where: { authorizationId: seller.authorizationId } })).rate).toBeCloseTo(0.016);
  });

  it.skipIf(!usingPostgres())("shares one bucket between two processes (PostgreSQL)", async () => {
    const seller = await connectSeller(sandbox);
    await sandboxControl(sandbox, "POST", "/clock", { advanceMs: 1_000_000 });
    const runChild = () =>
      new Promise<{ statuses: number[] }>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ["node_modules/tsx/dist/cli.mjs", "--tsconfig", "tsconfig.json", "tests/integration/gateway/support/gateway-burst-child.ts", seller.authorizationId, apiKey, PARTICIPATIONS, "12"],
          { env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent" }, stdio: ["ignore", "pipe", "inherit"] },
        );
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
        child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`child exited ${code}`))));
      });
    const [a, b] = await Promise.all([runChild(), runChild()]);
    const all = [...a.statuses, ...b.statuses];
    expect(all.filter((s) => s === 200)).toHaveLength(14);
    expect(all.filter((s) => s === 429)).toHaveLength(10);
    expect((await callsOf("getMarketplaceParticipations")).byStatus["429"]).toBeUndefined();
  });

  it("refuses a request body over 256 KiB with 413 before calling Amazon", async () => {
    const seller = await connectSeller(sandbox);
    const before = (await stats()).spapi.total;
    const response = await callGateway(seller.authorizationId, "/feeds/2021-06-30/documents", { key: apiKey, method: "POST", headers: { "content-type": "application/json" }, body: new Uint8Array(300 * 1024) });
    expect([response.status, await errorCode(response)]).toEqual([413, "payload_too_large"]);
    expect((await stats()).spapi.total).toBe(before);
  });

  describe("against an Amazon that answers with a large body", () => {
    let upstream: Server;
    let seen: IncomingHttpHeaders | undefined;
    let releaseRest: () => void = () => {};
    let stalled = false;
    const CHUNK = 64 * 1024;
    const REST = 8 * 1024 * 1024;

    beforeEach(async () => {
      seen = undefined;
      stalled = false;
      upstream = createServer((req, res) => {
        seen = req.headers;
        res.writeHead(200, { "content-type": "application/json", "x-amzn-RequestId": "req-large", "set-cookie": "amazon=1" });
        res.write(`{"payload":"${"a".repeat(CHUNK)}`);
        // The rest comes only once the worker has the first part: a gateway that buffered would stall here.
        const timer = setTimeout(() => {
          stalled = true;
          releaseRest();
        }, 5000);
        releaseRest = () => {
          clearTimeout(timer);
          res.end(`${"b".repeat(REST)}"}`);
        };
      });
      await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    });
    afterEach(async () => {
      delete process.env.AMAZON_SPAPI_NA_URL;
      resetServerEnvForTests();
      await new Promise((resolve) => upstream.close(resolve));
    });

    it("streams it back without buffering, and sends Amazon neither the worker's credentials nor its cookies", async () => {
      const seller = await connectSeller(sandbox);
      process.env.AMAZON_SPAPI_NA_URL = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
      resetServerEnvForTests();
      const response = await callGateway(seller.authorizationId, PARTICIPATIONS, { key: apiKey, headers: { cookie: "session=worker", "x-forwarded-for": "10.0.0.1", accept: "application/json" } });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-amzn-requestid")).toBe("req-large");
      expect(response.headers.get("set-cookie")).toBeNull();
      const reader = response.body!.getReader();
      let received = 0;
      let first = true;
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        received += read.value.byteLength;
        if (first && received >= CHUNK) {
          first = false;
          releaseRest();
        }
      }
      expect(stalled).toBe(false);
      expect(received).toBe(`{"payload":"`.length + CHUNK + REST + 2);
      expect(seen?.["x-amz-access-token"]).toMatch(/^Atza\|/);
      expect(seen?.authorization).toBeUndefined();
      expect(seen?.cookie).toBeUndefined();
      expect(seen?.["x-forwarded-for"]).toBeUndefined();
      expect(seen?.["user-agent"]).toMatch(/^Latchkey\/.*Language=TypeScript/);
    });

    it("ends the worker's body with an error when Amazon drops the connection mid-answer, and the next call still works", async () => {
      const seller = await connectSeller(sandbox);
      process.env.AMAZON_SPAPI_NA_URL = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
      resetServerEnvForTests();
      const response = await callGateway(seller.authorizationId, PARTICIPATIONS, { key: apiKey });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      const first = await reader.read();
      expect(first.value?.byteLength).toBeGreaterThan(0);
      // Amazon's side of the connection goes away before the rest is sent.
      upstream.closeAllConnections();
      await expect(
        (async () => {
          for (let read = await reader.read(); !read.done; read = await reader.read());
        })(),
      ).rejects.toThrow();
      const again = await callGateway(seller.authorizationId, PARTICIPATIONS, { key: apiKey });
      expect(again.status).toBe(200);
      const reading = again.text();
      releaseRest();
      expect((await reading).endsWith(`"}`)).toBe(true);
    });
  });

  it("stops quietly when the worker goes away while Amazon is still answering", async () => {
    const seller = await connectSeller(sandbox);
    await fault({ route: "spapi:getMarketplaceParticipations", kind: "latency", delayMs: 1500, count: 1 });
    const lines: string[] = [];
    setLogger(createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } }));
    try {
      const response = await callGateway(seller.authorizationId, PARTICIPATIONS, { key: apiKey, signal: AbortSignal.timeout(300) });
      expect(response.status).toBe(499);
      expect(lines.filter((line) => line.includes('"level":"error"'))).toEqual([]);
    } finally {
      setLogger(undefined);
    }
  });

  it("never puts a token in an answer or a log line", async () => {
    const lines: string[] = [];
    setLogger(createLogger({ level: "trace", destination: { write: (line: string) => void lines.push(line) } }));
    try {
      const seller = await connectSeller(sandbox);
      const answers: string[] = [];
      answers.push(await transcript(await callGateway(seller.authorizationId, PARTICIPATIONS, { key: apiKey })));
      answers.push(await transcript(await callGateway(seller.authorizationId, `/orders/v0/orders/${ORDER_ID}`, { key: apiKey })));
      await fault({ route: "spapi:getMarketplaceParticipations", kind: "invalid_grant", count: 2 });
      answers.push(await transcript(await callGateway(seller.authorizationId, PARTICIPATIONS, { key: apiKey })));
      await fault({ route: "spapi", kind: "timeout", count: 3 });
      answers.push(await transcript(await callGateway(seller.authorizationId, PARTICIPATIONS, { key: apiKey })));
      answers.push(await transcript(await callGateway(seller.authorizationId, "/catalog/2022-04-01/items", { key: apiKey })));
      expect(answers.map((a) => a.slice(0, 3))).toEqual(["200", "200", "403", "503", "403"]);
      expect(lines.length).toBeGreaterThan(0);
      for (const text of [...answers, ...lines]) expectNoToken(text);
    } finally {
      setLogger(undefined);
    }
  }, 30_000);
});
