// Workers that never hold a token: the worker client's gateway mode and two real SP-API SDKs, set up the way
// the README says, against Latchkey's route handlers over HTTP and the sandbox.
// - @sp-api-sdk (bizon): its generated `OrdersApi` takes a base path and an axios instance, so it is pointed at
//   the gateway with the API key as its only credential.
// - amazon-sp-api (amz-tools): its host is fixed (`https://sellingpartnerapi-{region}.amazon.com`, port 443), so
//   it cannot reach the gateway; it is fed tokens by Latchkey's token API instead (`access_token` with
//   `auto_request_tokens: false`, RDTs from `withRdt`). Here its documented `https_proxy_agent` hook carries
//   its TLS connections to a local TLS server in front of the sandbox: the SDK code runs unchanged.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { Agent, createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect as tlsConnect } from "node:tls";
import { OrdersApi } from "@sp-api-sdk/orders-api-v0";
import axios from "axios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { createLatchkeyClient, LatchkeyError, SpApiCallError, type LatchkeyClient } from "@latchkey/client";
import type { connectSeller } from "../../support/connect-seller";
import { sandboxControl } from "../../support/sandbox-session";
import type { RouteServer } from "./route-server";
import { startWorkerStack, type WorkerStack } from "./worker-stack";

// amazon-sp-api is CommonJS without types.
const { SellingPartner } = (await import("amazon-sp-api")) as unknown as { SellingPartner: new (config: Record<string, unknown>) => { callAPI(params: Record<string, unknown>): Promise<unknown> } };

interface SandboxStats {
  lwa: { byGrantType: Record<string, number> };
  spapi: { total: number; byOperation: Record<string, { total: number; byStatus: Record<string, number> } | undefined>; userAgents: Record<string, number> };
}

const ORDER_ID = "902-3159896-1390916";
const TOKEN = /Atz[ar.]/;
const participations = { method: "GET", path: "/sellers/v1/marketplaceParticipations", operation: "getMarketplaceParticipations" } as const;

let stack: WorkerStack;
let sandbox: Sandbox;
let latchkey: RouteServer;
let apiKey: string;
let gateway: LatchkeyClient;
let seller: Awaited<ReturnType<typeof connectSeller>>;

const stats = () => sandboxControl<SandboxStats>(sandbox, "GET", "/stats");
const gatewayBase = (authorizationId: string) => `${latchkey.url}/api/v1/spapi/${authorizationId}`;

