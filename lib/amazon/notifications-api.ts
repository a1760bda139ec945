import "server-only";
// The Notifications API's destinations (grantless `sellingpartnerapi::notifications` scope): where Amazon
// may send notifications, and the SQS queue policy that lets Amazon's account deliver into a queue.
import { z } from "zod";
import type { Region } from "./regions";
import { callSpApi } from "./spapi";

const DESTINATIONS_PATH = "/notifications/v1/destinations";

/** Amazon's account that sends SP-API notifications into your queue (AMAZON.md). */
export const AMAZON_NOTIFICATIONS_ACCOUNT = "437568002678";

export interface Destination {
  destinationId: string;
  name: string;
  /** The SQS queue ARN (or an EventBridge description for EventBridge destinations). */
  resource: string;
}

interface Grantless {
  region: Region;
  accessToken: string;
}

const destinationSchema = z.object({
  destinationId: z.string(),
  name: z.string(),
  resource: z
    .object({ sqs: z.object({ arn: z.string() }).optional(), eventBridge: z.object({ name: z.string().optional(), region: z.string().optional(), accountId: z.string().optional() }).optional() })
    .optional(),
});

function toDestination(raw: z.infer<typeof destinationSchema>): Destination {
  const eventBridge = raw.resource?.eventBridge;
  return {
    destinationId: raw.destinationId,
    name: raw.name,
    resource: raw.resource?.sqs?.arn ?? (eventBridge ? `EventBridge ${eventBridge.accountId ?? ""} ${eventBridge.region ?? ""}`.trim() : "—"),
  };
}

/** getDestinations. */
export async function getDestinations(grantless: Grantless): Promise<Destination[]> {
  const { data } = await callSpApi({ ...grantless, method: "GET", path: DESTINATIONS_PATH }, z.object({ payload: z.array(destinationSchema).optional() }));
  return (data.payload ?? []).map(toDestination);
}

/** createDestination for an SQS queue. */
export async function createSqsDestination(grantless: Grantless, queue: { name: string; arn: string }): Promise<Destination> {
  const { data } = await callSpApi(
    {
      ...grantless,
      method: "POST",
      path: DESTINATIONS_PATH,
      body: { name: queue.name, resourceSpecification: { sqs: { arn: queue.arn } } },
    },
    z.object({ payload: destinationSchema }),
  );
  return toDestination(data.payload);
}

/** deleteDestination. */
export async function deleteDestination(grantless: Grantless, destinationId: string): Promise<void> {
  await callSpApi({ ...grantless, method: "DELETE", path: `${DESTINATIONS_PATH}/${encodeURIComponent(destinationId)}` });
}

/** The SQS access policy that lets Amazon's notifications account deliver into the queue (a placeholder ARN when none is known). */
export function sqsQueuePolicy(queueArn: string | null): string {
  return JSON.stringify(
    {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "AllowSellingPartnerApiNotifications",
          Effect: "Allow",
          Principal: { AWS: `arn:aws:iam::${AMAZON_NOTIFICATIONS_ACCOUNT}:root` },
          Action: ["sqs:SendMessage", "sqs:GetQueueAttributes"],
          Resource: queueArn ?? "arn:aws:sqs:<region>:<your-account>:<queue-name>",
        },
      ],
    },
    null,
    2,
  );
}
