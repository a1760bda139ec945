import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../../sandbox/server";
import { startNotificationSink, type NotificationSink } from "./support/notification-sink";
import { control, DEFAULT_APP, defaultClient, grantlessToken, lwa, partnerAccessToken, SELLER_NA, spapi, startSandbox } from "./support/sandbox-client";

const DAY = 24 * 60 * 60 * 1000;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

interface NewSecretNotification {
  notificationVersion: string;
  notificationType: string;
  payloadVersion: string;
  eventTime: string;
  payload: { applicationOAuthClientNewSecret: { clientId: string; newClientSecret: string; newClientSecretExpiryTime: string; oldClientSecretExpiryTime: string } };
  notificationMetadata: { applicationId: string; subscriptionId: string; publishTime: string; notificationId: string };
}

let sandbox: Sandbox;
let sink: NotificationSink;

beforeAll(async () => {
  sandbox = await startSandbox({
    apps: [{ applicationId: "amzn1.sp.solution.no-queue", clientId: "amzn1.application-oa2-client.no-queue", clientSecret: "no-queue-secret", redirectUris: ["https://x.example/cb"], notificationQueueEnrolled: false }],
  });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await control(sandbox, "POST", "/reset");
  sink = await startNotificationSink();
  await control(sandbox, "POST", "/config", { notificationSinkUrl: sink.url });
});
afterEach(() => sink.close());

function rotate(token: string) {
  return spapi(sandbox, "na", "POST", "/applications/2023-11-30/clientSecret", token);
}

describe("rotateApplicationClientSecret", () => {
  it("answers 204, sends APPLICATION_OAUTH_CLIENT_NEW_SECRET to the sink, and both secrets work", async () => {
    const token = await grantlessToken(sandbox, "sellingpartnerapi::client_credential:rotation");
    const now = sandbox.state.now();
    const response = await rotate(token);
    expect(response.status).toBe(204);
    expect(response.body).toBeUndefined();
    expect(response.headers.get("x-amzn-ratelimit-limit")).toBe("0.0167");

    const [notification] = (await sink.waitFor(1)) as NewSecretNotification[];
    expect(notification).toMatchObject({
      notificationVersion: "1.0",
      notificationType: "APPLICATION_OAUTH_CLIENT_NEW_SECRET",
      payloadVersion: "2023-11-30",
      notificationMetadata: { applicationId: DEFAULT_APP.applicationId },
    });
    const secret = notification?.payload.applicationOAuthClientNewSecret;
    expect(secret?.clientId).toBe(DEFAULT_APP.clientId);
    expect(secret?.newClientSecret).toMatch(/^amzn1\.oa2-cs\.v1\./);
    expect(notification?.eventTime).toMatch(ISO);
    expect(notification?.notificationMetadata.notificationId).toBeTruthy();
    expect(notification?.notificationMetadata.subscriptionId).toBeTruthy();
    expect(Date.parse(secret?.newClientSecretExpiryTime ?? "") - now).toBeGreaterThanOrEqual(180 * DAY - 5000);
    expect(Date.parse(secret?.oldClientSecretExpiryTime ?? "") - now).toBeGreaterThanOrEqual(7 * DAY - 5000);
    expect(Date.parse(secret?.oldClientSecretExpiryTime ?? "") - now).toBeLessThanOrEqual(7 * DAY + 5000);

    const form = { grant_type: "client_credentials", scope: "sellingpartnerapi::notifications", client_id: DEFAULT_APP.clientId };
    expect((await lwa(sandbox, { ...form, client_secret: DEFAULT_APP.clientSecret })).status).toBe(200);
    expect((await lwa(sandbox, { ...form, client_secret: secret?.newClientSecret ?? "" })).status).toBe(200);

    const recorded = await control<{ notifications: unknown[]; deliveries: { ok: boolean; status: number }[] }>(sandbox, "GET", "/notifications");
    expect(recorded.body.notifications).toHaveLength(1);
    expect(recorded.body.deliveries).toEqual([expect.objectContaining({ ok: true, status: 200 })]);
  });

  it("does not invalidate partners' refresh tokens", async () => {
    const { refreshToken } = await partnerAccessToken(sandbox, SELLER_NA);
    const rotated = await control<{ newClientSecret: string }>(sandbox, "POST", "/client-secret/rotate", {});
    const response = await lwa(sandbox, { grant_type: "refresh_token", refresh_token: refreshToken, client_id: DEFAULT_APP.clientId, client_secret: rotated.body.newClientSecret });
    expect(response.status).toBe(200);
  });

  it("allows one rotation per minute (429 QuotaExceeded)", async () => {
    const token = await grantlessToken(sandbox, "sellingpartnerapi::client_credential:rotation");
    expect((await rotate(token)).status).toBe(204);
    const second = await rotate(token);
    expect(second.status).toBe(429);
    expect(second.body).toMatchObject({ errors: [{ code: "QuotaExceeded" }] });
    await control(sandbox, "POST", "/clock", { advanceMs: 60_000 });
    expect((await rotate(token)).status).toBe(204);
  });

  it("needs the rotation scope: a partner token or the notifications scope gets 403", async () => {
    const notifications = await grantlessToken(sandbox, "sellingpartnerapi::notifications");
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    expect((await rotate(notifications)).status).toBe(403);
    expect((await rotate(accessToken)).body).toMatchObject({ errors: [{ code: "Unauthorized" }] });
  });

  it("answers 400 InvalidInput when the app has no rotation queue", async () => {
    const token = await grantlessToken(sandbox, "sellingpartnerapi::client_credential:rotation", { client_id: "amzn1.application-oa2-client.no-queue", client_secret: "no-queue-secret" });
    const response = await rotate(token);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [{ code: "InvalidInput", message: "Application is not enrolled for rotation notification. Please update application notification preference in Developer console.", details: "" }],
    });
  });

  it("records a failed delivery without failing the rotation", async () => {
    await control(sandbox, "POST", "/config", { notificationSinkUrl: "http://127.0.0.1:9/unreachable" });
    const token = await grantlessToken(sandbox, "sellingpartnerapi::client_credential:rotation");
    expect((await rotate(token)).status).toBe(204);
    const recorded = await control<{ deliveries: { ok: boolean; error?: string }[] }>(sandbox, "GET", "/notifications");
    expect(recorded.body.deliveries[0]?.ok).toBe(false);
  });
});

