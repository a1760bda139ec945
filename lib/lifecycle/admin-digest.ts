import "server-only";
// The admins' daily digest: what needs a person, one list per kind, each item linked to its tenant. Only
// sent when something is on it; once per day per admin.
import { createElement } from "react";
import AdminDigestEmail, { ADMIN_DIGEST_TEMPLATE, adminDigestSubject, type AdminDigestSection } from "@/emails/admin-digest";
import { REGION_NAMES } from "@/lib/amazon/regions";
import { db } from "@/lib/db/client";
import { listUndeliveredEmails } from "@/lib/email/list-undelivered-emails";
import { sendEmail } from "@/lib/email/send-email";
import { formatDate } from "@/lib/utils/format";
import { adminRecipients } from "./admin-recipients";
import { appLink } from "./app-link";
import { claimNotice } from "./lifecycle-notices";
import { DAY } from "./threshold-stage";

const authorizationSelect = { id: true, tenantId: true, region: true, renewalDueAt: true, revokedAt: true, statusReason: true, inactiveSince: true, quarantinedAt: true, tenant: { select: { name: true } } } as const;

type Row = { id: string; region: "NA" | "EU" | "FE"; tenant: { name: string } };

function item(row: Row, detail: string) {
  return { label: `${row.tenant.name} · ${REGION_NAMES[row.region]}`, detail, url: appLink(`/admin/authorizations/${row.id}`) };
}

/**
 * Authorizations whose latest preflight of the last day failed (most often onboarding's, as the account was
 * connected) and that are still active, each with the first thing to fix. A later passing run clears it.
 */
async function failedPreflights(now: Date): Promise<{ authorization: Row; fix: string }[]> {
  const runs = await db.auditLog.findMany({
    where: { action: { in: ["authorization.preflight_passed", "authorization.preflight_failed"] }, at: { gte: new Date(now.getTime() - DAY), lte: now } },
    select: { authorizationId: true, action: true, details: true },
    orderBy: { id: "desc" },
    take: 500,
  });
  const latest = new Map<string, (typeof runs)[number]>();
  for (const run of runs) if (run.authorizationId && !latest.has(run.authorizationId)) latest.set(run.authorizationId, run);
  const failed = [...latest.values()].filter((run) => run.action === "authorization.preflight_failed");
  if (failed.length === 0) return [];
  const authorizations = await db.authorization.findMany({ where: { id: { in: failed.map((run) => run.authorizationId!) }, status: "ACTIVE" }, select: authorizationSelect, take: 50 });
  return authorizations.map((authorization) => {
    const checks = (latest.get(authorization.id)!.details as { checks?: { status: string; detail: string }[] }).checks ?? [];
    return { authorization, fix: checks.find((c) => c.status === "fail")?.detail ?? "The preflight failed: open the authorization to see why." };
  });
}

