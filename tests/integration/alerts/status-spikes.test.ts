// The 403 and 429 spike rules beside the 401 one: per tenant, over a rolling window, thresholds from the
// environment; each alert says what to check (403: the granted roles and, for vendors, the vendor link; 429: the
// operation's usage plan), fires once and resolves when the window moves past the answers.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { db } from "@/lib/db/client";
import { resetServerEnvForTests } from "@/lib/env";
import { createLogger, setLogger } from "@/lib/log/logger";
import { recordOutcomes } from "@/lib/monitoring/record-outcomes";
import { resetDatabase, setupTestDatabase, teardownTestDatabase } from "../../support/database";

const MINUTE = 60_000;
const ENV = { ALERT_403_THRESHOLD: "5", ALERT_403_WINDOW_MINUTES: "5", ALERT_429_THRESHOLD: "8", ALERT_429_WINDOW_MINUTES: "3" };

beforeAll(async () => {
  await setupTestDatabase();
  setLogger(createLogger({ level: "silent" }));
});
afterAll(async () => {
  setLogger(undefined);
  await teardownTestDatabase();
});
beforeEach(async () => {
  Object.assign(process.env, ENV);
  resetServerEnvForTests();
  await resetDatabase();
});
afterEach(() => {
  for (const name of Object.keys(ENV)) delete process.env[name];
  resetServerEnvForTests();
});

let n = 0;
async function seed(kind: "SELLER" | "VENDOR") {
  n += 1;
  const tenant = await db.tenant.create({ data: { name: `${kind === "VENDOR" ? "Vendor" : "Seller"} ${n}`, kind, contactEmail: `p${n}@shop.test`, marketplaceIds: [] } });
  const authorization = await db.authorization.create({ data: { tenantId: tenant.id, region: "NA", authType: "WEBSITE", status: "ACTIVE", sellingPartnerId: `A2SPIKE${n}` } });
  return { tenant, authorization };
}

/** The spike alerts an evaluation fired (the calls also count as scope drift for these role-less authorizations). */
async function spikesFired(now: Date) {
  return (await evaluateAlerts({ now })).fired.filter((f) => f.rule.endsWith("_spike"));
}

async function report(authorizationId: string, status: number, operation: string, times: number, at: Date): Promise<void> {
  const outcomes = Array.from({ length: times }, () => ({ authorizationId, operation, status, latencyMs: 40, at: at.toISOString() }));
  await recordOutcomes({ outcomes }, async () => true);
}

describe("403 and 429 spike alerts", () => {
  it("fires a 403 spike per tenant at the threshold, says what to check, and resolves after the window", async () => {
    const vendor = await seed("VENDOR");
    const quiet = await seed("SELLER");
    const now = new Date("2026-12-02T10:00:30Z");
    await report(vendor.authorization.id, 403, "getPurchaseOrders", 3, new Date(now.getTime() - 2 * MINUTE));
    await report(quiet.authorization.id, 403, "getOrders", 4, now);
    expect(await spikesFired(now)).toEqual([]);

    await report(vendor.authorization.id, 403, "submitAcknowledgement", 2, now);
    const fired = { fired: await spikesFired(now) };
    expect(fired.fired).toEqual([{ id: expect.any(String), rule: "forbidden_403_spike", subject: `tenant:${vendor.tenant.id}` }]);
    const alert = await db.alert.findUniqueOrThrow({ where: { id: fired.fired[0]!.id } });
    expect(alert.title).toBe(`403 spike for ${vendor.tenant.name}`);
    expect(alert.message).toContain("refused 5 SP-API calls with 403");
    expect(alert.message).toContain("getPurchaseOrders");
    expect(alert.message).toMatch(/roles the partner granted/);
    expect(alert.message).toMatch(/vendor group is still linked/);
    expect(alert.details).toMatchObject({ count403: 5, threshold: 5, windowMinutes: 5 });

    // Still within the window: the same alert, not a new one. Past it: resolved.
    expect(await spikesFired(new Date(now.getTime() + MINUTE))).toEqual([]);
    const later = await evaluateAlerts({ now: new Date(now.getTime() + 8 * MINUTE) });
    expect(later.resolved.map((r) => r.rule)).toContain("forbidden_403_spike");
  });

  it("fires a 429 spike that points at the usage plan, with its own threshold and window", async () => {
    const seller = await seed("SELLER");
    const now = new Date("2026-12-02T11:00:10Z");
    // Outside the 3-minute window: does not count.
    await report(seller.authorization.id, 429, "getOrders", 6, new Date(now.getTime() - 6 * MINUTE));
    await report(seller.authorization.id, 429, "getOrders", 7, now);
    expect(await spikesFired(now)).toEqual([]);
    await report(seller.authorization.id, 429, "getOrderItems", 1, now);
    const fired = { fired: await spikesFired(now) };
    expect(fired.fired.map((f) => f.rule)).toEqual(["throttled_429_spike"]);
    const alert = await db.alert.findUniqueOrThrow({ where: { id: fired.fired[0]!.id } });
    expect(alert.message).toContain("throttled 8 SP-API calls with 429");
    expect(alert.message).toMatch(/getOrders, getOrderItems/);
    expect(alert.message).toMatch(/usage plan/);
    expect(alert.message).toMatch(/gateway/);
    expect(alert.message).not.toMatch(/vendor/);
  });
});
