import "server-only";
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";
import { raiseAppClientAlert } from "../raise-app-client-alert";

/**
 * Marks rotations OVERDUE when Amazon's new-secret notification has not arrived within
 * SECRET_ROTATION_TIMEOUT_MINUTES, and raises `rotation_overdue`. An overdue rotation still completes if
 * the notification turns up later. Safe to run from any number of instances (conditional update).
 */
export async function checkRotations(now = new Date()): Promise<{ overdue: number }> {
  const cutoff = new Date(now.getTime() - readServerEnv().SECRET_ROTATION_TIMEOUT_MINUTES * 60_000);
  const late = await db.secretRotation.findMany({ where: { status: "REQUESTED", startedAt: { lt: cutoff } }, select: { id: true, startedAt: true, reason: true } });
  let overdue = 0;
  for (const rotation of late) {
    const { count } = await db.secretRotation.updateMany({ where: { id: rotation.id, status: "REQUESTED" }, data: { status: "OVERDUE" } });
    if (count !== 1) continue;
    overdue += 1;
    await raiseAppClientAlert("rotation_overdue", {
      rotationId: rotation.id,
      reason: rotation.reason,
      startedAt: rotation.startedAt.toISOString(),
      hint: "Check that the SQS consumer runs and that the Developer Console's Notification Preferences name the queue it reads.",
    });
  }
  return { overdue };
}
