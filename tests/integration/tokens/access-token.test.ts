import { spawn } from "node:child_process";
import { beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { db } from "@/lib/db/client";
import { forgetAllMemoryTokens } from "@/lib/token-cache/token-cache";
import { getAccessToken } from "@/lib/tokens/get-access-token";
import { getGrantlessToken } from "@/lib/app-client/get-grantless-token";
import { flushUsage } from "@/lib/tokens/usage";
import { useAppWithSandbox } from "../../support/app-harness";
import { connectSeller } from "../../support/connect-seller";
import { usingPostgres } from "../../support/database";
import { sandboxControl } from "../../support/sandbox-session";

let sandbox: Sandbox;

interface Stats {
  lwa: { byGrantType: Record<string, number> };
}

async function refreshCalls(): Promise<number> {
  const stats = await sandboxControl<Stats>(sandbox, "GET", "/stats");
  return stats.lwa.byGrantType.refresh_token ?? 0;
}

/** A connected seller with its own sandbox account; the access token of the code exchange is not cached. */
async function connectedAuthorization(): Promise<string> {
  return (await connectSeller(sandbox)).authorizationId;
}

describe("access tokens", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  beforeEach(() => {
    sandbox = app.sandbox;
  });

  it("serves 1,000 concurrent requests for one cold authorization with one refresh", async () => {
    const id = await connectedAuthorization();
    const before = await refreshCalls();
    const tokens = await Promise.all(Array.from({ length: 1000 }, () => getAccessToken(id)));
    expect(new Set(tokens.map((t) => t.accessToken)).size).toBe(1);
    expect((await refreshCalls()) - before).toBe(1);
    expect(tokens[0]!.accessToken.startsWith("Atza|")).toBe(true);
    expect(tokens[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 55 * 60_000);

    // The shared cache holds it encrypted; another instance (an empty memory) reads it without LWA.
    const row = await db.accessTokenCache.findUniqueOrThrow({ where: { cacheKey: `authorization:${id}` } });
    expect(row.tokenCiphertext).toMatch(/^lk1\./);
    expect(row.tokenCiphertext).not.toContain("Atza|");
    forgetAllMemoryTokens();
    expect((await getAccessToken(id)).accessToken).toBe(tokens[0]!.accessToken);
    expect((await refreshCalls()) - before).toBe(1);
  });

  it.skipIf(!usingPostgres())("lets exactly one of two processes refresh a cold authorization (PostgreSQL)", async () => {
    const id = await connectedAuthorization();
    const before = await refreshCalls();
    const runChild = () =>
      new Promise<{ tokens: string[]; failures: number }>((resolve, reject) => {
        const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "--tsconfig", "tsconfig.json", "tests/support/token-race-child.ts", id, "100"], {
          env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent" },
          stdio: ["ignore", "pipe", "inherit"],
        });
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
        child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`child exited ${code}`))));
      });
    const [a, b] = await Promise.all([runChild(), runChild()]);
    expect(a.failures + b.failures).toBe(0);
    expect(new Set([...a.tokens, ...b.tokens]).size).toBe(1);
    expect((await refreshCalls()) - before).toBe(1);
  });

  it("flips a revoked grant to REVOKED once and audits it once, however many requests find out", async () => {
    const id = await connectedAuthorization();
    const { sellingPartnerId } = await db.authorization.findUniqueOrThrow({ where: { id } });
    await sandboxControl(sandbox, "POST", "/revoke", { sellingPartnerId });
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => getAccessToken(id)));
    expect(results.every((r) => r.status === "rejected" && (r.reason as { code: string }).code === "authorization_revoked")).toBe(true);
    expect(await db.authorization.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "REVOKED", refreshTokenCiphertext: null });
    expect(await db.auditLog.count({ where: { authorizationId: id, action: "authorization.revoked" } })).toBe(1);
    // Later requests are refused by status, without asking Amazon again.
    const calls = await refreshCalls();
    await expect(getAccessToken(id)).rejects.toMatchObject({ code: "authorization_revoked" });
    expect(await refreshCalls()).toBe(calls);
  });

  it("survives an LWA outage: no status change, nothing lost, bounded retries, then a cooldown", async () => {
    const id = await connectedAuthorization();
    const before = await db.authorization.findUniqueOrThrow({ where: { id } });
    await sandboxControl(sandbox, "POST", "/faults", { route: "lwa:refresh_token", kind: "5xx", status: 503 });
    const calls = await refreshCalls();
    await expect(getAccessToken(id)).rejects.toMatchObject({ code: "amazon_unavailable" });
    expect((await refreshCalls()) - calls).toBe(3);
    const after = await db.authorization.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ status: "ACTIVE", refreshTokenCiphertext: before.refreshTokenCiphertext, consecutiveFailures: 1, lastRefreshError: "server_error" });
    expect(after.refreshCooldownUntil!.getTime()).toBeGreaterThan(Date.now());

    // During the cooldown nobody calls LWA: a broken authorization cannot cause a refresh storm.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await Promise.allSettled(Array.from({ length: 20 }, () => getAccessToken(id)));
    expect((await refreshCalls()) - calls).toBe(3);

    // Amazon back, cooldown over: the next request refreshes and clears the counters.
    await sandboxControl(sandbox, "DELETE", "/faults");
    await db.authorization.update({ where: { id }, data: { refreshCooldownUntil: null } });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await getAccessToken(id)).accessToken).toMatch(/^Atza\|/);
    expect(await db.authorization.findUniqueOrThrow({ where: { id } })).toMatchObject({ consecutiveFailures: 0, lastRefreshError: null, refreshCooldownUntil: null });
  });

  it("keeps serving a still-valid token when the refresh ahead of expiry fails", async () => {
    const id = await connectedAuthorization();
    const first = await getAccessToken(id);
    // Move the cached token into the refresh-ahead window (2 minutes left, margin is 5).
    await db.accessTokenCache.update({ where: { cacheKey: `authorization:${id}` }, data: { expiresAt: new Date(Date.now() + 120_000) } });
    forgetAllMemoryTokens();
    await sandboxControl(sandbox, "POST", "/faults", { route: "lwa:refresh_token", kind: "5xx" });
    expect((await getAccessToken(id)).accessToken).toBe(first.accessToken);
  });

  it("stops serving from memory within a second of an admin pausing the authorization", async () => {
    const id = await connectedAuthorization();
    await getAccessToken(id);
    await db.authorization.update({ where: { id }, data: { status: "QUARANTINED" } });
    await new Promise((resolve) => setTimeout(resolve, 1050));
    await expect(getAccessToken(id)).rejects.toMatchObject({ code: "tenant_quarantined" });
  });

  it("records last use in batches, not per request", async () => {
    const id = await connectedAuthorization();
    await db.authorization.update({ where: { id }, data: { lastUsedAt: null, inactiveSince: new Date() } });
    await Promise.all(Array.from({ length: 100 }, () => getAccessToken(id)));
    expect((await db.authorization.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeNull();
    expect(await flushUsage()).toBe(1);
    expect(await db.authorization.findUniqueOrThrow({ where: { id } })).toMatchObject({ inactiveSince: null, lastUsedAt: expect.any(Date) });
  });

  it("caches grantless tokens per scope", async () => {
    const stats = async () => (await sandboxControl<Stats>(sandbox, "GET", "/stats")).lwa.byGrantType.client_credentials ?? 0;
    const before = await stats();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => getGrantlessToken("sellingpartnerapi::notifications")));
    expect(new Set(tokens.map((t) => t.accessToken)).size).toBe(1);
    await getGrantlessToken("sellingpartnerapi::client_credential:rotation");
    expect((await stats()) - before).toBe(2);
  });

  it("sweeps ahead of expiry only recently used authorizations whose token is missing or about to expire", async () => {
    const [expiring, fresh, idle, missing] = [await connectedAuthorization(), await connectedAuthorization(), await connectedAuthorization(), await connectedAuthorization()];
    for (const id of [expiring, fresh, idle]) await getAccessToken(id);
    await db.accessTokenCache.update({ where: { cacheKey: `authorization:${expiring}` }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    const now = new Date();
    await db.authorization.updateMany({ where: { id: { in: [expiring, fresh, missing] } }, data: { lastUsedAt: now } });
    await db.authorization.update({ where: { id: idle }, data: { lastUsedAt: new Date(Date.now() - 3 * 86_400_000) } });
    const before = await refreshCalls();
    const { sweepRefreshAhead } = await import("@/lib/tokens/sweep-refresh-ahead");
    expect(await sweepRefreshAhead({ batchSize: 1 })).toEqual({ batches: 2, examined: 2, refreshed: 2, failed: 0, revoked: 0, skipped: 0 });
    expect((await refreshCalls()) - before).toBe(2);
    const row = await db.accessTokenCache.findUniqueOrThrow({ where: { cacheKey: `authorization:${expiring}` } });
    expect(row.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    // A sweep is not use.
    expect((await db.authorization.findUniqueOrThrow({ where: { id: missing } })).lastUsedAt).toEqual(now);
  });

  it("recovers when the cache row is deleted while callers wait on another instance's lease", async () => {
    const id = await connectedAuthorization();
    const cacheKey = `authorization:${id}`;
    await getAccessToken(id);
    forgetAllMemoryTokens();
    // Another instance holds the lease, so these callers wait for its result...
    await db.accessTokenCache.update({ where: { cacheKey }, data: { tokenCiphertext: null, expiresAt: null, leaseOwner: "another-instance", leaseExpiresAt: new Date(Date.now() + 60_000) } });
    const waiting = Promise.all(Array.from({ length: 20 }, () => getAccessToken(id)));
    // ...and then the row disappears (a reauthorization clears the cache) before that instance answers.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await db.accessTokenCache.deleteMany({ where: { cacheKey } });
    const started = Date.now();
    const tokens = await waiting;
    expect(new Set(tokens.map((t) => t.accessToken)).size).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
