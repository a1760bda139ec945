// Each Inngest function run by @inngest/test's engine (the real InngestFunction, with Inngest's own step
// execution) against the test database: what it returns, which steps it ran, what it sent.
import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import type { InngestFunction } from "inngest";
import { adminDigest } from "@/inngest/functions/admin-digest";
import { appClientBillingChanged, appClientExpiryReminders, clientSecretChecks } from "@/inngest/functions/app-client-checks";
import { checkAuthorizationLifecycleFn } from "@/inngest/functions/check-authorization-lifecycle";
import { workflows } from "@/inngest/functions";
import { lifecycleScan } from "@/inngest/functions/lifecycle-scan";
import { buildAdminDigest } from "@/lib/lifecycle/admin-digest";
import { alertEvaluation, monitoringRetention } from "@/inngest/functions/monitoring-checks";
import { notifyConnected, notifyReauthorized } from "@/inngest/functions/notify-connected";
import { notifyQuarantined, notifyReauthorizationRequested } from "@/inngest/functions/notify-reauthorization-needed";
import { notifyRevoked } from "@/inngest/functions/notify-revoked";
import { bootstrapAppClient } from "@/lib/app-client/bootstrap-app-client";
import { db } from "@/lib/db/client";
import { SANDBOX_APP } from "../../support/sandbox-session";
import { DAY, emailsTo, seedAuthorization, setUpWorkflowDatabase } from "./support";

const ADMIN = "admin@latchkey.test";

setUpWorkflowDatabase();

function engine(fn: InngestFunction.Any) {
  return new InngestTestEngine({ function: fn });
}

const cronEvent = (at: Date) => [{ name: "inngest/scheduled.timer", data: { cron: "test" }, ts: at.getTime() }] as [{ name: string; data: Record<string, unknown>; ts: number }];

describe("the function list", () => {
  it("has unique ids, and every function is both an Inngest function and an in-process definition", () => {
    const ids = workflows.map((w) => w.definition.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const w of workflows) expect(w.fn.id()).toBe(w.definition.id);
  });
});

describe("lifecycle-scan", () => {
  it("fans out one lifecycle check per authorization that needs one, at the cron's time", async () => {
    const now = new Date("2026-06-01T06:00:00Z");
    const due = await seedAuthorization({ authorizedAt: new Date(now.getTime() - 320 * DAY), lastUsedAt: now });
    await seedAuthorization({ authorizedAt: new Date(now.getTime() - 10 * DAY), lastUsedAt: now });
    // Sending is Inngest's side: the fan-out step is mocked, and what it was asked to send is checked.
    const { result, ctx } = await engine(lifecycleScan.fn).execute({ events: cronEvent(now), steps: [{ id: "check-authorizations-1", handler: () => ({ ids: ["sent"] }) }] });
    expect(result).toEqual({ checked: 1 });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("check-authorizations-1", [
      { name: "latchkey/authorization.lifecycle-check", data: { authorizationId: due.authorization.id, now: now.toISOString() } },
    ]);
  });
});

describe("check-authorization-lifecycle", () => {
  it("sends the 30-day reminder once: a retried run finds it already sent", async () => {
    const { tenant, authorization } = await seedAuthorization({ authorizedAt: new Date("2026-01-10T12:00:00Z") });
    const now = new Date(authorization.renewalDueAt!.getTime() - 29 * DAY);
    await db.authorization.update({ where: { id: authorization.id }, data: { lastUsedAt: now } });
    const events = [{ name: "latchkey/authorization.lifecycle-check", data: { authorizationId: authorization.id, now: now.toISOString() } }] as [{ name: string; data: Record<string, unknown> }];
    const first = await engine(checkAuthorizationLifecycleFn.fn).execute({ events });
    expect(first.result).toEqual({ authorizationId: authorization.id, renewal: "reminded", inactivity: "active" });
    expect(first.ctx.step.run).toHaveBeenCalledWith(`check-authorization-${authorization.id}`, expect.any(Function));
    const second = await engine(checkAuthorizationLifecycleFn.fn).execute({ events });
    expect(second.result).toMatchObject({ renewal: "already_reminded" });
    expect(await emailsTo(tenant.contactEmail, "renewal-reminder")).toHaveLength(1);
  });

  it("rejects an event whose data does not match its schema", async () => {
    const { error } = await engine(checkAuthorizationLifecycleFn.fn).execute({ events: [{ name: "latchkey/authorization.lifecycle-check", data: { authorizationId: "" } }] });
    expect(error).toBeDefined();
  });
});

