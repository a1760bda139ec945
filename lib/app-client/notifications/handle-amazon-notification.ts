import "server-only";
// The one handler both doors (the SQS consumer and the HTTPS ingest) feed. Idempotent: a notification is
// deduplicated by its notificationId (the unique AmazonNotification row, finished in the same transaction
// as its effect), so any number of deliveries, in any order, have the effect of one.
//
// APPLICATION_OAUTH_CLIENT_NEW_SECRET, never losing the secret:
//   1. store it encrypted as PENDING (with the notification row, unfinished) — durable before anything else;
//   2. verify it with a client_credentials call;
//   3. in one transaction: CURRENT, the old CURRENT → PREVIOUS until oldClientSecretExpiryTime, older
//      ones RETIRED, the rotation COMPLETED, the notification finished, audit app_client.secret_rotated.
//   A crash or a failed check between 1 and 3 leaves the secret PENDING and the notification unfinished:
//   the next delivery (SQS redelivers what was not deleted) picks it up again.
import { announceWebhookEvent, recordAppClientWebhook } from "@/lib/webhooks/lifecycle-events";
import type { RecordedWebhookEvent } from "@/lib/webhooks/record-webhook-event";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AppClient, Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";
import { encryptSystem, fingerprint } from "@/lib/vault";
import { invalidateClientCredentials } from "../client-credentials";
import { getAppClient } from "../find-app-client";
import { raiseAppClientAlert } from "../raise-app-client-alert";
import { findRotationInProgress, startSecretRotation } from "../rotation/start-secret-rotation";
import { lockAppClient, nextSecretVersion, promoteSecret } from "../secrets/promote-secret";
import { verifyClientSecret } from "../secrets/verify-client-secret";
import { clientSecretContext } from "../secret-context";
import { NEW_SECRET, newSecretPayload, type NotificationEnvelope, parseNotificationEnvelope, SECRET_EXPIRY, secretExpiryPayload } from "@/lib/amazon/notification-envelope";

export type ReceivedVia = "sqs" | "https";

export type NotificationOutcome =
  | "applied"
  | "duplicate"
  | "ignored_other_client"
  | "ignored_unknown_type"
  /** An older secret arrived after a newer one was already current: kept as RETIRED. */
  | "superseded";

export interface NotificationResult {
  outcome: NotificationOutcome;
  notificationId: string;
  notificationType: string;
}

/** The notification could not be finished now (Amazon unreachable, new secret not yet accepted): deliver it again later. */
export class NotificationRetryLater extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "NotificationRetryLater";
  }
}

type Tx = Prisma.TransactionClient;

interface Received {
  envelope: NotificationEnvelope;
  notificationId: string;
  clientId: string | null;
  via: ReceivedVia;
}

/** Finishes the notification row (creating it if needed); false when another delivery finished it first. */
async function finish(client: Tx | typeof db, received: Received, outcome: NotificationOutcome | string): Promise<boolean> {
  const count = await client.$executeRaw`
    INSERT INTO "AmazonNotification" ("id", "notificationId", "notificationType", "clientId", "receivedVia", "outcome", "processedAt")
    VALUES (${crypto.randomUUID()}, ${received.notificationId}, ${received.envelope.notificationType}, ${received.clientId}, ${received.via}, ${outcome}, now())
    ON CONFLICT ("notificationId") DO UPDATE SET "outcome" = EXCLUDED."outcome", "processedAt" = EXCLUDED."processedAt"
    WHERE "AmazonNotification"."processedAt" IS NULL`;
  return count === 1;
}

/** Records that a notification arrived and is being worked on (unfinished). */
async function markReceived(tx: Tx, received: Received, outcome: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "AmazonNotification" ("id", "notificationId", "notificationType", "clientId", "receivedVia", "outcome")
    VALUES (${crypto.randomUUID()}, ${received.notificationId}, ${received.envelope.notificationType}, ${received.clientId}, ${received.via}, ${outcome})
    ON CONFLICT ("notificationId") DO UPDATE SET "outcome" = EXCLUDED."outcome"
    WHERE "AmazonNotification"."processedAt" IS NULL`;
}

async function isFinished(client: Tx | typeof db, notificationId: string): Promise<boolean> {
  const row = await client.amazonNotification.findUnique({ where: { notificationId }, select: { processedAt: true } });
  return Boolean(row?.processedAt);
}

function result(received: Received, outcome: NotificationOutcome): NotificationResult {
  return { outcome, notificationId: received.notificationId, notificationType: received.envelope.notificationType };
}

function payloadError(type: string): AppError {
  return new AppError("invalid_input", `The ${type} notification's payload does not have the documented shape.`);
}

/**
 * Handles one SP-API notification (a raw SQS body, a relay's JSON, or an object). Throws AppError
 * `invalid_input` for something that is not a notification envelope (nothing to retry), and
 * NotificationRetryLater when the effect could not be finished yet (deliver it again).
 */
