import "server-only";
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";
import { getAppClient } from "./find-app-client";

/** `https://sqs.<region>.amazonaws.com/<account>/<name>` (or the sandbox's `/sqs/<account>/<name>`) as an ARN. */
export function queueArnFromUrl(queueUrl: string, region: string): string | null {
  try {
    const [account, name] = new URL(queueUrl).pathname.split("/").filter(Boolean).slice(-2);
    const urlRegion = /^sqs\.([a-z0-9-]+)\.amazonaws\.com$/.exec(new URL(queueUrl).hostname)?.[1];
    return account && name && /^\d{12}$/.test(account) ? `arn:aws:sqs:${urlRegion ?? region}:${account}:${name}` : null;
  } catch {
    return null;
  }
}

/** Everything the admin app-client page shows. No secret, ciphertext or token is in it. */
export async function getAppClientOverview() {
  const env = readServerEnv();
  const appClient = await getAppClient();
  const [secrets, rotations, alerts, notifications] = await Promise.all([
    db.appClientSecret.findMany({
      where: { appClientId: appClient.id },
      orderBy: { version: "desc" },
      select: { id: true, version: true, state: true, source: true, fingerprint: true, expiresAt: true, verifiedAt: true, createdAt: true },
    }),
    db.secretRotation.findMany({ where: { appClientId: appClient.id }, orderBy: { startedAt: "desc" }, take: 10 }),
    db.appClientAlert.findMany({ orderBy: { raisedAt: "desc" }, take: 10, select: { id: true, kind: true, raisedAt: true, details: true } }),
    db.amazonNotification.findMany({ orderBy: { receivedAt: "desc" }, take: 10, select: { id: true, notificationType: true, receivedVia: true, outcome: true, receivedAt: true, processedAt: true } }),
  ]);
  return {
    generatedAt: new Date(),
    appClient: {
      id: appClient.id,
      applicationId: appClient.applicationId,
      clientId: appClient.clientId,
      appName: appClient.appName,
      status: appClient.status,
      roles: appClient.roles,
      billingStatus: appClient.billingStatus,
      chargeMethodExpiresAt: appClient.chargeMethodExpiresAt,
    },
    current: secrets.find((secret) => secret.state === "CURRENT") ?? null,
    secrets,
    rotations,
    rotationInProgress: rotations.some((rotation) => rotation.status === "REQUESTED"),
    alerts,
    notifications,
    intake: {
      sqsQueueUrl: env.sqs.queueUrl ?? null,
      sqsQueueArn: env.sqs.queueUrl ? queueArnFromUrl(env.sqs.queueUrl, env.sqs.region) : null,
      sqsRegion: env.sqs.region,
      httpsIngestEnabled: Boolean(env.NOTIFICATION_INGEST_SECRET),
    },
    settings: { rotationThresholdDays: env.SECRET_ROTATION_THRESHOLD_DAYS, rotationTimeoutMinutes: env.SECRET_ROTATION_TIMEOUT_MINUTES, grantlessRegion: env.SPAPI_GRANTLESS_REGION },
  };
}

export type AppClientOverview = Awaited<ReturnType<typeof getAppClientOverview>>;
