import "server-only";
// Admin reminders about the app client: the client secret (30, 7 and 1 day before it expires, and when it
// has) and the developer account's charge method (60, 30 and 7 days before the card expires, and when it
// has). One email per admin per threshold and expiry date, however often the check runs.
import { createElement } from "react";
import AppClientExpiryEmail, { CHARGE_METHOD_EXPIRY_TEMPLATE, CLIENT_SECRET_EXPIRY_TEMPLATE, appClientExpirySubject, type AppClientExpiryKind } from "@/emails/app-client-expiry";
import { db } from "@/lib/db/client";
import { sendEmail } from "@/lib/email/send-email";
import { emitAppClientWebhook } from "@/lib/webhooks/lifecycle-events";
import { formatDate } from "@/lib/utils/format";
import { adminRecipients } from "./admin-recipients";
import { appLink } from "./app-link";
import { claimNotice, noticeEmailKey, type NoticeKey } from "./lifecycle-notices";
import { thresholdStage } from "./threshold-stage";

export const CLIENT_SECRET_REMINDER_DAYS = [30, 7, 1] as const;
export const CHARGE_METHOD_REMINDER_DAYS = [60, 30, 7] as const;

export type ExpiryReminderOutcome = "none" | "not_due" | "reminded" | "already_reminded";

async function remind(kind: AppClientExpiryKind, appClient: { id: string; appName: string }, expiresAt: Date | null | undefined, thresholds: readonly number[], now: Date): Promise<ExpiryReminderOutcome> {
  if (!expiresAt) return "none";
  const stage = thresholdStage(expiresAt, now, thresholds);
  if (!stage) return "not_due";
  const key: NoticeKey = { kind, subjectId: appClient.id, cycle: expiresAt.toISOString(), stage: stage.kind === "passed" ? "expired" : String(stage.threshold) };
  const recipients = adminRecipients();
  if (!(await claimNotice({ ...key, emailed: recipients.length > 0, emailKeys: recipients.map((to) => `${noticeEmailKey(key)}:${to}`) }, now))) return "already_reminded";
  const daysLeft = stage.kind === "passed" ? 0 : stage.daysLeft;
  if (kind === "client_secret") {
    await emitAppClientWebhook(appClient.id, "app_client.secret_expiring", { expiresAt: expiresAt.toISOString(), daysLeft, expired: stage.kind === "passed" }, now);
  }
  for (const to of recipients) {
    await sendEmail({
      to,
      subject: appClientExpirySubject({ kind, appName: appClient.appName, daysLeft }),
      template: kind === "client_secret" ? CLIENT_SECRET_EXPIRY_TEMPLATE : CHARGE_METHOD_EXPIRY_TEMPLATE,
      react: createElement(AppClientExpiryEmail, { kind, appName: appClient.appName, expiresOn: formatDate(expiresAt), daysLeft, appClientUrl: appLink("/admin/app-client") }),
      dedupeKey: `${noticeEmailKey(key)}:${to}`,
    });
  }
  return "reminded";
}

export async function checkAppClientExpiries(now: Date): Promise<{ clientSecret: ExpiryReminderOutcome; chargeMethod: ExpiryReminderOutcome }> {
  const appClient = await db.appClient.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true, appName: true, chargeMethodExpiresAt: true } });
  if (!appClient) return { clientSecret: "none", chargeMethod: "none" };
  const current = await db.appClientSecret.findFirst({ where: { appClientId: appClient.id, state: "CURRENT" }, orderBy: { version: "desc" }, select: { expiresAt: true } });
  return {
    clientSecret: await remind("client_secret", appClient, current?.expiresAt, CLIENT_SECRET_REMINDER_DAYS, now),
    chargeMethod: await remind("charge_method", appClient, appClient.chargeMethodExpiresAt, CHARGE_METHOD_REMINDER_DAYS, now),
  };
}