describe("secret expiry controls", () => {
  it("expires the current secret on demand (invalid_client)", async () => {
    await control(sandbox, "POST", "/client-secret/expire", { which: "current" });
    const response = await lwa(sandbox, { grant_type: "client_credentials", scope: "sellingpartnerapi::notifications", ...defaultClient });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: "invalid_client" });
  });

  it("expires the previous secret on demand after a rotation", async () => {
    const rotated = await control<{ newClientSecret: string }>(sandbox, "POST", "/client-secret/rotate", {});
    await control(sandbox, "POST", "/client-secret/expire", { which: "previous" });
    const form = { grant_type: "client_credentials", scope: "sellingpartnerapi::notifications", client_id: DEFAULT_APP.clientId };
    expect((await lwa(sandbox, { ...form, client_secret: DEFAULT_APP.clientSecret })).status).toBe(401);
    expect((await lwa(sandbox, { ...form, client_secret: rotated.body.newClientSecret })).status).toBe(200);
  });

  it("sends APPLICATION_OAUTH_CLIENT_SECRET_EXPIRY", async () => {
    const response = await control(sandbox, "POST", "/client-secret/expiry-warning", {});
    expect(response.status).toBe(200);
    const [notification] = (await sink.waitFor(1)) as { notificationType: string; payload: { applicationOAuthClientSecretExpiry: Record<string, string> } }[];
    expect(notification?.notificationType).toBe("APPLICATION_OAUTH_CLIENT_SECRET_EXPIRY");
    expect(notification?.payload.applicationOAuthClientSecretExpiry).toEqual({
      clientId: DEFAULT_APP.clientId,
      clientSecretExpiryTime: new Date(sandbox.state.data.apps[0]?.clientSecrets[0]?.expiresAt ?? 0).toISOString(),
      clientSecretExpiryReason: "PERIODIC_ROTATION",
    });
  });
});
