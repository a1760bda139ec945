import "server-only";
import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { redact } from "@/lib/log/redact";

export type AppClientAlertKind =
  /** The current secret was refused and the previous one (inside its 7-day window) was used instead. */
  | "secret_fallback"
  /** LWA refused the app's credentials and no other secret could stand in. */
  | "secret_rejected"
  /** A new secret from a notification did not pass its client_credentials check. */
  | "secret_verification_failed"
  /** A rotation was requested but the new-secret notification did not arrive in time. */
  | "rotation_overdue"
  /** Amazon refused a rotation, or it could not be requested. */
  | "rotation_failed";

const ALERT_TEXT: Record<AppClientAlertKind, string> = {
  secret_fallback: "Amazon refused the current client secret; the previous secret was used and still works until it expires",
  secret_rejected: "Amazon refused the app's client secret and no other secret works",
  secret_verification_failed: "A new client secret from Amazon did not pass its verification call",
  rotation_overdue: "A client-secret rotation is overdue: no new-secret notification arrived",
  rotation_failed: "A client-secret rotation failed",
};

const WINDOW_MS = 60 * 60 * 1000;

/**
 * Raises an app-client alert: one audit entry `app_client.<kind>` and one error log line, at most once
 * per kind per clock hour across all instances (a unique row in AppClientAlert decides). Later channels
 * (email, webhooks) hang off this one function. Returns whether this call raised it.
 */
export async function raiseAppClientAlert(kind: AppClientAlertKind, details: Record<string, unknown> = {}): Promise<boolean> {
  const windowStart = new Date(Math.floor(Date.now() / WINDOW_MS) * WINDOW_MS);
  const safeDetails = (redact(details) ?? {}) as Record<string, unknown>;
  const raised = await db.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "AppClientAlert" ("id", "kind", "windowStart", "details")
      VALUES (${randomUUID()}, ${kind}, ${windowStart}, ${JSON.stringify(safeDetails)}::jsonb)
      ON CONFLICT ("kind", "windowStart") DO NOTHING`;
    if (inserted !== 1) return false;
    await recordAuditEvent({ action: `app_client.${kind}`, actorType: "SYSTEM", details: safeDetails }, tx);
    return true;
  });
  if (raised) logger.error({ alert: `app_client.${kind}`, ...safeDetails }, ALERT_TEXT[kind]);
  return raised;
}

/** Recent alerts for the admin page. */
export function listAppClientAlerts(limit = 20) {
  return db.appClientAlert.findMany({ orderBy: { raisedAt: "desc" }, take: limit });
}