describe("partner notifications", () => {
  it("notify-authorization-connected and -reauthorized email the partner once per connection", async () => {
    const { tenant, authorization } = await seedAuthorization({ authorizedAt: new Date() });
    const data = { authorizationId: authorization.id, tenantId: tenant.id };
    const connected = await engine(notifyConnected.fn).execute({ events: [{ name: "latchkey/authorization.created", data: { ...data, flow: "WEBSITE" } }] });
    await engine(notifyConnected.fn).execute({ events: [{ name: "latchkey/authorization.created", data: { ...data, flow: "WEBSITE" } }] });
    expect(connected.result).toEqual(expect.any(String));
    expect((await emailsTo(tenant.contactEmail, "connected")).map((m) => m.subject)).toEqual(["Your Seller Central account is connected to Latchkey"]);

    await db.authorization.update({ where: { id: authorization.id }, data: { authorizedAt: new Date(Date.now() + 1000) } });
    await engine(notifyReauthorized.fn).execute({ events: [{ name: "latchkey/authorization.reauthorized", data: { ...data, renewalDueAt: new Date(Date.now() + 365 * DAY).toISOString() } }] });
    expect((await emailsTo(tenant.contactEmail, "connected")).map((m) => m.subject)).toContain("Your Seller Central connection is renewed");
  });

  it("notify-authorization-revoked sends the security email once per revocation", async () => {
    const { tenant, authorization } = await seedAuthorization({ authorizedAt: new Date() });
    const revokedAt = new Date().toISOString();
    const event = { name: "latchkey/authorization.revoked", data: { authorizationId: authorization.id, tenantId: tenant.id, reason: "invalid_grant", revokedAt } };
    const { ctx } = await engine(notifyRevoked.fn).execute({ events: [event] });
    await engine(notifyRevoked.fn).execute({ events: [event] });
    expect(ctx.step.run).toHaveBeenCalledWith(`email-revoked-${authorization.id}`, expect.any(Function));
    expect(await emailsTo(tenant.contactEmail, "authorization-revoked")).toHaveLength(1);
  });

  it("notify-authorization-quarantined emails only while the authorization is still paused", async () => {
    const { tenant, authorization } = await seedAuthorization({ authorizedAt: new Date(), status: "QUARANTINED" });
    const event = { name: "latchkey/authorization.quarantined", data: { authorizationId: authorization.id, tenantId: tenant.id, quarantinedAt: new Date().toISOString() } };
    await engine(notifyQuarantined.fn).execute({ events: [event] });
    expect(await emailsTo(tenant.contactEmail, "reauthorization-needed")).toHaveLength(1);
    await db.authorization.update({ where: { id: authorization.id }, data: { status: "ACTIVE" } });
    const later = await engine(notifyQuarantined.fn).execute({ events: [{ ...event, data: { ...event.data, quarantinedAt: new Date(Date.now() + 1000).toISOString() } }] });
    expect(later.result).toBeNull();
    expect(await emailsTo(tenant.contactEmail, "reauthorization-needed")).toHaveLength(1);
  });

  it("notify-reauthorization-requested emails the partner the signed link", async () => {
    const { tenant, authorization } = await seedAuthorization({ authorizedAt: new Date() });
    await engine(notifyReauthorizationRequested.fn).execute({
      events: [{ name: "latchkey/authorization.reauthorization-requested", data: { authorizationId: authorization.id, tenantId: tenant.id, requestedBy: "admin", requestedAt: new Date().toISOString() } }],
    });
    const [mail] = await emailsTo(tenant.contactEmail, "reauthorization-needed");
    expect(mail?.subject).toBe("Please authorize your Seller Central connection again");
    expect(mail?.html).toContain("http://localhost:3000/connect/renew?token=");
  });
});

