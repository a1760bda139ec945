import { describe, expect, it } from "vitest";
import { parseNotificationEnvelope } from "@/lib/amazon/notification-envelope";
import { parseEnv } from "@/lib/env";
import { queueNameFor } from "@/sandbox/sqs/queues";

const envelope = {
  notificationVersion: "1.0",
  notificationType: "APPLICATION_OAUTH_CLIENT_NEW_SECRET",
  payloadVersion: "2023-11-30",
  eventTime: "2024-01-10T22:09:17.180Z",
  payload: { applicationOAuthClientNewSecret: { clientId: "amzn1.application-oa2-client.xxx", newClientSecret: "amzn1.oa2-cs.v1.xxx", newClientSecretExpiryTime: "2024-07-08T22:09:17.198Z", oldClientSecretExpiryTime: "2024-01-17T22:09:17.180Z" } },
  notificationMetadata: { applicationId: "amzn1.sp.solution.xxx", subscriptionId: "xxx", publishTime: "2024-01-10T22:09:17.180Z", notificationId: "n-1" },
};

describe("notification envelopes", () => {
  it("read AMAZON.md's envelope from an object, an SQS body string, or an SNS relay wrapper", () => {
    expect(parseNotificationEnvelope(envelope)?.notificationMetadata.notificationId).toBe("n-1");
    expect(parseNotificationEnvelope(JSON.stringify(envelope))?.notificationType).toBe("APPLICATION_OAUTH_CLIENT_NEW_SECRET");
    expect(parseNotificationEnvelope({ Type: "Notification", MessageId: "m", Message: JSON.stringify(envelope) })?.notificationMetadata.notificationId).toBe("n-1");
  });

  it("refuse what is not an envelope", () => {
    expect(parseNotificationEnvelope("not json")).toBeUndefined();
    expect(parseNotificationEnvelope({ ...envelope, notificationMetadata: { applicationId: "a" } })).toBeUndefined();
    expect(parseNotificationEnvelope(null)).toBeUndefined();
  });
});

describe("SQS settings", () => {
  it("default to the sandbox's queue for the configured application in sandbox mode, and to nothing otherwise", () => {
    const sandbox = parseEnv({ AMAZON_ENDPOINTS: "sandbox", SANDBOX_URL: "http://127.0.0.1:4100", SPAPI_APPLICATION_ID: "amzn1.sp.solution.my-app" });
    expect(sandbox.sqs).toEqual({
      queueUrl: `http://127.0.0.1:4100/sqs/000000000000/${queueNameFor("amzn1.sp.solution.my-app")}`,
      region: "us-east-1",
      endpoint: "http://127.0.0.1:4100/sqs",
      sandboxCredentials: true,
    });
    expect(parseEnv({}).sqs).toEqual({ queueUrl: undefined, region: "us-east-1", endpoint: undefined, sandboxCredentials: false });
    const real = parseEnv({ SQS_QUEUE_URL: "https://sqs.eu-west-1.amazonaws.com/123456789012/q", SQS_REGION: "eu-west-1" });
    expect(real.sqs).toMatchObject({ queueUrl: "https://sqs.eu-west-1.amazonaws.com/123456789012/q", region: "eu-west-1", sandboxCredentials: false });
    expect(() => parseEnv({ NOTIFICATION_INGEST_SECRET: "short" })).toThrow(/NOTIFICATION_INGEST_SECRET/);
  });
});