describe("workers without tokens: the gateway mode and SP-API SDKs", () => {
  beforeAll(async () => {
    stack = await startWorkerStack({ name: "gateway-worker", scopes: ["access_tokens", "restricted_data_tokens", "gateway"] });
    ({ sandbox, latchkey, seller, apiKey } = stack);
    gateway = createLatchkeyClient({ baseUrl: latchkey.url, apiKey, mode: "gateway", userAgent: "GatewayWorker/1.0", retry: { baseDelayMs: 10 } });
  });
  afterAll(async () => {
    await gateway?.close();
    await stack?.close();
  });

  it("gateway mode: calls SP-API with the API key alone, restricted data included, and Latchkey records the outcomes", async () => {
    const before = { tokens: latchkey.counts.get("access-token") ?? 0, rdts: latchkey.counts.get("restricted-data-token") ?? 0, gateway: latchkey.counts.get("gateway") ?? 0 };
    const markets = await gateway.spapiFetch<{ payload: { marketplace: { id: string } }[] }>(seller.authorizationId, participations);
    expect(markets.status).toBe(200);
    expect(markets.data.payload.map((p) => p.marketplace.id)).toContain("ATVPDKIKX0DER");
    expect(markets.requestId).toBeTruthy();
    expect(markets.attempts).toBe(1);

    const order = await gateway.spapiFetch<{ payload: { AmazonOrderId: string; BuyerInfo?: { BuyerName?: string } } }>(seller.authorizationId, {
      method: "GET",
      path: `/orders/v0/orders/${ORDER_ID}`,
      operation: "getOrder",
      rdt: [{ method: "GET", path: `/orders/v0/orders/${ORDER_ID}`, dataElements: ["buyerInfo"] }],
    });
    expect(order.data.payload).toMatchObject({ AmazonOrderId: ORDER_ID, BuyerInfo: { BuyerName: "Sandbox Buyer" } });
    expect(JSON.stringify(order.data)).not.toMatch(TOKEN);

    // Nothing went to the token endpoints, and the worker posted no outcomes: the gateway did both jobs.
    expect([latchkey.counts.get("access-token") ?? 0, latchkey.counts.get("restricted-data-token") ?? 0]).toEqual([before.tokens, before.rdts]);
    expect(latchkey.counts.get("gateway")).toBe(before.gateway + 2);
    await gateway.flush();
    expect(latchkey.counts.get("outcomes") ?? 0).toBe(0);
    expect((await stats()).spapi.userAgents).not.toHaveProperty("GatewayWorker/1.0 (Language=TypeScript; Platform=Node)");
  });

  it("gateway mode: Latchkey's refusals are LatchkeyErrors, Amazon's are SpApiCallErrors of the same kinds as a direct call", async () => {
    const unlisted = await gateway.spapiFetch(seller.authorizationId, { method: "GET", path: "/fba/inventory/v1/summaries", query: { granularityType: "Marketplace", granularityId: "ATVPDKIKX0DER", marketplaceIds: ["ATVPDKIKX0DER"] }, operation: "getInventorySummaries" }).catch((e: unknown) => e);
    expect(unlisted).toBeInstanceOf(LatchkeyError);
    expect(unlisted).toMatchObject({ code: "operation_not_in_ledger", status: 403 });

    const unknown = await gateway.spapiFetch(seller.authorizationId, { method: "GET", path: "/no/such/operation", operation: "nothing" }).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: "unknown_operation", status: 404 });

    const missingOrder = await gateway.spapiFetch(seller.authorizationId, { method: "GET", path: "/orders/v0/orders/NOT-AN-ORDER", operation: "getOrder" }).catch((e: unknown) => e);
    expect(missingOrder).toBeInstanceOf(SpApiCallError);
    expect(missingOrder).toMatchObject({ kind: "rejected", operation: "getOrder", authorizationId: seller.authorizationId });
    expect((missingOrder as SpApiCallError).status).toBeGreaterThanOrEqual(400);

    const foreign = await gateway.spapiFetch("no-such-authorization", participations).catch((e: unknown) => e);
    expect(foreign).toMatchObject({ code: "not_found", status: 404 });
  });

  it("@sp-api-sdk/orders-api-v0 pointed at the gateway: getOrder with the API key as its only credential", async () => {
    const ordersBefore = (await stats()).spapi.byOperation.getOrder?.total ?? 0;
    const client = new OrdersApi(undefined, gatewayBase(seller.authorizationId), axios.create({ headers: { authorization: `Bearer ${apiKey}`, "user-agent": "BizonWorker/1.0" } }));
    const { data, status } = await client.getOrder({ orderId: ORDER_ID }, { headers: { "x-latchkey-data-elements": "buyerInfo" } });
    expect(status).toBe(200);
    expect(data.payload).toMatchObject({ AmazonOrderId: ORDER_ID, BuyerInfo: { BuyerName: "Sandbox Buyer" } });
    expect((await stats()).spapi.byOperation.getOrder?.total).toBe(ordersBefore + 1);

    // A wrong key is Latchkey's 401, never Amazon's.
    const stranger = new OrdersApi(undefined, gatewayBase(seller.authorizationId), axios.create({ headers: { authorization: "Bearer lk_live_not_a_key" } }));
    const refused = (await stranger.getOrder({ orderId: ORDER_ID }).then(
      () => ({}),
      (e: unknown) => e,
    )) as { response?: { status: number; data: { error: { code: string } } } };
    expect([refused.response?.status, refused.response?.data.error.code]).toEqual([401, "unauthenticated"]);
  });

  describe("amazon-sp-api fed by Latchkey's token API", () => {
    let tlsFront: HttpsServer;
    let agent: Agent;

    beforeAll(async () => {
      // A TLS front for the sandbox's NA endpoint, with a throwaway self-signed certificate.
      const dir = mkdtempSync(join(tmpdir(), "latchkey-sdk-tls-"));
      execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=sellingpartnerapi-na.amazon.com", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")], { stdio: "ignore" });
      tlsFront = createHttpsServer({ key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) }, (req, res) => {
        void (async () => {
          const chunks: Buffer[] = [];
          for await (const chunk of req) chunks.push(chunk as Buffer);
          const headers = Object.fromEntries(Object.entries(req.headers).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[0] !== "host"));
          const answer = await fetch(`${sandbox.url}/spapi/na${req.url ?? "/"}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
          res.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
          res.end(Buffer.from(await answer.arrayBuffer()));
        })();
      });
      await new Promise<void>((resolve) => tlsFront.listen(0, "127.0.0.1", resolve));
      const { port } = tlsFront.address() as AddressInfo;
      agent = new Agent({ keepAlive: false });
      // Every connection the SDK opens to Amazon's host lands on the local front.
      agent.createConnection = ((_options: unknown, callback?: unknown) => tlsConnect({ host: "127.0.0.1", port, servername: "sellingpartnerapi-na.amazon.com", rejectUnauthorized: false }, callback as () => void)) as Agent["createConnection"];
    });
    afterAll(async () => {
      agent?.destroy();
      await new Promise<void>((resolve) => (tlsFront ? tlsFront.close(() => resolve()) : resolve()));
    });

    it("calls getMarketplaceParticipations with Latchkey's cached token and getOrder with an RDT from withRdt; no LWA call of its own", async () => {
      const tokens = createLatchkeyClient({ baseUrl: latchkey.url, apiKey, reportOutcomes: false });
      const lwaBefore = (await stats()).lwa.byGrantType.refresh_token ?? 0;
      const { accessToken } = await tokens.accessToken(seller.authorizationId);
      const sellingPartner = new SellingPartner({
        region: "na",
        // Never used: with auto_request_tokens off the SDK asks LWA for nothing; Latchkey holds the refresh token.
        refresh_token: "held-by-latchkey",
        access_token: accessToken,
        credentials: { SELLING_PARTNER_APP_CLIENT_ID: "held-by-latchkey", SELLING_PARTNER_APP_CLIENT_SECRET: "held-by-latchkey" },
        options: { auto_request_tokens: false, auto_request_throttled: false, https_proxy_agent: agent, user_agent: "AmzToolsWorker/1.0" },
      });
      const markets = (await sellingPartner.callAPI({ operation: "getMarketplaceParticipations", endpoint: "sellers" })) as { marketplace: { id: string } }[];
      expect(markets.map((m) => m.marketplace.id)).toContain("ATVPDKIKX0DER");

      const order = await tokens.withRdt(seller.authorizationId, [{ method: "GET", path: `/orders/v0/orders/${ORDER_ID}`, dataElements: ["buyerInfo"] }], (rdt) =>
        sellingPartner.callAPI({ operation: "getOrder", endpoint: "orders", path: { orderId: ORDER_ID }, restricted_data_token: rdt.restrictedDataToken }),
      );
      expect(order).toMatchObject({ AmazonOrderId: ORDER_ID, BuyerInfo: { BuyerName: "Sandbox Buyer" } });
      expect((await stats()).spapi.userAgents).toHaveProperty("AmzToolsWorker/1.0");
      expect((await stats()).lwa.byGrantType.refresh_token ?? 0).toBe(lwaBefore);
      await tokens.close();
    });
  });
});
