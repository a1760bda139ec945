import "server-only";
// The lifecycle emails partners receive, each sent through lib/email with a dedupe key, so a retried
// workflow step never sends twice. Reminders respect the partner's preferences; security emails do not.
import { createElement } from "react";
import AuthorizationRevokedEmail, { AUTHORIZATION_REVOKED_TEMPLATE, authorizationRevokedSubject, type RevocationReason } from "@/emails/authorization-revoked";
import ConnectedEmail, { CONNECTED_TEMPLATE, connectedSubject } from "@/emails/connected";
import InactivityReminderEmail, { INACTIVITY_REMINDER_TEMPLATE, inactivityReminderSubject } from "@/emails/inactivity-reminder";
import ReauthorizationNeededEmail, { REAUTHORIZATION_NEEDED_TEMPLATE, reauthorizationNeededSubject, type ReauthorizationReason } from "@/emails/reauthorization-needed";
import RenewalReminderEmail, { RENEWAL_REMINDER_TEMPLATE, renewalReminderSubject } from "@/emails/renewal-reminder";
import { sendEmail, type SentEmail } from "@/lib/email/send-email";
import { readServerEnv } from "@/lib/env";
import { formatLocalDate, formatLocalDateTime } from "@/lib/i18n/format";
import { translatorFor } from "@/lib/i18n/translator";
import { emailAccountOf, emailLocaleOf, type LifecycleSubject } from "./authorization-subject";
import { appLink } from "./app-link";
import { reminderLink } from "./reminder-link";

const connectionUrl = (subject: LifecycleSubject) => appLink(`/connect/connections/${subject.id}`);
const preferencesUrl = () => appLink("/connect/preferences");

export async function sendConnectedEmail(subject: LifecycleSubject, reauthorized: boolean): Promise<SentEmail> {
  const account = emailAccountOf(subject);
  const locale = emailLocaleOf(subject);
  return sendEmail({
    to: subject.tenant.contactEmail,
    tenantId: subject.tenantId,
    subject: connectedSubject({ account, reauthorized, locale }),
    template: CONNECTED_TEMPLATE,
    react: createElement(ConnectedEmail, { account, reauthorized, renewalDue: formatLocalDate(locale, subject.renewalDueAt), connectionUrl: connectionUrl(subject), locale }),
    // One per connection: the authorization time identifies it.
    dedupeKey: `connected:${subject.id}:${subject.authorizedAt?.toISOString() ?? "never"}`,
  });
}

export async function sendRenewalReminder(subject: LifecycleSubject, input: { daysLeft: number; dedupeKey: string; now: Date }): Promise<SentEmail> {
  const account = emailAccountOf(subject);
  const locale = emailLocaleOf(subject);
  return sendEmail({
    to: subject.tenant.contactEmail,
    tenantId: subject.tenantId,
    subject: renewalReminderSubject({ account, daysLeft: input.daysLeft, locale }),
    template: RENEWAL_REMINDER_TEMPLATE,
    react: createElement(RenewalReminderEmail, {
      account,
      daysLeft: input.daysLeft,
      dueDate: formatLocalDate(locale, subject.renewalDueAt),
      renewUrl: reminderLink(subject.id, input.now),
      linkExpiresInDays: readServerEnv().REMINDER_LINK_TTL_DAYS,
      preferencesUrl: preferencesUrl(),
      locale,
    }),
    dedupeKey: input.dedupeKey,
  });
}

export async function sendInactivityReminder(subject: LifecycleSubject, input: { unusedDays: number; dedupeKey: string }): Promise<SentEmail> {
  const account = emailAccountOf(subject);
  const locale = emailLocaleOf(subject);
  return sendEmail({
    to: subject.tenant.contactEmail,
    tenantId: subject.tenantId,
    subject: inactivityReminderSubject({ account, unusedDays: input.unusedDays, locale }),
    template: INACTIVITY_REMINDER_TEMPLATE,
    react: createElement(InactivityReminderEmail, {
      account,
      unusedDays: input.unusedDays,
      lastUsed: subject.lastUsedAt ? formatLocalDate(locale, subject.lastUsedAt) : null,
      connectionUrl: connectionUrl(subject),
      preferencesUrl: preferencesUrl(),
      locale,
    }),
    dedupeKey: input.dedupeKey,
  });
}

export async function sendRevokedEmail(subject: LifecycleSubject, input: { reason: RevocationReason; revokedAt: Date }): Promise<SentEmail> {
  const account = emailAccountOf(subject);
  const locale = emailLocaleOf(subject);
  return sendEmail({
    to: subject.tenant.contactEmail,
    tenantId: subject.tenantId,
    subject: authorizationRevokedSubject({ account, locale }),
    template: AUTHORIZATION_REVOKED_TEMPLATE,
    react: createElement(AuthorizationRevokedEmail, {
      account,
      reason: input.reason,
      revokedAt: formatLocalDateTime(locale, input.revokedAt),
      connectionUrl: connectionUrl(subject),
      removeAppInstructions: translatorFor(locale)(`removeApp.${subject.tenant.kind}`),
      locale,
    }),
    dedupeKey: `revoked:${subject.id}:${input.revokedAt.toISOString()}`,
  });
}

export async function sendReauthorizationNeeded(subject: LifecycleSubject, input: { reason: ReauthorizationReason; dedupeKey: string; now: Date }): Promise<SentEmail> {
  const account = emailAccountOf(subject);
  const locale = emailLocaleOf(subject);
  return sendEmail({
    to: subject.tenant.contactEmail,
    tenantId: subject.tenantId,
    subject: reauthorizationNeededSubject({ account, reason: input.reason, locale }),
    template: REAUTHORIZATION_NEEDED_TEMPLATE,
    react: createElement(ReauthorizationNeededEmail, {
      account,
      reason: input.reason,
      renewUrl: reminderLink(subject.id, input.now),
      linkExpiresInDays: readServerEnv().REMINDER_LINK_TTL_DAYS,
      locale,
    }),
    dedupeKey: input.dedupeKey,
  });
}
