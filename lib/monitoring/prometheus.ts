import "server-only";
// The Prometheus endpoint's registry: one per process, every gauge read from the database at scrape time
// (so any number of instances report the same numbers, and nothing is lost on restart).
import { Gauge, Registry } from "prom-client";
import { db } from "@/lib/db/client";
import { LATCHKEY_OPERATIONS } from "./record-latchkey-call";
import { AUTHORIZATION_STATUSES } from "@/lib/authorizations/transition-table";

const RECENT_MINUTES = 5;
const DAY = 86_400_000;

function recentSince(): Date {
  return new Date(Math.floor((Date.now() - RECENT_MINUTES * 60_000) / 60_000) * 60_000);
}

function buildRegistry(): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ app: "latchkey" });

  new Gauge({
    name: "latchkey_authorizations",
    help: "Authorizations by status.",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const groups = await db.authorization.groupBy({ by: ["status"], _count: { _all: true } });
      this.reset();
      for (const status of AUTHORIZATION_STATUSES) this.set({ status }, groups.find((g) => g.status === status)?._count._all ?? 0);
    },
  });

  new Gauge({
    name: "latchkey_authorizations_refresh_failing",
    help: "Live authorizations whose last LWA refresh failed (consecutive failures > 0).",
    registers: [registry],
    async collect() {
      this.set(await db.authorization.count({ where: { consecutiveFailures: { gt: 0 }, status: { in: ["ACTIVE", "REAUTH_REQUIRED", "QUARANTINED"] } } }));
    },
  });

  new Gauge({
    name: "latchkey_alerts_open",
    help: "Open alerts by rule.",
    labelNames: ["rule"] as const,
    registers: [registry],
    async collect() {
      const groups = await db.alert.groupBy({ by: ["rule"], where: { state: "OPEN" }, _count: { _all: true } });
      this.reset();
      for (const g of groups) this.set({ rule: g.rule }, g._count._all);
    },
  });

  new Gauge({
    name: "latchkey_spapi_calls_recent",
    help: `SP-API calls (reported by workers and made by Latchkey) in the last ${RECENT_MINUTES} minutes, by status class.`,
    labelNames: ["status_class"] as const,
    registers: [registry],
    async collect() {
      const groups = await db.spApiCallBucket.groupBy({ by: ["statusClass"], where: { bucketStart: { gte: recentSince() }, operation: { not: LATCHKEY_OPERATIONS.lwaRefresh } }, _sum: { count: true } });
      this.reset();
      for (const statusClass of ["2xx", "400", "401", "403", "404", "429", "4xx", "5xx", "network"]) {
        this.set({ status_class: statusClass }, groups.find((g) => g.statusClass === statusClass)?._sum.count ?? 0);
      }
    },
  });

  new Gauge({
    name: "latchkey_lwa_refreshes_recent",
    help: `LWA token refreshes in the last ${RECENT_MINUTES} minutes, by outcome.`,
    labelNames: ["outcome"] as const,
    registers: [registry],
    async collect() {
      const groups = await db.spApiCallBucket.groupBy({ by: ["statusClass"], where: { bucketStart: { gte: recentSince() }, operation: LATCHKEY_OPERATIONS.lwaRefresh }, _sum: { count: true } });
      const ok = groups.filter((g) => g.statusClass === "2xx").reduce((sum, g) => sum + (g._sum.count ?? 0), 0);
      const failed = groups.filter((g) => g.statusClass !== "2xx").reduce((sum, g) => sum + (g._sum.count ?? 0), 0);
      this.set({ outcome: "ok" }, ok);
      this.set({ outcome: "failed" }, failed);
    },
  });

  new Gauge({
    name: "latchkey_client_secret_days_to_expiry",
    help: "Days until the app client's current secret expires (negative once expired; absent when unknown).",
    registers: [registry],
    async collect() {
      const secret = await db.appClientSecret.findFirst({ where: { state: "CURRENT", expiresAt: { not: null } }, orderBy: { version: "desc" }, select: { expiresAt: true } });
      this.reset();
      if (secret?.expiresAt) this.set(Math.floor((secret.expiresAt.getTime() - Date.now()) / DAY));
    },
  });

  new Gauge({
    name: "latchkey_charge_method_days_to_expiry",
    help: "Days until the app's charge method expires (absent when not recorded).",
    registers: [registry],
    async collect() {
      const app = await db.appClient.findFirst({ where: { chargeMethodExpiresAt: { not: null } }, select: { chargeMethodExpiresAt: true } });
      this.reset();
      if (app?.chargeMethodExpiresAt) this.set(Math.floor((app.chargeMethodExpiresAt.getTime() - Date.now()) / DAY));
    },
  });

  return registry;
}

let registry: Registry | undefined;

/** The exposition text and its content type. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  registry ??= buildRegistry();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