export async function handleAmazonNotification(raw: unknown, receivedVia: ReceivedVia): Promise<NotificationResult> {
  const envelope = parseNotificationEnvelope(raw);
  if (!envelope) throw new AppError("invalid_input", "This is not an SP-API notification envelope.");
  const notificationId = envelope.notificationMetadata.notificationId;
  const base: Received = { envelope, notificationId, clientId: null, via: receivedVia };
  if (await isFinished(db, notificationId)) return result(base, "duplicate");

  if (envelope.notificationType === NEW_SECRET) {
    const parsed = newSecretPayload.safeParse(envelope.payload);
    if (!parsed.success) throw payloadError(NEW_SECRET);
    const payload = parsed.data.applicationOAuthClientNewSecret;
    const received = { ...base, clientId: payload.clientId };
    const appClient = await getAppClient();
    if (payload.clientId !== appClient.clientId) return ignoreOtherClient(received, appClient);
    return handleNewSecret(received, appClient, payload);
  }
  if (envelope.notificationType === SECRET_EXPIRY) {
    const parsed = secretExpiryPayload.safeParse(envelope.payload);
    if (!parsed.success) throw payloadError(SECRET_EXPIRY);
    const payload = parsed.data.applicationOAuthClientSecretExpiry;
    const received = { ...base, clientId: payload.clientId };
    const appClient = await getAppClient();
    if (payload.clientId !== appClient.clientId) return ignoreOtherClient(received, appClient);
    return handleSecretExpiry(received, appClient, payload.clientSecretExpiryTime);
  }
  return result(base, (await finish(db, base, "ignored_unknown_type")) ? "ignored_unknown_type" : "duplicate");
}

async function ignoreOtherClient(received: Received, appClient: AppClient): Promise<NotificationResult> {
  const first = await finish(db, received, "ignored_other_client");
  if (first) logger.warn({ notificationId: received.notificationId, clientId: received.clientId, ourClientId: appClient.clientId }, "ignored a client-secret notification for another client id");
  return result(received, first ? "ignored_other_client" : "duplicate");
}

type NewSecret = { newClientSecret: string; newClientSecretExpiryTime: Date; oldClientSecretExpiryTime: Date };

