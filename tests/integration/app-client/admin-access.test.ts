// Who may touch the app client: admins do everything through the page's actions; a partner session or a
// worker's API key gets 404 on every app-client route and action, and nothing changes.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { caller } from "../../support/fake-session";
import type { CurrentUser } from "@/lib/auth/current-user";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/session", () => import("../../support/fake-session"));

const actions = {
  ...(await import("@/lib/actions/app-client/rotate-client-secret")),
  ...(await import("@/lib/actions/app-client/set-manual-secret")),
  ...(await import("@/lib/actions/app-client/set-app-status")),
  ...(await import("@/lib/actions/app-client/set-billing")),
  ...(await import("@/lib/actions/app-client/create-destination")),
  ...(await import("@/lib/actions/app-client/delete-destination")),
  ...(await import("@/lib/actions/app-client/rewrap-data-keys")),
};
const { GET: statusRoute } = await import("@/app/admin/app-client/status/route");
const { invalidateClientCredentials } = await import("@/lib/app-client/client-credentials");
const { db } = await import("@/lib/db/client");
const { useAppWithSandbox } = await import("../../support/app-harness");
const { SANDBOX_APP, sandboxControl } = await import("../../support/sandbox-session");
const { secrets } = await import("./support");

const admin: CurrentUser = { id: "admin-1", email: "ops@latchkey.test", role: "ADMIN", tenantId: null };
const partner: CurrentUser = { id: "partner-1", email: "seller@shop.test", role: "PARTNER", tenantId: "tenant-a" };

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

function status(headers: Record<string, string> = {}): Promise<Response> {
  return statusRoute(new Request("http://localhost/admin/app-client/status", { headers }), { params: Promise.resolve({}) });
}

async function snapshot() {
  return {
    secrets: await secrets(),
    appClient: await db.appClient.findFirstOrThrow({ select: { status: true, billingStatus: true, chargeMethodExpiresAt: true } }),
    rotations: await db.secretRotation.count(),
    audit: await db.auditLog.count(),
    destinations: (await db.auditLog.count({ where: { action: { startsWith: "app_client.destination" } } })),
  };
}

describe("app-client admin access", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  beforeEach(() => {
    caller.user = null;
    invalidateClientCredentials();
  });

  it("gives a partner 404 on every app-client action and the status route, changing nothing", async () => {
    caller.user = partner;
    const before = await snapshot();
    const calls = [
      actions.rotateNowAction(null, form({})),
      actions.setManualSecretAction(null, form({ clientSecret: "amzn1.oa2-cs.v1.partner-pasted-secret" })),
      actions.setAppStatusAction(null, form({ status: "PUBLISHED" })),
      actions.setBillingAction(null, form({ billingStatus: "suspended", chargeMethodExpiresAt: "2030-01-01" })),
      actions.createDestinationAction(null, form({ name: "x", arn: "arn:aws:sqs:us-east-1:123456789012:x" })),
      actions.deleteDestinationAction(null, form({ destinationId: "anything" })),
      actions.rewrapDataKeysAction(null, form({})),
    ];
    for (const result of await Promise.all(calls)) expect(result).toEqual({ ok: false, error: { code: "not_found", message: expect.any(String) } });
    const response = await status();
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
    expect(await snapshot()).toEqual(before);
    expect((await sandboxControl<{ notifications: unknown[] }>(app.sandbox, "GET", "/notifications")).notifications).toEqual([]);
  });

  it("gives a worker's API key 404 on the status route, even alongside an admin session", async () => {
    for (const user of [null, admin]) {
      caller.user = user;
      const response = await status({ authorization: "Bearer lk_live_abcdef_0123456789" });
      expect(response.status).toBe(404);
    }
  });

  it("lets an admin read the status (fingerprints only, no secret) and change status and billing", async () => {
    caller.user = admin;
    const response = await status();
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(SANDBOX_APP.LWA_CLIENT_ID);
    expect(text).not.toContain(SANDBOX_APP.LWA_CLIENT_SECRET);
    expect(text).not.toContain("lk1.");

    expect(await actions.setAppStatusAction(null, form({ status: "PUBLISHED" }))).toEqual({ ok: true, data: { status: "PUBLISHED" } });
    expect(await actions.setBillingAction(null, form({ billingStatus: "action_required", chargeMethodExpiresAt: "2027-03-01" }))).toEqual({ ok: true, data: { saved: true } });
    expect(await db.appClient.findFirstOrThrow()).toMatchObject({ status: "PUBLISHED", billingStatus: "action_required", chargeMethodExpiresAt: new Date("2027-03-01T00:00:00.000Z") });
  });

  it("stores a pasted secret only after Amazon accepted it", async () => {
    caller.user = admin;
    const refused = await actions.setManualSecretAction(null, form({ clientSecret: "amzn1.oa2-cs.v1.this-secret-is-unknown-to-amazon" }));
    expect(refused).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect((await secrets()).map((s) => s.state)).toEqual(["CURRENT"]);

    const fresh = "amzn1.oa2-cs.v1.pasted-from-the-developer-console-0002";
    await sandboxControl(app.sandbox, "POST", "/apps", { applicationId: SANDBOX_APP.SPAPI_APPLICATION_ID, clientSecret: fresh });
    const accepted = await actions.setManualSecretAction(null, form({ clientSecret: fresh, expiresAt: "2027-05-01" }));
    expect(accepted).toMatchObject({ ok: true, data: { fingerprint: expect.stringMatching(/^[0-9a-f]{12}$/) } });
    expect((await secrets()).map((s) => [s.version, s.state, s.source])).toEqual([
      [1, "PREVIOUS", "MANUAL"],
      [2, "CURRENT", "MANUAL"],
    ]);
    expect(await db.auditLog.count({ where: { action: "app_client.secret_set_manually" } })).toBe(1);
  });

  it("lets an admin rotate, manage destinations and re-wrap data keys", async () => {
    caller.user = admin;
    expect(await actions.rotateNowAction(null, form({}))).toEqual({ ok: true, data: { status: "REQUESTED", error: null } });
    expect(await actions.rotateNowAction(null, form({}))).toMatchObject({ ok: false, error: { code: "conflict" } });

    const arn = "arn:aws:sqs:us-east-1:123456789012:latchkey-notifications";
    const created = await actions.createDestinationAction(null, form({ name: "latchkey", arn }));
    expect(created).toMatchObject({ ok: true, data: { name: "latchkey" } });
    const { listDestinations } = await import("@/lib/app-client/destinations");
    expect(await listDestinations()).toEqual([expect.objectContaining({ name: "latchkey", resource: arn })]);
    expect(await actions.createDestinationAction(null, form({ name: "again", arn }))).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await actions.createDestinationAction(null, form({ name: "bad", arn: "not-an-arn" }))).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    const destinationId = created?.ok ? created.data.destinationId : "";
    expect(await actions.deleteDestinationAction(null, form({ destinationId }))).toEqual({ ok: true, data: { deleted: destinationId } });
    expect(await listDestinations()).toEqual([]);

    const rewrapped = await actions.rewrapDataKeysAction(null, form({}));
    expect(rewrapped).toMatchObject({ ok: true, data: { failed: 0 } });
  });
});
