import { ingestSignedNotification, SIGNATURE_HEADER } from "@/lib/app-client/notifications/ingest-signed-notification";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { readBodyText } from "@/lib/http/read-body-text";
import { publicRoute } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

/**
 * HTTPS ingest of Amazon notifications relayed by SNS, EventBridge or a forwarder (HMAC-signed, see the
 * lib). The body is read with its limit first: an oversized one is 413 before its signature is checked.
 */
export const POST = publicRoute(async (request) => {
  const rawBody = await readBodyText(request, BODY_LIMITS.notificationIngest);
  const result = await ingestSignedNotification(rawBody, request.headers.get(SIGNATURE_HEADER));
  return Response.json(result.body, { status: result.status });
});
