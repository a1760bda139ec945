// The renewal scan against a moving clock: exactly one reminder per threshold (60, 30, 7, on the day) even
// when the scan runs twice or concurrently, then the overdue flag and the security email.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyReminderToken } from "@/lib/lifecycle/reminder-link";
import { runCronInProcess } from "@/lib/workflows/in-process-runner";
import { DAY, emailsTo, linkIn, seedAuthorization, setUpWorkflowDatabase } from "./support";

const APP_URL = "http://localhost:3000";

setUpWorkflowDatabase();

/** The scan at `now`, with the authorization used just before (so inactivity stays out of the picture). */
async function scanAt(authorizationId: string, now: Date, times = 2): Promise<void> {
  await db.authorization.update({ where: { id: authorizationId }, data: { lastUsedAt: new Date(now.getTime() - 60_000) } });
  for (let i = 0; i < times; i++) await runCronInProcess("lifecycle-scan", now);
}

describe("renewal reminders", () => {
  it("sends one reminder per threshold however often the scan runs, then flags the overdue authorization once", async () => {
    const authorizedAt = new Date("2026-01-10T12:00:00Z");
    const { tenant, authorization } = await seedAuthorization({ authorizedAt });
    const due = authorization.renewalDueAt!;
    const reminders = () => emailsTo(tenant.contactEmail, "renewal-reminder");

    await scanAt(authorization.id, new Date(due.getTime() - 75 * DAY));
    expect(await reminders()).toHaveLength(0);

    await scanAt(authorization.id, new Date(due.getTime() - 60 * DAY + 3_600_000));
    expect((await reminders()).map((e) => e.subject)).toEqual(["Renew your Seller Central connection in 59 days"]);

    await scanAt(authorization.id, new Date(due.getTime() - 45 * DAY));
    expect(await reminders()).toHaveLength(1);

    // Two scans at once (a duplicated cron run): still one email for the 30-day threshold.
    const at30 = new Date(due.getTime() - 30 * DAY + 60_000);
    await db.authorization.update({ where: { id: authorization.id }, data: { lastUsedAt: at30 } });
    await Promise.all([runCronInProcess("lifecycle-scan", at30), runCronInProcess("lifecycle-scan", at30)]);
    expect(await reminders()).toHaveLength(2);

    await scanAt(authorization.id, new Date(due.getTime() - 7 * DAY + 60_000));
    await scanAt(authorization.id, new Date(due.getTime() - 3 * DAY));
    expect(await reminders()).toHaveLength(3);

    await scanAt(authorization.id, new Date(due.getTime() - 6 * 3_600_000));
    const all = await reminders();
    expect(all.map((e) => e.subject)).toEqual([
      "Renew your Seller Central connection in 59 days",
      "Renew your Seller Central connection in 29 days",
      "Renew your Seller Central connection in 6 days",
      "Action needed today: renew your Seller Central connection",
    ]);
    expect(await db.lifecycleNotice.findMany({ where: { subjectId: authorization.id, kind: "renewal" }, select: { stage: true }, orderBy: { createdAt: "asc" } })).toEqual([
      { stage: "60" },
      { stage: "30" },
      { stage: "7" },
      { stage: "0" },
    ]);

    // The one-click link: APP_URL-based, signed, for this authorization, and it expires.
    const link = linkIn(all[3]!.html, `${APP_URL}/connect/renew?token=`);
    expect(link).toBeDefined();
    const token = new URL(link!).searchParams.get("token");
    expect(verifyReminderToken(token, new Date(due.getTime() - 6 * 3_600_000 + DAY))).toEqual({ ok: true, authorizationId: authorization.id });
    expect(verifyReminderToken(token, new Date(due.getTime() + 30 * DAY))).toEqual({ ok: false, reason: "expired" });
    expect(verifyReminderToken(`${token}x`)).toEqual({ ok: false, reason: "invalid" });
    expect(linkIn(all[3]!.html, `${APP_URL}/connect/preferences`)).toBe(`${APP_URL}/connect/preferences`);

    // Past the date: flagged once, the security email once, and the token service refuses it.
    await scanAt(authorization.id, new Date(due.getTime() + 3_600_000));
    await runCronInProcess("lifecycle-scan", new Date(due.getTime() + 2 * DAY));
    expect(await db.authorization.findUniqueOrThrow({ where: { id: authorization.id } })).toMatchObject({ status: "REAUTH_REQUIRED" });
    const overdue = await emailsTo(tenant.contactEmail, "reauthorization-needed");
    expect(overdue.map((e) => e.subject)).toEqual(["Action needed: authorize your Seller Central connection again"]);
    expect(overdue[0]!.html).toContain("Your renewal date has passed");
    expect(await db.auditLog.count({ where: { authorizationId: authorization.id, action: "authorization.renewal_overdue" } })).toBe(1);
    expect(await reminders()).toHaveLength(4);
  });

  it("skips thresholds already passed when an authorization first shows up late, and respects an opt-out", async () => {
    const authorizedAt = new Date("2026-01-10T12:00:00Z");
    const late = await seedAuthorization({ authorizedAt });
    const optedOut = await seedAuthorization({ authorizedAt });
    await db.reminderPreference.create({ data: { tenantId: optedOut.tenant.id, renewalReminders: false } });
    const due = late.authorization.renewalDueAt!;

    const now = new Date(due.getTime() - 20 * DAY);
    await db.authorization.updateMany({ data: { lastUsedAt: now } });
    await runCronInProcess("lifecycle-scan", now);
    await runCronInProcess("lifecycle-scan", now);
    expect((await emailsTo(late.tenant.contactEmail, "renewal-reminder")).map((e) => e.subject)).toEqual(["Renew your Seller Central connection in 20 days"]);
    expect(await emailsTo(optedOut.tenant.contactEmail)).toHaveLength(0);

    // The security email is not optional.
    const after = new Date(due.getTime() + DAY);
    await db.authorization.updateMany({ data: { lastUsedAt: after } });
    await runCronInProcess("lifecycle-scan", after);
    expect(await emailsTo(optedOut.tenant.contactEmail, "reauthorization-needed")).toHaveLength(1);
    expect(await emailsTo(optedOut.tenant.contactEmail, "renewal-reminder")).toHaveLength(0);
  });
});
