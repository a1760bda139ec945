// Inactivity against a moving clock: marked after 30 days unused, reminded every 7 days (once each, even
// when the scan runs twice), revocation proposed to the admins after 3 reminders, and cleared by use.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { buildAdminDigest } from "@/lib/lifecycle/admin-digest";
import { flushUsage, touchAuthorization } from "@/lib/tokens/usage";
import { runCronInProcess } from "@/lib/workflows/in-process-runner";
import { DAY, emailsTo, linkIn, seedAuthorization, setUpWorkflowDatabase } from "./support";

setUpWorkflowDatabase();

async function scanTwice(now: Date): Promise<void> {
  await runCronInProcess("lifecycle-scan", now);
  await runCronInProcess("lifecycle-scan", now);
}

describe("inactivity", () => {
  it("marks, reminds every 7 days, proposes revocation, and clears on use", async () => {
    // The clock starts 100 days ago, so a real token request now counts as a later use.
    const t0 = new Date(Date.now() - 100 * DAY);
    const at = (days: number) => new Date(t0.getTime() + days * DAY);
    const { tenant, authorization } = await seedAuthorization({ authorizedAt: new Date(t0.getTime() - 10 * DAY), lastUsedAt: t0 });
    const reminders = () => emailsTo(tenant.contactEmail, "inactivity-reminder");
    const row = () => db.authorization.findUniqueOrThrow({ where: { id: authorization.id } });

    await scanTwice(at(29));
    expect((await row()).inactiveSince).toBeNull();
    expect(await reminders()).toHaveLength(0);

    await scanTwice(at(30));
    expect((await row()).inactiveSince).toEqual(at(30));
    const first = await reminders();
    expect(first.map((m) => m.subject)).toEqual(["Your Seller Central connection has not been used for 30 days"]);
    expect(linkIn(first[0]!.html, "http://localhost:3000/connect/connections/")).toBe(`http://localhost:3000/connect/connections/${authorization.id}`);

    await scanTwice(at(36));
    expect(await reminders()).toHaveLength(1);
    await scanTwice(at(37));
    await scanTwice(at(44));
    expect((await reminders()).map((m) => m.subject)).toEqual([
      "Your Seller Central connection has not been used for 30 days",
      "Your Seller Central connection has not been used for 37 days",
      "Your Seller Central connection has not been used for 44 days",
    ]);

    // After three reminders and one more week: proposed to the admins once; still three partner emails.
    await scanTwice(at(50));
    expect(await db.auditLog.count({ where: { authorizationId: authorization.id, action: "authorization.revocation_proposed" } })).toBe(0);
    await scanTwice(at(51));
    await scanTwice(at(60));
    expect(await db.auditLog.count({ where: { authorizationId: authorization.id, action: "authorization.revocation_proposed" } })).toBe(1);
    expect(await reminders()).toHaveLength(3);
    const digest = await buildAdminDigest(at(60));
    expect(digest.find((s) => s.title === "Proposed for revocation (unused)")?.items.map((i) => i.url)).toEqual([`http://localhost:3000/admin/authorizations/${authorization.id}`]);
    await runCronInProcess("admin-digest", at(60));
    await runCronInProcess("admin-digest", at(60));
    const digests = await emailsTo("admin@latchkey.test", "admin-digest");
    expect(digests.map((m) => m.subject)).toEqual(["Latchkey: 1 thing needs attention"]);
    expect(digests[0]!.html).toContain(tenant.name);

    // A token request clears the mark; the next spell starts its own reminders.
    touchAuthorization(authorization.id);
    expect(await flushUsage()).toBe(1);
    expect((await row()).inactiveSince).toBeNull();
    await scanTwice(new Date());
    expect(await reminders()).toHaveLength(3);
    expect((await buildAdminDigest(new Date())).find((s) => s.title === "Proposed for revocation (unused)")).toBeUndefined();
    await scanTwice(new Date(Date.now() + 31 * DAY));
    expect(await reminders()).toHaveLength(4);
  });

  it("counts reminders for a partner who opted out, without emailing them", async () => {
    const t0 = new Date(Date.now() - 100 * DAY);
    const { tenant, authorization } = await seedAuthorization({ authorizedAt: t0, lastUsedAt: null });
    await db.reminderPreference.create({ data: { tenantId: tenant.id, inactivityReminders: false } });
    for (const days of [30, 37, 44, 51]) await scanTwice(new Date(t0.getTime() + days * DAY));
    expect(await emailsTo(tenant.contactEmail)).toHaveLength(0);
    expect(await db.lifecycleNotice.count({ where: { subjectId: authorization.id, kind: "inactivity", emailed: false } })).toBe(3);
    expect(await db.auditLog.count({ where: { authorizationId: authorization.id, action: "authorization.revocation_proposed" } })).toBe(1);
  });
});
