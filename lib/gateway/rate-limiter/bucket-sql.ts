import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { UsagePlanBucket } from "./usage-plan-bucket";

/** The tokens of bucket row `b` now: refilled at its rate since its last change, capped at its burst. */
export const REFILLED_TOKENS = Prisma.sql`LEAST(b."burst", b."tokens" + EXTRACT(EPOCH FROM (now() - b."updatedAt"))::float8 * b."rate")`;

/** Selects one bucket's row as `b`. */
export function isBucket(bucket: UsagePlanBucket): Prisma.Sql {
  return Prisma.sql`b."authorizationId" = ${bucket.authorizationId} AND b."usagePlan" = ${bucket.usagePlan}`;
}
