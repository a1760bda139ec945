import "server-only";
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";
import type { SecretRotation } from "@/lib/generated/prisma/client";
import { getAppClient } from "../find-app-client";
import { startSecretRotation } from "./start-secret-rotation";

export type ExpiringCheck =
  | { started: true; rotation: SecretRotation }
  | { started: false; reason: "not_expiring" | "in_progress" | "recently_attempted" | "no_expiry_known" };

/**
 * Proactive rotation: starts one when the CURRENT secret expires within SECRET_ROTATION_THRESHOLD_DAYS and
 * no rotation is waiting or was attempted in the last SECRET_ROTATION_TIMEOUT_MINUTES (Amazon allows
 * one per minute; a failed attempt is not retried in a tight loop).
 */
export async function rotateIfExpiring(now = new Date()): Promise<ExpiringCheck> {
  const env = readServerEnv();
  const appClient = await getAppClient();
  const current = await db.appClientSecret.findFirst({ where: { appClientId: appClient.id, state: "CURRENT" }, orderBy: { version: "desc" } });
  if (!current?.expiresAt) return { started: false, reason: "no_expiry_known" };
  if (current.expiresAt.getTime() - now.getTime() > env.SECRET_ROTATION_THRESHOLD_DAYS * 86_400_000) return { started: false, reason: "not_expiring" };
  const recent = await db.secretRotation.findFirst({
    where: { appClientId: appClient.id, OR: [{ status: "REQUESTED" }, { startedAt: { gt: new Date(now.getTime() - env.SECRET_ROTATION_TIMEOUT_MINUTES * 60_000) } }] },
    orderBy: { startedAt: "desc" },
  });
  if (recent) return { started: false, reason: recent.status === "REQUESTED" ? "in_progress" : "recently_attempted" };
  return { started: true, rotation: await startSecretRotation({ actor: "SYSTEM", reason: "expiring" }) };
}