/** The digest's sections as of `now`; empty sections are left out. */
export async function buildAdminDigest(now: Date): Promise<AdminDigestSection[]> {
  const [overdue, quarantined, revoked, inactive, secret, appClient, openAlerts] = await Promise.all([
    db.authorization.findMany({ where: { status: "REAUTH_REQUIRED" }, select: authorizationSelect, orderBy: { renewalDueAt: "asc" }, take: 50 }),
    db.authorization.findMany({ where: { status: "QUARANTINED" }, select: authorizationSelect, orderBy: { quarantinedAt: "asc" }, take: 50 }),
    db.authorization.findMany({ where: { status: "REVOKED", revokedAt: { gte: new Date(now.getTime() - DAY) } }, select: authorizationSelect, orderBy: { revokedAt: "desc" }, take: 50 }),
    db.authorization.findMany({ where: { status: "ACTIVE", inactiveSince: { not: null } }, select: authorizationSelect, take: 200 }),
    db.appClientSecret.findFirst({ where: { state: "CURRENT" }, orderBy: { version: "desc" }, select: { expiresAt: true } }),
    db.appClient.findFirst({ orderBy: { createdAt: "asc" }, select: { chargeMethodExpiresAt: true } }),
    db.alert.findMany({ where: { state: "OPEN" }, select: { title: true, message: true, firedAt: true }, orderBy: { firedAt: "asc" }, take: 50 }),
  ]);
  const proposals = inactive.length
    ? await db.lifecycleNotice.findMany({ where: { kind: "revocation_proposed", subjectId: { in: inactive.map((a) => a.id) } }, select: { subjectId: true, cycle: true } })
    : [];
  const proposed = inactive.filter((a) => proposals.some((p) => p.subjectId === a.id && p.cycle === a.inactiveSince?.toISOString()));
  const preflightFailed = await failedPreflights(now);
  const undelivered = await listUndeliveredEmails({ since: new Date(now.getTime() - DAY) });

  const sections: AdminDigestSection[] = [
    { title: "Open alerts", items: openAlerts.map((a) => ({ label: a.title, detail: `Since ${formatDate(a.firedAt)}: ${a.message}`, url: appLink("/admin/alerts") })) },
    { title: "Renewals overdue", items: overdue.map((a) => item(a, `Renewal was due ${formatDate(a.renewalDueAt)}`)) },
    { title: "Proposed for revocation (unused)", items: proposed.map((a) => item(a, `Unused since ${formatDate(a.inactiveSince)}; the partner was reminded and did not act`)) },
    { title: "Paused (quarantined)", items: quarantined.map((a) => item(a, `Paused since ${formatDate(a.quarantinedAt)}`)) },
    { title: "Disconnected in the last day", items: revoked.map((a) => item(a, a.statusReason ?? "Disconnected")) },
    { title: "Failed preflight in the last day", items: preflightFailed.map(({ authorization, fix }) => item(authorization, fix)) },
    {
      title: "Emails not delivered in the last day",
      items: undelivered.map((email) => ({
        label: `${email.tenantName ?? "Admins"} · ${email.to}`,
        detail: `"${email.subject}": ${email.reason}`,
        url: appLink(email.tenantId ? `/admin/tenants/${email.tenantId}` : "/admin/outbox"),
      })),
    },
  ];
  const appItems = [];
  if (secret?.expiresAt && secret.expiresAt.getTime() - now.getTime() < 14 * DAY) {
    appItems.push({ label: "Client secret", detail: `Expires ${formatDate(secret.expiresAt)}`, url: appLink("/admin/app-client") });
  }
  if (appClient?.chargeMethodExpiresAt && appClient.chargeMethodExpiresAt.getTime() - now.getTime() < 30 * DAY) {
    appItems.push({ label: "Charge method", detail: `The card on file expires ${formatDate(appClient.chargeMethodExpiresAt)}`, url: appLink("/admin/app-client") });
  }
  sections.push({ title: "App client", items: appItems });
  return sections.filter((section) => section.items.length > 0);
}

export async function sendAdminDigest(now: Date): Promise<{ sent: number; items: number }> {
  const sections = await buildAdminDigest(now);
  const items = sections.reduce((sum, s) => sum + s.items.length, 0);
  const recipients = adminRecipients();
  if (items === 0 || recipients.length === 0) return { sent: 0, items };
  const day = now.toISOString().slice(0, 10);
  if (!(await claimNotice({ kind: "digest", subjectId: "admins", cycle: day, stage: "daily", emailed: true, emailKeys: recipients.map((to) => `digest:${day}:${to}`) }, now))) return { sent: 0, items };
  let sent = 0;
  for (const to of recipients) {
    const email = await sendEmail({
      to,
      subject: adminDigestSubject({ sections }),
      template: ADMIN_DIGEST_TEMPLATE,
      react: createElement(AdminDigestEmail, { date: formatDate(now), sections, dashboardUrl: appLink("/admin") }),
      dedupeKey: `digest:${day}:${to}`,
    });
    if (!email.deduplicated) sent += 1;
  }
  return { sent, items };
}
