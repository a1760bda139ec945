import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { db } from "@/lib/db/client";
import { createLatchkeyClient, LatchkeyError, type LatchkeyClient } from "@latchkey/client";
import type { connectSeller } from "../../support/connect-seller";
import { sandboxControl } from "../../support/sandbox-session";
import type { RouteServer } from "./route-server";
import { startWorkerStack, type WorkerStack } from "./worker-stack";

interface SandboxStats {
  spapi: { byOperation: Record<string, { total: number; byStatus: Record<string, number> } | undefined>; userAgents: Record<string, number> };
}

const participationCalls = async (status: string) => (await sandboxControl<SandboxStats>(sandbox, "GET", "/stats")).spapi.byOperation.getMarketplaceParticipations?.byStatus[status] ?? 0;

const orderId = "902-3159896-1390916";
const participations = { method: "GET", path: "/sellers/v1/marketplaceParticipations", operation: "getMarketplaceParticipations" } as const;

let stack: WorkerStack;
let sandbox: Sandbox;
let latchkey: RouteServer;
let client: LatchkeyClient;
let seller: Awaited<ReturnType<typeof connectSeller>>;

describe("worker client against Latchkey's route handlers and the sandbox over HTTP", () => {
  beforeAll(async () => {
    stack = await startWorkerStack({ name: "order-sync" });
    ({ sandbox, latchkey, seller } = stack);
    client = createLatchkeyClient({
      baseUrl: latchkey.url,
      apiKey: stack.apiKey,
      userAgent: "LatchkeyIntegrationTest/1.0",
      spapiEndpoints: stack.spapiEndpoints,
      retry: { baseDelayMs: 10 },
    });
  });
  afterAll(async () => {
    await client?.close();
    await stack?.close();
  });

  it("fetches a token, calls SP-API, uses an RDT, then fails loudly after exactly one refresh once the seller revokes", async () => {
    const okBefore = await participationCalls("200"); // connecting the seller made its own test call
    const token = await client.accessToken(seller.authorizationId);
    expect(token.accessToken).toMatch(/^Atza\|/);
    expect(token.expiresAt.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(token).toMatchObject({ region: "NA", sellingPartnerId: seller.sellingPartnerId });

    const markets = await client.spapiFetch<{ payload: { marketplace: { id: string } }[] }>(seller.authorizationId, participations);
    expect(markets.status).toBe(200);
    expect(markets.data.payload.map((p) => p.marketplace.id)).toContain("ATVPDKIKX0DER");
    expect(markets.requestId).toBeTruthy();
    expect(latchkey.counts.get("access-token")).toBe(1); // served from the client's cache

    const resources = [{ method: "GET" as const, path: `/orders/v0/orders/${orderId}`, dataElements: ["buyerInfo"] }];
    const buyer = await client.withRdt(seller.authorizationId, resources, async (rdt) => {
      expect(rdt.restrictedDataToken).toMatch(/^Atz\.sprdt\|/);
      const order = await fetch(`${sandbox.url}/spapi/na/orders/v0/orders/${orderId}`, { headers: { "x-amz-access-token": rdt.restrictedDataToken, "user-agent": "LatchkeyIntegrationTest/1.0 (Language=TypeScript)" } });
      expect(order.status).toBe(200);
      return ((await order.json()) as { payload: { BuyerInfo?: { BuyerName?: string } } }).payload.BuyerInfo?.BuyerName;
    });
    expect(buyer).toBe("Sandbox Buyer");
    const order = await client.spapiFetch<{ payload: { AmazonOrderId: string } }>(seller.authorizationId, { method: "GET", path: `/orders/v0/orders/${orderId}`, operation: "getOrder", rdt: resources });
    expect(order.data.payload.AmazonOrderId).toBe(orderId);
    expect(latchkey.counts.get("restricted-data-token")).toBe(2);

    await sandboxControl(sandbox, "POST", "/revoke", { sellingPartnerId: seller.sellingPartnerId });
    const tokenRequestsBefore = latchkey.counts.get("access-token") ?? 0;
    // Amazon refuses the cached token; the client hands it back to Latchkey as rejected, Latchkey refreshes,
    // LWA answers invalid_grant, and the authorization is revoked: the caller hears exactly that.
    const error = await client.spapiFetch(seller.authorizationId, participations).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LatchkeyError);
    expect(error).toMatchObject({ code: "authorization_revoked", status: 409 });
    expect((error as Error).message).not.toMatch(/Atza\|/);
    expect(latchkey.counts.get("access-token")).toBe(tokenRequestsBefore + 1);
    expect((await db.authorization.findUniqueOrThrow({ where: { id: seller.authorizationId } })).status).toBe("REVOKED");

    expect([(await participationCalls("200")) - okBefore, await participationCalls("403")]).toEqual([1, 1]);
    const { spapi } = await sandboxControl<SandboxStats>(sandbox, "GET", "/stats");
    expect(Object.keys(spapi.userAgents)).toContain("LatchkeyIntegrationTest/1.0 (Language=TypeScript; Platform=Node)");

    await client.flush();
    // Latchkey's own LWA refreshes and RDT creations land in the buckets too; here, the SP-API operations:
    // the worker's calls plus the connectivity test Latchkey made when the seller connected. Summed over the
    // minute buckets: the calls may straddle a minute boundary.
    const buckets = await db.spApiCallBucket.groupBy({
      by: ["operation", "statusClass"],
      where: { authorizationId: seller.authorizationId, operation: { notIn: ["lwa.refreshToken", "createRestrictedDataToken"] } },
      _sum: { count: true },
      orderBy: [{ operation: "asc" }, { statusClass: "asc" }],
    });
    expect(buckets.map((b) => [b.operation, b.statusClass, b._sum.count])).toEqual([
      ["getMarketplaceParticipations", "2xx", 2],
      ["getMarketplaceParticipations", "403", 1],
      ["getOrder", "2xx", 1],
    ]);
    expect(latchkey.counts.get("outcomes")).toBe(1);
  });

  it("gets a grantless token for an unlimited key, cached per scope", async () => {
    const before = latchkey.counts.get("grantless-tokens") ?? 0;
    const token = await client.grantlessToken("sellingpartnerapi::notifications");
    expect(token).toMatchObject({ accessToken: expect.stringMatching(/^Atza\|/), scope: "sellingpartnerapi::notifications" });
    expect(token.expiresAt.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect((await client.grantlessToken("sellingpartnerapi::notifications")).accessToken).toBe(token.accessToken);
    expect(latchkey.counts.get("grantless-tokens")).toBe(before + 1);
  });

  it("turns Latchkey's error bodies into LatchkeyError with the stable code", async () => {
    const error = await client.accessToken("no-such-authorization").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LatchkeyError);
    expect(error).toMatchObject({ code: "not_found", status: 404 });
    expect((error as LatchkeyError).requestId).toBeTruthy();
  });
});
