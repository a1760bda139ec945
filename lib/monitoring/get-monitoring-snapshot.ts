import "server-only";
// Everything /admin/monitoring shows, as plain JSON: the outcome series and the authorizations with the
// most failed calls. The page renders it first; its charts then poll /admin/monitoring/data for the same.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { getOutcomeSeries, getTopFailingAuthorizations, OUTCOME_RANGES, type FailingAuthorization, type OutcomeRange, type OutcomeSeries } from "./get-outcome-series";

export interface MonitoringSnapshot {
  range: OutcomeRange;
  series: OutcomeSeries;
  failing: FailingAuthorization[];
  /** When this snapshot was read (ISO). */
  generatedAt: string;
}

const RANGE_KEYS = Object.keys(OUTCOME_RANGES) as [OutcomeRange, ...OutcomeRange[]];

export const monitoringQuery = z.object({ range: z.enum(RANGE_KEYS).default("24h") });

/** The query of /admin/monitoring/data; an unknown range is a 422 `invalid_input`, not a silent default. */
export function parseMonitoringQuery(params: URLSearchParams): z.infer<typeof monitoringQuery> {
  const parsed = monitoringQuery.safeParse({ range: params.get("range") ?? undefined });
  if (!parsed.success) throw new AppError("invalid_input", `range must be one of ${RANGE_KEYS.join(", ")}.`);
  return parsed.data;
}

export async function getMonitoringSnapshot({ range, now = new Date() }: { range: OutcomeRange; now?: Date }): Promise<MonitoringSnapshot> {
  const [series, failing] = await Promise.all([getOutcomeSeries({ range, now }), getTopFailingAuthorizations({ range, now })]);
  return { range, series, failing, generatedAt: now.toISOString() };
}
