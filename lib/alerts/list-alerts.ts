import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ALERT_RULES } from "./rules";

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