async function handleNewSecret(received: Received, appClient: AppClient, payload: NewSecret): Promise<NotificationResult> {
  const secretFingerprint = fingerprint(payload.newClientSecret);
  // 1. Durable first: the encrypted secret (PENDING) and the unfinished notification row, together.
  const stored = await db.$transaction(async (tx) => {
    await lockAppClient(tx, appClient.id);
    if (await isFinished(tx, received.notificationId)) return null;
    let secret = await tx.appClientSecret.findFirst({ where: { appClientId: appClient.id, fingerprint: secretFingerprint } });
    if (!secret) {
      const version = await nextSecretVersion(tx, appClient.id);
      const secretCiphertext = await encryptSystem(payload.newClientSecret, clientSecretContext(appClient.id, version), { client: tx });
      secret = await tx.appClientSecret.create({
        data: { appClientId: appClient.id, version, state: "PENDING", source: "NOTIFICATION", secretCiphertext, fingerprint: secretFingerprint, expiresAt: payload.newClientSecretExpiryTime },
      });
      await recordAuditEvent(
        { action: "app_client.secret_received", actorType: "AMAZON", details: { version, fingerprint: secretFingerprint, notificationId: received.notificationId, via: received.via, expiresAt: payload.newClientSecretExpiryTime.toISOString() } },
        tx,
      );
      const rotation = await findRotationInProgressOrOverdue(tx, appClient.id);
      if (rotation && !rotation.notificationReceivedAt) await tx.secretRotation.update({ where: { id: rotation.id }, data: { notificationReceivedAt: new Date() } });
    }
    await markReceived(tx, received, "pending_verification");
    return secret;
  });
  if (!stored) return result(received, "duplicate");
  if (stored.state !== "PENDING") {
    // Already promoted (another delivery, or the same secret pasted by an admin) or retired.
    const first = await finish(db, received, stored.state === "RETIRED" ? "superseded" : "duplicate");
    return result(received, first && stored.state === "RETIRED" ? "superseded" : "duplicate");
  }

  // An older secret arriving after a newer one from Amazon must not replace it.
  const current = await db.appClientSecret.findFirst({ where: { appClientId: appClient.id, state: "CURRENT" }, orderBy: { version: "desc" } });
  if (current?.source === "NOTIFICATION" && current.expiresAt && stored.expiresAt && current.expiresAt > stored.expiresAt) {
    await db.$transaction(async (tx) => {
      await tx.appClientSecret.update({ where: { id: stored.id }, data: { state: "RETIRED" } });
      await finish(tx, received, "superseded");
    });
    return result(received, "superseded");
  }

  // 2. Verify outside any transaction.
  const check = await verifyClientSecret(appClient.clientId, payload.newClientSecret);
  if (!check.ok) {
    if (check.kind !== "transient") {
      await db.amazonNotification.updateMany({ where: { notificationId: received.notificationId, processedAt: null }, data: { outcome: "verification_failed" } });
      await raiseAppClientAlert("secret_verification_failed", { version: stored.version, fingerprint: stored.fingerprint, notificationId: received.notificationId, lwaError: check.error });
    }
    throw new NotificationRetryLater(`the new client secret (version ${stored.version}) could not be verified yet (${check.error}); it stays PENDING`);
  }

  // 3. Promote, finish the notification and the rotation, in one transaction.
  const verifiedAt = new Date();
  let webhook: RecordedWebhookEvent | null = null;
  const applied = await db.$transaction(async (tx) => {
    await lockAppClient(tx, appClient.id);
    if (await isFinished(tx, received.notificationId)) return false;
    const promotion = await promoteSecret(tx, { appClientId: appClient.id, secretId: stored.id, previousExpiresAt: payload.oldClientSecretExpiryTime, verifiedAt });
    const notification = await tx.amazonNotification.findUnique({ where: { notificationId: received.notificationId }, select: { receivedAt: true } });
    const rotation = await findRotationInProgressOrOverdue(tx, appClient.id);
    const rotationData = { status: "COMPLETED" as const, verifiedAt, completedAt: verifiedAt, newSecretVersion: stored.version };
    const rotationId = rotation
      ? (await tx.secretRotation.update({ where: { id: rotation.id }, data: { ...rotationData, notificationReceivedAt: rotation.notificationReceivedAt ?? notification?.receivedAt ?? verifiedAt } })).id
      : // Amazon rotated without us asking (Developer Console, or a rotation requested elsewhere): still on the timeline.
        (await tx.secretRotation.create({ data: { appClientId: appClient.id, reason: "amazon_initiated", actorType: "AMAZON", startedAt: notification?.receivedAt ?? verifiedAt, notificationReceivedAt: notification?.receivedAt ?? verifiedAt, ...rotationData } })).id;
    await finish(tx, received, "applied");
    if (promotion.promoted) {
      await recordAuditEvent(
        {
          action: "app_client.secret_rotated",
          actorType: "AMAZON",
          details: {
            rotationId,
            notificationId: received.notificationId,
            via: received.via,
            newVersion: stored.version,
            newFingerprint: stored.fingerprint,
            newExpiresAt: payload.newClientSecretExpiryTime.toISOString(),
            previousVersion: promotion.previous?.version ?? null,
            previousFingerprint: promotion.previous?.fingerprint ?? null,
            previousExpiresAt: promotion.previous?.expiresAt?.toISOString() ?? null,
          },
        },
        tx,
      );
      webhook = await recordAppClientWebhook(tx, appClient.id, "app_client.secret_rotated", { version: stored.version, expiresAt: payload.newClientSecretExpiryTime.toISOString(), via: "amazon_notification" }, verifiedAt);
    }
    return true;
  });
  invalidateClientCredentials();
  void announceWebhookEvent(webhook);
  return result(received, applied ? "applied" : "duplicate");
}

function findRotationInProgressOrOverdue(tx: Tx, appClientId: string) {
  return tx.secretRotation.findFirst({ where: { appClientId, status: { in: ["REQUESTED", "OVERDUE"] } }, orderBy: { startedAt: "desc" } });
}

async function handleSecretExpiry(received: Received, appClient: AppClient, expiresAt: Date): Promise<NotificationResult> {
  let webhook: RecordedWebhookEvent | null = null;
  const applied = await db.$transaction(async (tx) => {
    await lockAppClient(tx, appClient.id);
    if (await isFinished(tx, received.notificationId)) return false;
    const current = await tx.appClientSecret.findFirst({ where: { appClientId: appClient.id, state: "CURRENT" }, orderBy: { version: "desc" } });
    if (current) await tx.appClientSecret.update({ where: { id: current.id }, data: { expiresAt } });
    await finish(tx, received, "applied");
    await recordAuditEvent(
      { action: "app_client.secret_expiry_notified", actorType: "AMAZON", details: { notificationId: received.notificationId, via: received.via, version: current?.version ?? null, fingerprint: current?.fingerprint ?? null, expiresAt: expiresAt.toISOString() } },
      tx,
    );
    webhook = await recordAppClientWebhook(tx, appClient.id, "app_client.secret_expiring", { expiresAt: expiresAt.toISOString(), via: "amazon_notification" });
    return true;
  });
  void announceWebhookEvent(webhook);
  if (!applied) return result(received, "duplicate");
  invalidateClientCredentials();
  // The expiry is recorded; the rotation's own outcome (even FAILED) is on its row and alerted there.
  if (!(await findRotationInProgress(appClient.id))) {
    await startSecretRotation({ actor: "AMAZON", reason: "expiry_notification" }).catch((error: unknown) => {
      // Another instance started one in between: that one will do.
      if (!(error instanceof AppError && error.code === "conflict")) throw error;
    });
  }
  return result(received, "applied");
}
