// Issue 13 §4: the refresh lease is fenced. A holder paused beyond its lease (a slow LWA) is overtaken by
// another refresh; its late write is refused, it serves the newer token, and exactly one token is served
// afterwards. The refresh token stays the stored one (Amazon does not rotate it on a refresh, so nothing is
// written to it: a late holder cannot put an older one back). Runs on PGlite and, with DATABASE_URL, PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetServerEnvForTests } from "@/lib/env";
import { processLocal } from "@/lib/runtime/process-local";
import { acquireLeases, forgetAllMemoryTokens, storeTokensUnderLeases } from "@/lib/token-cache/token-cache";
import { getAccessToken } from "@/lib/tokens/get-access-token";
import { refreshBatch } from "@/lib/tokens/refresh-batch";
import { useAppWithSandbox } from "../../support/app-harness";
import { connectSeller } from "../../support/connect-seller";
import { sandboxControl } from "../../support/sandbox-session";

interface Stats {
  lwa: { byGrantType: Record<string, number> };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a second instance sees: nothing of this process's memory, and no in-flight load to join. */
function becomeAnotherInstance(): void {
  forgetAllMemoryTokens();
  processLocal("inflightTokens", () => new Map<string, unknown>()).clear();
}

describe("fenced refresh lease", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  beforeAll(() => {
    // A 2 s lease, and an HTTP timeout long enough for LWA to answer the paused holder after it.
    process.env.TOKEN_LEASE_SECONDS = "2";
    process.env.AMAZON_HTTP_TIMEOUT_MS = "8000";
    resetServerEnvForTests();
  });
  afterAll(() => {
    delete process.env.TOKEN_LEASE_SECONDS;
    process.env.AMAZON_HTTP_TIMEOUT_MS = "2000";
    resetServerEnvForTests();
  });

  const refreshCalls = async () => (await sandboxControl<Stats>(app.sandbox, "GET", "/stats")).lwa.byGrantType.refresh_token ?? 0;

  it("refuses the late write of a holder overtaken after its lease lapsed; one token is served", async () => {
    const { authorizationId } = await connectSeller(app.sandbox);
    const cacheKey = `authorization:${authorizationId}`;
    const before = await db.authorization.findUniqueOrThrow({ where: { id: authorizationId } });
    const callsBefore = await refreshCalls();
    // The first refresh is held by LWA for 3.5 s, well beyond the 2 s lease.
    await sandboxControl(app.sandbox, "POST", "/faults", { route: "lwa:refresh_token", kind: "latency", delayMs: 3500, count: 1 });

    const slow = getAccessToken(authorizationId);
    await expect.poll(async () => (await db.accessTokenCache.findUnique({ where: { cacheKey } }))?.leaseGeneration, { timeout: 2000, interval: 50 }).toBe(1);
    await sleep(2300);

    // The lease lapsed: another instance takes it over and stores its token.
    becomeAnotherInstance();
    const overtaking = await getAccessToken(authorizationId);
    const afterTakeover = await db.accessTokenCache.findUniqueOrThrow({ where: { cacheKey } });
    expect(afterTakeover.leaseGeneration).toBe(2);

    // The paused holder's answer arrives: its write is refused and it serves the newer token, not its own.
    const late = await slow;
    expect(late.accessToken).toBe(overtaking.accessToken);
    expect((await refreshCalls()) - callsBefore).toBe(2);
    const row = await db.accessTokenCache.findUniqueOrThrow({ where: { cacheKey } });
    expect(row.tokenCiphertext).toBe(afterTakeover.tokenCiphertext);
    expect(row).toMatchObject({ leaseGeneration: 2, leaseOwner: null, leaseExpiresAt: null });

    // Every instance serves that one token from now on, without asking LWA again.
    becomeAnotherInstance();
    const served = await Promise.all(Array.from({ length: 20 }, () => getAccessToken(authorizationId)));
    expect(new Set(served.map((t) => t.accessToken))).toEqual(new Set([overtaking.accessToken]));
    expect((await refreshCalls()) - callsBefore).toBe(2);

    // The refresh token is untouched and still works at Amazon.
    const after = await db.authorization.findUniqueOrThrow({ where: { id: authorizationId } });
    expect(after).toMatchObject({ status: "ACTIVE", refreshTokenCiphertext: before.refreshTokenCiphertext, consecutiveFailures: 0 });
    await db.accessTokenCache.deleteMany({ where: { cacheKey } });
    becomeAnotherInstance();
    expect((await getAccessToken(authorizationId)).accessToken).toMatch(/^Atza\|/);
  });

  it("extends a batch's leases while it waits on a slow LWA, so nobody overtakes it and LWA is called once", async () => {
    const seller = await connectSeller(app.sandbox);
    const row = await db.authorization.findUniqueOrThrow({ where: { id: seller.authorizationId }, select: { id: true, tenantId: true, refreshTokenCiphertext: true } });
    const callsBefore = await refreshCalls();
    await sandboxControl(app.sandbox, "POST", "/faults", { route: "lwa:refresh_token", kind: "latency", delayMs: 3500, count: 1 });
    const batch = refreshBatch([row], { concurrency: 1 });
    // Past the 2 s lease: another instance still finds it held, waits, and is served the batch's token.
    await sleep(2600);
    becomeAnotherInstance();
    const waiting = await getAccessToken(seller.authorizationId);
    expect(await batch).toMatchObject({ refreshed: 1, failed: 0, skipped: 0 });
    expect((await refreshCalls()) - callsBefore).toBe(1);
    becomeAnotherInstance();
    expect((await getAccessToken(seller.authorizationId)).accessToken).toBe(waiting.accessToken);
    expect(await db.accessTokenCache.findUniqueOrThrow({ where: { cacheKey: `authorization:${seller.authorizationId}` } })).toMatchObject({ leaseGeneration: 1, leaseExpiresAt: null });
  });

  it("refuses a batch's write for a row whose lease was taken over, and stores the others", async () => {
    const [a, b] = [await connectSeller(app.sandbox), await connectSeller(app.sandbox)];
    const keyA = `authorization:${a.authorizationId}`;
    const keyB = `authorization:${b.authorizationId}`;
    const leases = await acquireLeases([
      { cacheKey: keyA, authorizationId: a.authorizationId },
      { cacheKey: keyB, authorizationId: b.authorizationId },
    ]);
    expect(leases.map((l) => l.generation)).toEqual([1, 1]);
    // The batch's lease on A lapses and another holder takes it (generation 2) and stores its token.
    await db.accessTokenCache.update({ where: { cacheKey: keyA }, data: { leaseGeneration: 2, tokenCiphertext: "newer", expiresAt: new Date(Date.now() + 3_600_000), leaseExpiresAt: null } });
    const token = { accessToken: "Atza|late", expiresAt: new Date(Date.now() + 3_600_000) };
    const stored = await storeTokensUnderLeases(leases.map((lease) => ({ lease, token, tokenCiphertext: `late-${lease.cacheKey}` })));
    expect([...stored]).toEqual([keyB]);
    expect((await db.accessTokenCache.findUniqueOrThrow({ where: { cacheKey: keyA } })).tokenCiphertext).toBe("newer");
    expect(await db.accessTokenCache.findUniqueOrThrow({ where: { cacheKey: keyB } })).toMatchObject({ tokenCiphertext: `late-${keyB}`, leaseExpiresAt: null });
  });
});
