import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AlertDeliveryView, AlertListView } from "./alert-view";
import { ALERT_RULES, RULE_LABELS } from "./rules";

export const alertFilters = z.object({
  state: z.enum(["OPEN", "RESOLVED", "all"]).catch("all").default("all"),
  rule: z.enum(ALERT_RULES).optional().catch(undefined),
});

export type AlertFilters = z.infer<typeof alertFilters>;

/** Open alerts first, then the most recent resolved ones; each with how it was notified. */
export async function listAlerts(filters: AlertFilters, limit = 100) {
  const where: Prisma.AlertWhereInput = {
    ...(filters.state === "all" ? {} : { state: filters.state }),
    ...(filters.rule ? { rule: filters.rule } : {}),
  };
  const [alerts, openCount] = await Promise.all([
    db.alert.findMany({
      where,
      orderBy: [{ state: "asc" }, { firedAt: "desc" }],
      take: limit,
      include: { deliveries: { select: { event: true, channel: true, status: true, httpStatus: true, error: true, at: true, attempts: true, nextAttemptAt: true }, orderBy: { at: "asc" } } },
    }),
    db.alert.count({ where: { state: "OPEN" } }),
  ]);
  return { alerts, openCount };
}

export type ListedAlert = Awaited<ReturnType<typeof listAlerts>>["alerts"][number];

/** The same list as plain JSON for the page and /admin/alerts/data (which the page polls). */
export async function listAlertsView(filters: AlertFilters, limit = 100): Promise<AlertListView> {
  const { alerts, openCount } = await listAlerts(filters, limit);
  return {
    openCount,
    generatedAt: new Date().toISOString(),
    alerts: alerts.map((alert) => ({
      id: alert.id,
      rule: alert.rule,
      ruleLabel: RULE_LABELS[alert.rule as keyof typeof RULE_LABELS] ?? alert.rule,
      title: alert.title,
      message: alert.message,
      tenantId: alert.tenantId,
      state: alert.state,
      firedAt: alert.firedAt.toISOString(),
      resolvedAt: alert.resolvedAt?.toISOString() ?? null,
      deliveries: alert.deliveries.map((d) => ({
        event: d.event as AlertDeliveryView["event"],
        channel: d.channel as AlertDeliveryView["channel"],
        status: d.status as AlertDeliveryView["status"],
        httpStatus: d.httpStatus,
        error: d.error,
        at: d.at.toISOString(),
        attempts: d.attempts,
        nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
      })),
    })),
  };
}
