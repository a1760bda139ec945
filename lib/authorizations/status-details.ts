// The details of a connection that only mean something in some statuses, in the words both the partner's and
// the admins' pages show: a disconnected authorization has no "Passed" test and no renewal date counting
// down, and a flow that came back from Amazon but never finished is said to be unfinished.
import type { AuthorizationStatus } from "@/lib/generated/prisma/client";
import { describeDaysUntil, formatDate, formatDateTime } from "@/lib/utils/format";

/** Statuses whose token, tests and renewal date are live. */
const LIVE: readonly AuthorizationStatus[] = ["ACTIVE", "REAUTH_REQUIRED", "QUARANTINED", "IDENTITY_CONFLICT"];

interface Details {
  status: AuthorizationStatus;
  lastConnectivityAt: Date | null;
  lastConnectivityOk: boolean | null;
  renewalDueAt: Date | null;
}

/** The last connection test: `ok` null when there is none to speak of. */
export function lastTestDetail(connection: Details): { text: string; ok: boolean | null } {
  if (connection.status === "REVOKED") return { text: "None since it was disconnected", ok: null };
  if (!LIVE.includes(connection.status) || !connection.lastConnectivityAt) return { text: "Not tested yet", ok: null };
  return { text: `${connection.lastConnectivityOk ? "Passed" : "Failed"} · ${formatDateTime(connection.lastConnectivityAt)}`, ok: connection.lastConnectivityOk };
}

export function renewalDetail(connection: Details, now = new Date()): string {
  if (connection.status === "REVOKED") return "None while disconnected: connecting again starts a new year";
  if (!LIVE.includes(connection.status) || !connection.renewalDueAt) return "—";
  return `${formatDate(connection.renewalDueAt)} (${describeDaysUntil(connection.renewalDueAt, now)})`;
}

/** A callback still running is not unfinished yet: the token request deadline and test calls fit in this. */
export const UNFINISHED_AFTER_MS = 2 * 60_000;

/**
 * When a never-connected authorization's latest flow came back from Amazon (its state was consumed) but
 * did not connect (it failed, or the callback died mid-way): the partner is shown an unfinished attempt.
 */
export function unfinishedAttemptAt(connection: { status: AuthorizationStatus; oauthStates: { consumedAt: Date | null }[] }, now = new Date()): Date | null {
  if (connection.status !== "PENDING") return null;
  const consumedAt = connection.oauthStates[0]?.consumedAt ?? null;
  return consumedAt && now.getTime() - consumedAt.getTime() >= UNFINISHED_AFTER_MS ? consumedAt : null;
}
