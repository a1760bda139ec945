import "server-only";
import { db } from "@/lib/db/client";
import { checkRotations } from "./check-rotations";
import { rotateIfExpiring } from "./rotate-if-expiring";

/**
 * The client-secret checks of the app-client lifecycle: overdue rotations are flagged, and a secret close to
 * expiry is rotated. Before an app client exists (a fresh install) there is nothing to check.
 */
export async function runClientSecretChecks(now: Date): Promise<{ overdue: number; rotation: string }> {
  if ((await db.appClient.count()) === 0) return { overdue: 0, rotation: "no_app_client" };
  const { overdue } = await checkRotations(now);
  const result = await rotateIfExpiring(now);
  return { overdue, rotation: result.started ? "started" : result.reason };
}
