// Where a reminder's one-click link lands after sign-in, and who may follow it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getReminderPreferences, setReminderPreferences } from "@/lib/lifecycle/reminder-preferences";
import { createReminderToken } from "@/lib/lifecycle/reminder-link";
import { resolveReminderLink } from "@/lib/lifecycle/resolve-reminder-link";
import { resetDatabase, setupTestDatabase, teardownTestDatabase } from "../../support/database";
import { DAY, seedAuthorization } from "./support";

beforeAll(setupTestDatabase);
afterAll(teardownTestDatabase);
beforeEach(resetDatabase);

describe("reminder links", () => {
  it("lands the partner on the reauthorization page of their own authorization", async () => {
    const { tenant, authorization } = await seedAuthorization({ authorizedAt: new Date() });
    const token = createReminderToken(authorization.id);
    expect(await resolveReminderLink(tenant.id, token)).toEqual({ ok: true, path: "/connect/consent?marketplace=ATVPDKIKX0DER&reason=renewal" });
    await db.authorization.update({ where: { id: authorization.id }, data: { status: "REVOKED" } });
    expect(await resolveReminderLink(tenant.id, token)).toEqual({ ok: true, path: `/connect/connections/${authorization.id}` });
  });

  it("is a 404 for another business and for a user without one; expired and broken links say so", async () => {
    const a = await seedAuthorization({ authorizedAt: new Date() });
    const b = await seedAuthorization({ authorizedAt: new Date() });
    const token = createReminderToken(a.authorization.id);
    await expect(resolveReminderLink(b.tenant.id, token)).rejects.toMatchObject({ code: "not_found" });
    await expect(resolveReminderLink(null, token)).rejects.toMatchObject({ code: "not_found" });
    expect(await resolveReminderLink(a.tenant.id, createReminderToken(a.authorization.id, new Date(Date.now() - 30 * DAY)))).toEqual({ ok: false, reason: "expired" });
    expect(await resolveReminderLink(a.tenant.id, "garbage")).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("reminder preferences", () => {
  it("defaults to every reminder, and saves a partner's choice with an audit entry", async () => {
    const { tenant } = await seedAuthorization({ authorizedAt: new Date() });
    expect(await getReminderPreferences(tenant.id)).toEqual({ renewalReminders: true, inactivityReminders: true });
    await setReminderPreferences(tenant.id, { renewalReminders: "on", inactivityReminders: false }, { userId: "u1" });
    expect(await getReminderPreferences(tenant.id)).toEqual({ renewalReminders: true, inactivityReminders: false });
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: "tenant.reminder_preferences_changed" } })).toBe(1);
  });
});