describe("app client and admin functions", () => {
  it("client-secret-checks does nothing before an app client exists, and checks the secret once it does", async () => {
    expect((await engine(clientSecretChecks.fn).execute({ events: cronEvent(new Date()) })).result).toEqual({ overdue: 0, rotation: "no_app_client" });
    await bootstrapAppClient(SANDBOX_APP);
    await db.appClientSecret.updateMany({ data: { expiresAt: new Date(Date.now() + 100 * DAY) } });
    expect((await engine(clientSecretChecks.fn).execute({ events: cronEvent(new Date()) })).result).toEqual({ overdue: 0, rotation: "not_expiring" });
  });

  it("app-client-expiry-reminders emails the admins once per threshold; a billing update re-checks at once", async () => {
    await bootstrapAppClient(SANDBOX_APP);
    const now = new Date();
    await db.appClientSecret.updateMany({ data: { expiresAt: new Date(now.getTime() + 6 * DAY) } });
    await db.appClient.updateMany({ data: { chargeMethodExpiresAt: new Date(now.getTime() + 100 * DAY) } });
    const first = await engine(appClientExpiryReminders.fn).execute({ events: cronEvent(now) });
    expect(first.result).toEqual({ clientSecret: "reminded", chargeMethod: "not_due" });
    await engine(appClientExpiryReminders.fn).execute({ events: cronEvent(now) });
    expect((await emailsTo(ADMIN, "client-secret-expiry")).map((m) => m.subject)).toEqual(["Latchkey Test: the client secret expires in 6 days"]);

    await db.appClient.updateMany({ data: { chargeMethodExpiresAt: new Date(now.getTime() + 25 * DAY) } });
    const appClient = await db.appClient.findFirstOrThrow();
    const updated = await engine(appClientBillingChanged.fn).execute({ events: [{ name: "latchkey/app-client.billing-updated", data: { appClientId: appClient.id } }] });
    expect(updated.result).toMatchObject({ chargeMethod: "reminded" });
    const [card] = await emailsTo(ADMIN, "charge-method-expiry");
    expect(card?.subject).toBe("Latchkey Test: the charge method expires in 24 days");
    expect(card?.html).toContain('href="http://localhost:3000/admin/app-client"');
  });

  it("admin-digest sends nothing on a quiet day and one email a day when something needs attention", async () => {
    const now = new Date();
    expect((await engine(adminDigest.fn).execute({ events: cronEvent(now) })).result).toEqual({ sent: 0, items: 0 });
    const { tenant, authorization } = await seedAuthorization({ authorizedAt: new Date(now.getTime() - 400 * DAY), status: "REAUTH_REQUIRED" });
    expect((await engine(adminDigest.fn).execute({ events: cronEvent(now) })).result).toEqual({ sent: 1, items: 1 });
    expect((await engine(adminDigest.fn).execute({ events: cronEvent(now) })).result).toEqual({ sent: 0, items: 1 });
    const [digest] = await emailsTo(ADMIN, "admin-digest");
    expect(digest?.html).toContain(tenant.name);
    expect(digest?.html).toContain(`http://localhost:3000/admin/authorizations/${authorization.id}`);
  });
});

describe("monitoring functions", () => {
  it("evaluate-alerts fires a refresh-failure alert once, notifies the admins once, and resolves it when refreshes work again; the digest lists it while open", async () => {
    const { authorization } = await seedAuthorization({ authorizedAt: new Date(Date.now() - 10 * DAY) });
    await db.authorization.update({ where: { id: authorization.id }, data: { consecutiveFailures: 2, lastRefreshError: "amazon_unavailable" } });

    const first = await engine(alertEvaluation.fn).execute({ events: cronEvent(new Date()) });
    expect(first.result).toMatchObject({ fired: 1, resolved: 0, open: 1 });
    const again = await engine(alertEvaluation.fn).execute({ events: cronEvent(new Date()) });
    expect(again.result).toMatchObject({ fired: 0, resolved: 0, open: 1 });
    expect(await db.alert.count({ where: { rule: "refresh_failing", authorizationId: authorization.id } })).toBe(1);
    const fired = await emailsTo(ADMIN);
    expect(fired).toHaveLength(1);
    const digest = await buildAdminDigest(new Date());
    expect(digest.find((s) => s.title === "Open alerts")?.items).toEqual([expect.objectContaining({ url: "http://localhost:3000/admin/alerts" })]);

    await db.authorization.update({ where: { id: authorization.id }, data: { consecutiveFailures: 0, lastRefreshError: null } });
    const cleared = await engine(alertEvaluation.fn).execute({ events: cronEvent(new Date()) });
    expect(cleared.result).toMatchObject({ fired: 0, resolved: 1, open: 0 });
    expect(await db.alert.findFirstOrThrow({ where: { authorizationId: authorization.id } })).toMatchObject({ state: "RESOLVED" });
  });

  it("monitoring-retention deletes outcome buckets past the retention period and keeps recent ones", async () => {
    const { authorization } = await seedAuthorization({ authorizedAt: new Date(Date.now() - 10 * DAY) });
    const bucket = (bucketStart: Date) => ({ authorizationId: authorization.id, bucketStart, operation: "getOrders", statusClass: "2xx", count: 3 });
    await db.spApiCallBucket.createMany({ data: [bucket(new Date(Date.now() - 30 * DAY)), bucket(new Date(Date.now() - 60_000))] });
    const run = await engine(monitoringRetention.fn).execute({ events: cronEvent(new Date()) });
    expect(run.result).toMatchObject({ buckets: 1 });
    expect(await db.spApiCallBucket.count()).toBe(1);
  });
});
