// Every audit/timeline event Latchkey writes, with its plain-words label and who sees it. `recordAuditEvent`
// only accepts an action declared here, so a new event without a label does not compile.
//
// Audience: "partner" entries show in the partner's connection history and on the admin pages; "admin"
// entries only on the admin pages (preflight runs, admin-only operations); "partner_own" entries show to the
// partner only when the partner made them (a connection test they ran), and to admins always.
import type { ActorType, Prisma } from "@/lib/generated/prisma/client";

export type AuditAudience = "partner" | "admin" | "partner_own";

export interface AuditEventSpec {
  label: string;
  audience: AuditAudience;
}

export const AUDIT_EVENTS = {
  "authorization.flow_started": { label: "Authorization started", audience: "partner" },
  "authorization.flow_failed": { label: "Authorization did not complete", audience: "partner" },
  "authorization.connected": { label: "Connected", audience: "partner" },
  "authorization.reauthorized": { label: "Authorized again", audience: "partner" },
  "authorization.self_authorized": { label: "Connected by an administrator (self-authorization)", audience: "partner" },
  "authorization.connectivity_tested": { label: "Connection tested", audience: "partner_own" },
  "authorization.preflight_passed": { label: "Preflight passed", audience: "admin" },
  "authorization.preflight_failed": { label: "Preflight failed", audience: "admin" },
  "authorization.token_refreshed": { label: "Token refreshed by an admin", audience: "admin" },
  "authorization.revoked": { label: "Disconnected", audience: "partner" },
  "authorization.renewal_overdue": { label: "Renewal date passed: access paused until authorized again", audience: "partner" },
  "authorization.marked_inactive": { label: "Marked unused", audience: "partner" },
  "authorization.active_again": { label: "In use again", audience: "partner" },
  "authorization.revocation_proposed": { label: "Unused for a long time: proposed for disconnection", audience: "partner" },
  "authorization.quarantined": { label: "Paused by an administrator", audience: "partner" },
  "authorization.quarantine_lifted": { label: "Pause lifted by an administrator", audience: "partner" },
  "authorization.held_for_review": { label: "Connection under review: we are checking which business this Amazon account belongs to", audience: "partner" },
  "authorization.identity_confirmed": { label: "Review finished: the connection is confirmed", audience: "partner" },
  "authorization.identity_conflict_resolved": { label: "Identity conflict resolved by an administrator", audience: "admin" },
  "authorization.reauthorization_requested": { label: "An administrator asked you to authorize again", audience: "partner" },
  "tenant.registered": { label: "Tenant registered", audience: "partner" },
  "tenant.created_by_admin": { label: "Tenant created by an admin", audience: "admin" },
  "tenant.reminder_preferences_changed": { label: "Reminder preferences changed", audience: "partner" },
  "tenant.email_bounced": { label: "An email to the contact address bounced: reminders stopped", audience: "admin" },
  "tenant.email_complained": { label: "An email was marked as spam by its reader: reminders stopped", audience: "admin" },
  "tenant.created_by_api": { label: "Tenant created through the management API", audience: "admin" },
  "tenant.updated_by_api": { label: "Tenant updated through the management API", audience: "admin" },
  "connect_link.created": { label: "Connect link created", audience: "admin" },
  "connect_link.opened": { label: "Connect link opened", audience: "admin" },
  "tenant.language_changed": { label: "Language changed", audience: "partner" },
  "auth.signed_in": { label: "Signed in", audience: "admin" },
  "ledger.change_proposed": { label: "Roles ledger change proposed", audience: "admin" },
  "ledger.change_approved": { label: "Roles ledger change approved by a second admin", audience: "admin" },
  "ledger.change_rejected": { label: "Roles ledger change rejected", audience: "admin" },
  "api_key.created": { label: "API key created", audience: "admin" },
  "api_key.revoked": { label: "API key revoked", audience: "admin" },
  "webhook_endpoint.created": { label: "Webhook endpoint registered", audience: "admin" },
  "webhook_endpoint.updated": { label: "Webhook endpoint changed", audience: "admin" },
  "webhook_endpoint.deleted": { label: "Webhook endpoint removed", audience: "admin" },
  "app_client.created": { label: "App client created", audience: "admin" },
  "app_client.status_changed": { label: "App status changed", audience: "admin" },
  "app_client.billing_updated": { label: "Billing details updated", audience: "admin" },
  "app_client.secret_set_manually": { label: "Client secret entered manually", audience: "admin" },
  "app_client.secret_received": { label: "New client secret received from Amazon", audience: "admin" },
  "app_client.secret_rotated": { label: "Client secret rotated", audience: "admin" },
  "app_client.secret_expiry_notified": { label: "Amazon announced the client secret's expiry", audience: "admin" },
  "app_client.rotation_requested": { label: "Client secret rotation requested", audience: "admin" },
  "app_client.rotation_request_failed": { label: "Client secret rotation could not be requested", audience: "admin" },
  "app_client.destination_created": { label: "Notification destination created", audience: "admin" },
  "app_client.destination_deleted": { label: "Notification destination deleted", audience: "admin" },
  "app_client.secret_fallback": { label: "Current client secret refused: the previous one was used", audience: "admin" },
  "app_client.secret_rejected": { label: "Client secret refused by Amazon", audience: "admin" },
  "app_client.secret_verification_failed": { label: "New client secret failed its verification call", audience: "admin" },
  "app_client.rotation_overdue": { label: "Client secret rotation overdue", audience: "admin" },
  "app_client.rotation_failed": { label: "Client secret rotation failed", audience: "admin" },
} as const satisfies Record<string, AuditEventSpec>;

export type AuditAction = keyof typeof AUDIT_EVENTS;

export const AUDIT_ACTIONS = Object.keys(AUDIT_EVENTS) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_EVENTS, value);
}

/** Every action's label, for pages that look entries up by their stored (string) action. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = Object.fromEntries(AUDIT_ACTIONS.map((action) => [action, AUDIT_EVENTS[action].label]));

/** The label of a stored entry; an action no longer written (an old row) shows as itself. */
export function auditLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_EVENTS[action].label : action;
}

/** Whether the partner sees an entry in their history. */
export function partnerSeesAuditEntry(entry: { action: string; actorType: ActorType }): boolean {
  if (!isAuditAction(entry.action)) return false;
  const audience: AuditAudience = AUDIT_EVENTS[entry.action].audience;
  return audience === "partner" || (audience === "partner_own" && entry.actorType === "PARTNER");
}

function actionsFor(audience: AuditAudience): AuditAction[] {
  return AUDIT_ACTIONS.filter((action) => AUDIT_EVENTS[action].audience === audience);
}

/** The same rule as `partnerSeesAuditEntry`, as a condition on the audit log's rows. */
export function partnerHistoryWhere(): Prisma.AuditLogWhereInput {
  return { OR: [{ action: { in: actionsFor("partner") } }, { action: { in: actionsFor("partner_own") }, actorType: "PARTNER" }] };
}
