import { describe, expect, it } from "vitest";
import { clientSecretMatches, PREVIOUS_SECRET_GRACE_MS, rotateClientSecret } from "../../../sandbox/apps/client-secrets";
import { storedSecret } from "../../../sandbox/apps/stored-secret";
import { FaultRegistry } from "../../../sandbox/control/faults";
import { hashSecret } from "../../../sandbox/ids";
import { generatePurchaseOrders } from "../../../sandbox/spapi/purchase-order-data";
import { SEED_ACCOUNTS } from "../../../sandbox/state/seed";
import type { Account, App } from "../../../sandbox/state/types";

const DAY = 24 * 3600 * 1000;

function app(): App {
  return {
    applicationId: "a",
    clientId: "c",
    appName: "A",
    clientSecrets: [storedSecret("old", 0, 180 * DAY)],
    redirectUris: ["https://x.example/cb"],
    published: false,
    notificationQueueEnrolled: true,
    subscriptionId: "s",
  };
}

describe("client secrets", () => {
  it("are valid while now < expiresAt", () => {
    const subject = app();
    expect(clientSecretMatches(subject, "old", 180 * DAY - 1)).toBe(true);
    expect(clientSecretMatches(subject, "old", 180 * DAY)).toBe(false);
    expect(clientSecretMatches(subject, "wrong", 0)).toBe(false);
  });

  it("rotation makes a 180-day secret and gives the old one 7 days", () => {
    const subject = app();
    const { newSecret, oldSecretExpiresAt } = rotateClientSecret(subject, 10 * DAY);
    expect(newSecret.expiresAt).toBe(190 * DAY);
    expect(oldSecretExpiresAt).toBe(10 * DAY + PREVIOUS_SECRET_GRACE_MS);
    expect(clientSecretMatches(subject, "old", 17 * DAY - 1)).toBe(true);
    expect(clientSecretMatches(subject, "old", 17 * DAY)).toBe(false);
    expect(clientSecretMatches(subject, newSecret.value, 17 * DAY)).toBe(true);
  });

  it("never extends an old secret that expires sooner than 7 days", () => {
    const subject = app();
    const first = rotateClientSecret(subject, 0);
    const second = rotateClientSecret(subject, 6 * DAY);
    expect(second.oldSecretExpiresAt).toBe(13 * DAY);
    expect(subject.clientSecrets[0]?.expiresAt).toBe(7 * DAY);
    expect(subject.clientSecrets[1]?.hash).toBe(hashSecret(first.newSecret.value));
  });
});

describe("FaultRegistry", () => {
  it("matches by group or exact route, oldest first, counting down", () => {
    const faults = new FaultRegistry();
    faults.add({ route: "lwa:refresh_token", kind: "5xx", count: 1 }, 0);
    expect(faults.take(["lwa", "lwa:client_credentials"])).toEqual([]);
    expect(faults.take(["lwa", "lwa:refresh_token"]).map((fault) => fault.kind)).toEqual(["5xx"]);
    expect(faults.take(["lwa", "lwa:refresh_token"])).toEqual([]);
    expect(faults.list()).toEqual([]);
  });

  it("adds latency before a failure and stops at the first failure", () => {
    const faults = new FaultRegistry();
    faults.add({ route: "spapi", kind: "latency", delayMs: 10 }, 0);
    faults.add({ route: "spapi:getAccount", kind: "429" }, 0);
    faults.add({ route: "spapi", kind: "5xx", count: 1 }, 0);
    expect(faults.take(["spapi", "spapi:getAccount"]).map((fault) => fault.kind)).toEqual(["latency", "429"]);
    expect(faults.list().find((fault) => fault.kind === "5xx")?.hits).toBe(0);
  });

  it("rolls probability with the injected random source", () => {
    const rolls = [0.9, 0.1];
    const faults = new FaultRegistry(() => rolls.shift() ?? 0);
    faults.add({ route: "consent", kind: "5xx", probability: 0.5 }, 0);
    expect(faults.take(["consent"])).toEqual([]);
    expect(faults.take(["consent"])).toHaveLength(1);
  });
});

describe("purchase order data", () => {
  const vendor = SEED_ACCOUNTS.find((account) => account.type === "vendor") as Account;

  it("is deterministic for a given clock and never in the future", () => {
    const now = Date.parse("2026-11-22T12:00:00Z");
    const first = generatePurchaseOrders(vendor, now);
    expect(generatePurchaseOrders(vendor, now)).toEqual(first);
    expect(first.length).toBeGreaterThan(10);
    expect(first.every((order) => order.createdAt <= now && order.changedAt <= now)).toBe(true);
    expect(new Set(first.map((order) => order.order.purchaseOrderNumber)).size).toBe(first.length);
  });
});
