// The client-secret lifecycle end to end against the sandbox and its SQS, with the real AWS SDK:
// rotation, duplicate and crashed deliveries, other client ids, requests in flight, the previous-secret
// fallback, the expiry warning, refused and overdue rotations.
import { beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { invalidateClientCredentials } from "@/lib/app-client/client-credentials";
import { startSqsConsumer } from "@/lib/app-client/notifications/sqs-consumer";
import { checkRotations } from "@/lib/app-client/rotation/check-rotations";
import { rotateIfExpiring } from "@/lib/app-client/rotation/rotate-if-expiring";
import { startSecretRotation } from "@/lib/app-client/rotation/start-secret-rotation";
import { db } from "@/lib/db/client";
import { getAccessToken } from "@/lib/tokens/get-access-token";
import { getGrantlessToken } from "@/lib/app-client/get-grantless-token";
import { fingerprint } from "@/lib/vault";
import { useAppWithSandbox } from "../../support/app-harness";
import { connectSeller } from "../../support/connect-seller";
import { SANDBOX_APP, sandboxControl } from "../../support/sandbox-session";
import { DAY_MS, forgetTokens, poll, queueOf, secrets } from "./support";

let sandbox: Sandbox;

interface RotatedSecret {
  newClientSecret: string;
  newClientSecretExpiryTime: string;
  oldClientSecretExpiryTime: string;
}

/** Rotates through the sandbox's control API (as the Developer Console would) and returns the new secret. */
async function rotateInSandbox(): Promise<RotatedSecret> {
  return sandboxControl<RotatedSecret>(sandbox, "POST", "/client-secret/rotate");
}

function envelope(overrides: { clientId?: string; notificationId?: string; secret?: string } = {}) {
  const now = Date.now();
  return {
    notificationVersion: "1.0",
    notificationType: "APPLICATION_OAUTH_CLIENT_NEW_SECRET",
    payloadVersion: "2023-11-30",
    eventTime: new Date(now).toISOString(),
    payload: {
      applicationOAuthClientNewSecret: {
        clientId: overrides.clientId ?? SANDBOX_APP.LWA_CLIENT_ID,
        newClientSecret: overrides.secret ?? "amzn1.oa2-cs.v1.not-a-real-secret-for-another-client",
        newClientSecretExpiryTime: new Date(now + 180 * DAY_MS).toISOString(),
        oldClientSecretExpiryTime: new Date(now + 7 * DAY_MS).toISOString(),
      },
    },
    notificationMetadata: { applicationId: SANDBOX_APP.SPAPI_APPLICATION_ID, subscriptionId: "sub-1", publishTime: new Date(now).toISOString(), notificationId: overrides.notificationId ?? crypto.randomUUID() },
  };
}

describe("client-secret rotation", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  beforeEach(() => {
    sandbox = app.sandbox;
    invalidateClientCredentials();
  });

  it("rotates end to end: admin request → 204 → SQS → consumer → new secret verified and CURRENT, old PREVIOUS for 7 days, tokens keep flowing", async () => {
    const { authorizationId } = await connectSeller(sandbox);
    const before = await getAccessToken(authorizationId);
    const admin = await db.user.create({ data: { email: "ops@latchkey.test", role: "ADMIN" } });

    const rotation = await startSecretRotation({ actor: { userId: admin.id }, reason: "manual" });
    expect(rotation).toMatchObject({ status: "REQUESTED", reason: "manual", requestedBy: admin.id });
    await sandbox.state.notificationsSettled();
    const queued = (await queueOf(sandbox)).messages;
    expect(queued).toHaveLength(1);
    // The queue's copy is the only one holding the new secret whole (the sandbox keeps its hash).
    const sandboxSecret = (JSON.parse(queued[0]!.body) as { payload: { applicationOAuthClientNewSecret: RotatedSecret } }).payload.applicationOAuthClientNewSecret.newClientSecret;

    const polled = await poll(sandbox);
    expect(polled.messages).toEqual([expect.objectContaining({ outcome: "applied", deleted: true })]);
    expect((await queueOf(sandbox)).messages).toEqual([]);

    const [v1, v2] = await secrets();
    expect(v2).toMatchObject({ version: 2, state: "CURRENT", source: "NOTIFICATION" });
    expect(v2!.verifiedAt).toBeInstanceOf(Date);
    expect(v2!.expiresAt!.getTime() - Date.now()).toBeGreaterThan(179 * DAY_MS);
    expect(v1).toMatchObject({ version: 1, state: "PREVIOUS", fingerprint: fingerprint(SANDBOX_APP.LWA_CLIENT_SECRET) });
    expect(Math.abs(v1!.expiresAt!.getTime() - (Date.now() + 7 * DAY_MS))).toBeLessThan(60_000);

    const done = await db.secretRotation.findUniqueOrThrow({ where: { id: rotation.id } });
    expect(done).toMatchObject({ status: "COMPLETED", newSecretVersion: 2 });
    expect(done.notificationReceivedAt).toBeInstanceOf(Date);
    expect(done.verifiedAt).toBeInstanceOf(Date);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "app_client.secret_rotated" } });
    expect(audit.details).toMatchObject({ newVersion: 2, newFingerprint: v2!.fingerprint, previousVersion: 1, previousFingerprint: v1!.fingerprint });
    expect(JSON.stringify((await db.auditLog.findMany()).map((entry) => entry.details))).not.toContain(sandboxSecret);
    expect(JSON.stringify(await db.appClientSecret.findMany())).not.toContain(sandboxSecret);

    // Tokens keep flowing, now with the new secret: the old one can even expire.
    await sandboxControl(sandbox, "POST", "/client-secret/expire", { which: "previous" });
    await forgetTokens();
    const after = await getAccessToken(authorizationId);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect((await getGrantlessToken("sellingpartnerapi::notifications")).accessToken).toMatch(/^Atza\|/);
    expect(await db.auditLog.count({ where: { action: "app_client.secret_fallback" } })).toBe(0);
  });

  it("runs the consumer loop from the environment's defaults (the sandbox queue) until stopped", async () => {
    const consumer = startSqsConsumer({ waitTimeSeconds: 1 });
    try {
      await rotateInSandbox();
      const deadline = Date.now() + 15_000;
      const switched = async () => (await secrets()).map((s) => s.state).join() === "PREVIOUS,CURRENT";
      while (!(await switched()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await secrets()).map((s) => s.state)).toEqual(["PREVIOUS", "CURRENT"]);
    } finally {
      await consumer.stop();
    }
    expect((await queueOf(sandbox)).messages).toEqual([]);
  });

  it("stores one secret when the same notification is delivered three times", async () => {
    await rotateInSandbox();
    const [original] = (await queueOf(sandbox)).messages;
    await sandboxControl(sandbox, "POST", "/sqs/send", { body: original!.body });
    await sandboxControl(sandbox, "POST", "/sqs/send", { body: original!.body });

    const polled = await poll(sandbox, { maxMessages: 10 });
    expect(polled.messages.map((m) => m.outcome)).toEqual(["applied", "duplicate", "duplicate"]);
    expect(polled.messages.every((m) => m.deleted)).toBe(true);
    expect((await secrets()).map((s) => s.state)).toEqual(["PREVIOUS", "CURRENT"]);
    expect(await db.amazonNotification.count()).toBe(1);
    expect(await db.auditLog.count({ where: { action: "app_client.secret_rotated" } })).toBe(1);
  });

  it("redelivers a message whose consumer crashed between storing and deleting, and the redelivery changes nothing", async () => {
    await rotateInSandbox();
    const crashed = await poll(sandbox, {
      beforeDelete: () => {
        throw new Error("simulated crash");
      },
    });
    expect(crashed.messages).toEqual([expect.objectContaining({ outcome: "crashed_before_delete", deleted: false })]);
    const stored = await secrets();
    expect(stored.map((s) => s.state)).toEqual(["PREVIOUS", "CURRENT"]);

    // Still in flight: nothing to receive until the visibility timeout ends (on the sandbox clock).
    expect((await poll(sandbox, { waitTimeSeconds: 0 })).received).toBe(0);
    await sandboxControl(sandbox, "POST", "/clock", { advanceMs: 31_000 });
    const redelivered = await poll(sandbox);
    expect(redelivered.messages).toEqual([expect.objectContaining({ messageId: crashed.messages[0]!.messageId, outcome: "duplicate", deleted: true })]);
    expect(await secrets()).toEqual(stored);
    expect((await queueOf(sandbox)).messages).toEqual([]);
  });

  it("never loses a new secret: a failed verification keeps it PENDING and the redelivery finishes the job", async () => {
    await sandboxControl(sandbox, "POST", "/faults", { route: "lwa:client_credentials", kind: "5xx", status: 503 });
    const rotated = await rotateInSandbox();
    const first = await poll(sandbox);
    expect(first.messages).toEqual([expect.objectContaining({ outcome: "retry_later", deleted: false })]);
    expect((await secrets()).map((s) => [s.version, s.state])).toEqual([
      [1, "CURRENT"],
      [2, "PENDING"],
    ]);
    expect((await secrets())[1]!.fingerprint).toBe(fingerprint(rotated.newClientSecret));

    await sandboxControl(sandbox, "DELETE", "/faults");
    await sandboxControl(sandbox, "POST", "/clock", { advanceMs: 31_000 });
    const second = await poll(sandbox);
    expect(second.messages).toEqual([expect.objectContaining({ outcome: "applied", deleted: true })]);
    expect((await secrets()).map((s) => [s.version, s.state])).toEqual([
      [1, "PREVIOUS"],
      [2, "CURRENT"],
    ]);
  });

  it("ignores, records and deletes a notification for another client id, changing nothing", async () => {
    const before = await secrets();
    const other = envelope({ clientId: "amzn1.application-oa2-client.someone-else" });
    await sandboxControl(sandbox, "POST", "/sqs/send", { body: other });
    const polled = await poll(sandbox);
    expect(polled.messages).toEqual([expect.objectContaining({ outcome: "ignored_other_client", deleted: true })]);
    expect(await secrets()).toEqual(before);
    expect(await db.amazonNotification.findUniqueOrThrow({ where: { notificationId: other.notificationMetadata.notificationId } })).toMatchObject({
      outcome: "ignored_other_client",
      clientId: "amzn1.application-oa2-client.someone-else",
      receivedVia: "sqs",
    });
    expect(JSON.stringify(await db.amazonNotification.findMany())).not.toContain("not-a-real-secret");
  });

  it("drops a message that is not a notification", async () => {
    await sandboxControl(sandbox, "POST", "/sqs/send", { body: "this is not json" });
    expect((await poll(sandbox)).messages).toEqual([expect.objectContaining({ outcome: "invalid", deleted: true })]);
  });

  it("serves every request in flight while the consumer switches secrets", async () => {
    const sellers = await Promise.all([connectSeller(sandbox), connectSeller(sandbox), connectSeller(sandbox), connectSeller(sandbox)]);
    await rotateInSandbox();
    await forgetTokens();
    const requests: Promise<unknown>[] = [];
    const consumer = poll(sandbox);
    for (let wave = 0; wave < 10; wave++) {
      for (let i = 0; i < 10; i++) {
        requests.push(i % 5 === 4 ? getGrantlessToken(i % 2 ? "sellingpartnerapi::notifications" : "sellingpartnerapi::client_credential:rotation") : getAccessToken(sellers[i % 4]!.authorizationId));
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
      await forgetTokens();
    }
    const results = await Promise.allSettled(requests);
    expect((await consumer).messages).toEqual([expect.objectContaining({ outcome: "applied" })]);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(results).toHaveLength(100);
    expect((await secrets()).map((s) => s.state)).toEqual(["PREVIOUS", "CURRENT"]);
  });

  it("keeps tokens flowing on the previous secret when the current one expired, and alerts once", async () => {
    const { authorizationId } = await connectSeller(sandbox);
    await rotateInSandbox();
    await poll(sandbox);
    await sandboxControl(sandbox, "POST", "/client-secret/expire", { which: "current" });
    await forgetTokens();

    const tokens = await Promise.all([getAccessToken(authorizationId), getGrantlessToken("sellingpartnerapi::notifications")]);
    expect(tokens.every((t) => t.accessToken.startsWith("Atza|"))).toBe(true);
    await forgetTokens();
    expect((await getAccessToken(authorizationId)).accessToken).toMatch(/^Atza\|/);

    const alerts = await db.auditLog.findMany({ where: { action: "app_client.secret_fallback" } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.details).toMatchObject({ currentVersion: 2, previousVersion: 1, previousFingerprint: fingerprint(SANDBOX_APP.LWA_CLIENT_SECRET) });
    expect(await db.authorization.findUniqueOrThrow({ where: { id: authorizationId } })).toMatchObject({ status: "ACTIVE", consecutiveFailures: 0 });
  });

  it("fails loudly when neither secret works", async () => {
    const { authorizationId } = await connectSeller(sandbox);
    await sandboxControl(sandbox, "POST", "/client-secret/expire", { which: "current" });
    await forgetTokens();
    await expect(getAccessToken(authorizationId)).rejects.toMatchObject({ code: "app_client_rejected" });
    expect(await db.auditLog.count({ where: { action: "app_client.secret_rejected" } })).toBe(1);
  });

  it("records the expiry warning's date and starts a rotation, which the next notification completes", async () => {
    await sandboxControl(sandbox, "POST", "/client-secret/expiry-warning");
    const warning = (await queueOf(sandbox)).messages[0]!;
    const expiry = (JSON.parse(warning.body) as { payload: { applicationOAuthClientSecretExpiry: { clientSecretExpiryTime: string } } }).payload.applicationOAuthClientSecretExpiry.clientSecretExpiryTime;
    const warned = await poll(sandbox);
    expect(warned.messages[0]).toMatchObject({ outcome: "applied", deleted: true });
    const [current] = await secrets();
    // The rotation it started has begun the old secret's 7-day window since.
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "app_client.secret_expiry_notified" } })).toMatchObject({ details: { expiresAt: expiry, version: 1 } });
    expect(current!.expiresAt!.getTime()).toBe(Date.parse(expiry));
    const rotation = await db.secretRotation.findFirstOrThrow();
    expect(rotation).toMatchObject({ status: "REQUESTED", reason: "expiry_notification", actorType: "AMAZON" });

    await sandbox.state.notificationsSettled();
    expect((await poll(sandbox)).messages[0]).toMatchObject({ outcome: "applied" });
    expect(await db.secretRotation.findUniqueOrThrow({ where: { id: rotation.id } })).toMatchObject({ status: "COMPLETED", newSecretVersion: 2 });
  });

  it("explains a refused rotation (no queue enrolled) and alerts", async () => {
    await sandboxControl(sandbox, "POST", "/apps", { applicationId: SANDBOX_APP.SPAPI_APPLICATION_ID, notificationQueueEnrolled: false });
    const rotation = await startSecretRotation({ actor: "SYSTEM", reason: "manual" });
    expect(rotation.status).toBe("FAILED");
    expect(rotation.error).toMatch(/Notification Preferences/);
    expect(await db.auditLog.count({ where: { action: "app_client.rotation_failed" } })).toBe(1);
    expect((await secrets()).map((s) => s.state)).toEqual(["CURRENT"]);
  });

  it("marks a rotation overdue when no notification arrives in time, and rotates proactively near expiry", async () => {
    const appClient = await db.appClient.findFirstOrThrow();
    const late = await db.secretRotation.create({ data: { appClientId: appClient.id, reason: "manual", actorType: "SYSTEM", startedAt: new Date(Date.now() - 31 * 60_000) } });
    expect(await checkRotations()).toEqual({ overdue: 1 });
    expect(await db.secretRotation.findUniqueOrThrow({ where: { id: late.id } })).toMatchObject({ status: "OVERDUE" });
    expect(await db.auditLog.count({ where: { action: "app_client.rotation_overdue" } })).toBe(1);
    expect(await checkRotations()).toEqual({ overdue: 0 });

    expect(await rotateIfExpiring()).toEqual({ started: false, reason: "not_expiring" });
    await db.appClientSecret.updateMany({ where: { state: "CURRENT" }, data: { expiresAt: new Date(Date.now() + 10 * DAY_MS) } });
    // The overdue attempt started 31 minutes ago, outside the 30-minute window: a new one may start.
    const started = await rotateIfExpiring();
    expect(started).toMatchObject({ started: true, rotation: { status: "REQUESTED", reason: "expiring" } });
    expect(await rotateIfExpiring()).toEqual({ started: false, reason: "in_progress" });
    await sandbox.state.notificationsSettled();
    expect((await poll(sandbox)).messages[0]).toMatchObject({ outcome: "applied" });
    expect((await db.secretRotation.findMany({ orderBy: { startedAt: "asc" } })).map((r) => r.status)).toEqual(["OVERDUE", "COMPLETED"]);
  });
});
