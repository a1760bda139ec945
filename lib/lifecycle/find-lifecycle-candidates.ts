import "server-only";
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";
import { RENEWAL_REMINDER_DAYS } from "./check-renewal";
import { DAY } from "./threshold-stage";

/** Ids of the active authorizations the daily scan must look at: renewal within 60 days, or unused, or marked inactive. */
export async function findLifecycleCandidates(now: Date): Promise<string[]> {
  const env = readServerEnv();
  const renewalHorizon = new Date(now.getTime() + (Math.max(...RENEWAL_REMINDER_DAYS) + 1) * DAY);
  const unusedBefore = new Date(now.getTime() - env.INACTIVITY_THRESHOLD_DAYS * DAY);
  const rows = await db.authorization.findMany({
    where: {
      status: "ACTIVE",
      OR: [{ renewalDueAt: { lte: renewalHorizon } }, { inactiveSince: { not: null } }, { lastUsedAt: { lte: unusedBefore } }, { lastUsedAt: null, authorizedAt: { lte: unusedBefore } }],
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => row.id);
}
