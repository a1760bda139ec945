// Issue 13 §3: the refresh-ahead sweep and the daily liveness check run on a schedule (the same definitions in
// both modes), against the real sandbox. The liveness check finds a partner's revocation without any request
// asking for a token, and the revocation goes through the state machine (status, audit, the partner's email).
import { describe, expect, it } from "vitest";
import { workflowDefinitions } from "@/inngest/functions";
import { db } from "@/lib/db/client";
import { forgetAllMemoryTokens } from "@/lib/token-cache/token-cache";
import { checkLiveness } from "@/lib/tokens/check-liveness";
import { getAccessToken } from "@/lib/tokens/get-access-token";
import type { WorkflowStep } from "@/lib/workflows/workflow-definition";
import { useAppWithSandbox } from "../../support/app-harness";
import { connectSeller } from "../../support/connect-seller";
import { sandboxControl } from "../../support/sandbox-session";

interface Stats {
  lwa: { byGrantType: Record<string, number> };
}

const DAY = 86_400_000;
const inline: WorkflowStep = { run: (_id, fn) => fn(), sendEvent: async () => undefined };

describe("scheduled refresh", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  const refreshCalls = async () => (await sandboxControl<Stats>(app.sandbox, "GET", "/stats")).lwa.byGrantType.refresh_token ?? 0;

  it("declares the sweep every 5 minutes and the liveness check every 10, and the sweep's run refreshes a used authorization", async () => {
    const definitions = workflowDefinitions();
    const sweep = definitions.find((d) => d.id === "refresh-ahead-sweep");
    const liveness = definitions.find((d) => d.id === "authorization-liveness-check");
    expect(sweep && "cron" in sweep.trigger ? sweep.trigger.cron : undefined).toBe("*/5 * * * *");
    expect(liveness && "cron" in liveness.trigger ? liveness.trigger.cron : undefined).toBe("*/10 * * * *");

    const { authorizationId } = await connectSeller(app.sandbox);
    await db.authorization.update({ where: { id: authorizationId }, data: { lastUsedAt: new Date() } });
    const before = await refreshCalls();
    if (!sweep || !("cron" in sweep.trigger)) throw new Error("no sweep");
    const result = (await (sweep.run as (now: Date, step: WorkflowStep) => Promise<unknown>)(new Date(), inline)) as { refreshed: number };
    expect(result.refreshed).toBe(1);
    expect((await refreshCalls()) - before).toBe(1);
    // The request that comes next is served from the shared cache, without waiting on LWA.
    forgetAllMemoryTokens();
    expect((await getAccessToken(authorizationId)).accessToken).toMatch(/^Atza\|/);
    expect((await refreshCalls()) - before).toBe(1);
  });

  it("checks each idle authorization once a day in bounded slices and finds a revocation through the state machine", async () => {
    const [revoked, idle, recent] = [await connectSeller(app.sandbox), await connectSeller(app.sandbox), await connectSeller(app.sandbox)];
    // Nobody uses these; two were last refreshed days ago (the revoked one longest), one an hour ago.
    await db.authorization.update({ where: { id: revoked.authorizationId }, data: { lastRefreshAt: new Date(Date.now() - 3 * DAY), lastUsedAt: null } });
    await db.authorization.update({ where: { id: idle.authorizationId }, data: { lastRefreshAt: new Date(Date.now() - 2 * DAY), lastUsedAt: null } });
    await db.authorization.update({ where: { id: recent.authorizationId }, data: { lastRefreshAt: new Date(Date.now() - 3_600_000) } });
    await sandboxControl(app.sandbox, "POST", "/revoke", { sellingPartnerId: revoked.sellingPartnerId });
    const before = await refreshCalls();

    // 3 live authorizations: a slice of ceil(3 / 144) = 1 per run, the longest unrefreshed first.
    expect(await checkLiveness()).toMatchObject({ live: 3, due: 2, checked: 1, revoked: 1, refreshed: 0 });
    expect(await db.authorization.findUniqueOrThrow({ where: { id: revoked.authorizationId } })).toMatchObject({ status: "REVOKED", refreshTokenCiphertext: null, lastRefreshError: "invalid_grant" });
    expect(await db.auditLog.count({ where: { authorizationId: revoked.authorizationId, action: "authorization.revoked" } })).toBe(1);
    const contact = (await db.tenant.findUniqueOrThrow({ where: { id: revoked.tenantId } })).contactEmail;
    await expect.poll(() => db.emailOutbox.count({ where: { to: contact, template: "authorization-revoked" } }), { timeout: 10_000 }).toBe(1);

    // The next run takes the other idle one: one LWA refresh, recorded, and its token cached for later requests.
    expect(await checkLiveness()).toMatchObject({ live: 2, due: 1, checked: 1, refreshed: 1, revoked: 0 });
    const checked = await db.authorization.findUniqueOrThrow({ where: { id: idle.authorizationId } });
    expect(checked.lastRefreshAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(checked).toMatchObject({ status: "ACTIVE", consecutiveFailures: 0, lastUsedAt: null });
    expect(await db.accessTokenCache.findUniqueOrThrow({ where: { cacheKey: `authorization:${idle.authorizationId}` } })).toMatchObject({ tokenCiphertext: expect.stringMatching(/^lk1\./) });

    // Nothing is due any more: no LWA call, however often it runs; and a cap of 0 turns it off.
    expect(await checkLiveness()).toMatchObject({ due: 0, checked: 0 });
    await db.authorization.update({ where: { id: recent.authorizationId }, data: { lastRefreshAt: new Date(Date.now() - 2 * DAY) } });
    expect(await checkLiveness({ maxPerRun: 0 })).toMatchObject({ due: 1, checked: 0 });
    expect((await refreshCalls()) - before).toBe(2);
  });

  it("bounds each run's slice by LIVENESS_CHECK_MAX_PER_RUN and records transient failures without a status change", async () => {
    const sellers = [await connectSeller(app.sandbox), await connectSeller(app.sandbox)];
    await db.authorization.updateMany({ where: { id: { in: sellers.map((s) => s.authorizationId) } }, data: { lastRefreshAt: new Date(Date.now() - 2 * DAY) } });
    await sandboxControl(app.sandbox, "POST", "/faults", { route: "lwa:refresh_token", kind: "5xx", status: 503 });
    const result = await checkLiveness({ maxPerRun: 1 });
    expect(result).toMatchObject({ live: 2, due: 2, checked: 1, failed: 1, refreshed: 0, revoked: 0 });
    const rows = await db.authorization.findMany({ where: { id: { in: sellers.map((s) => s.authorizationId) } }, orderBy: { consecutiveFailures: "desc" } });
    expect(rows[0]).toMatchObject({ status: "ACTIVE", consecutiveFailures: 1, lastRefreshError: "server_error" });
    expect(rows[0]!.refreshCooldownUntil!.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(rows[0]!.refreshCooldownUntil!.getTime()).toBeLessThan(Date.now() + 31_000);
    expect(rows[1]).toMatchObject({ consecutiveFailures: 0 });
    // The monitoring chart of LWA refreshes counts the attempts (3 transient retries), written in one statement.
    const buckets = await db.spApiCallBucket.findMany({ where: { authorizationId: rows[0]!.id, operation: "lwa.refreshToken" } });
    expect(new Set(buckets.map((b) => b.statusClass))).toEqual(new Set(["5xx"]));
    expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(3);
  });
});
