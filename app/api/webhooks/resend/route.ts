import { receiveResendWebhook } from "@/lib/email/receive-resend-webhook";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { otherMethods } from "@/lib/http/other-methods";
import { readBodyText } from "@/lib/http/read-body-text";
import { publicRoute } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

/**
 * Resend's delivery webhooks (delivered, bounced, complained), Svix-signed with RESEND_WEBHOOK_SECRET. The body
 * is read with its limit first: an oversized one is 413 before its signature is checked.
 */
export const POST = publicRoute(async (request) => {
  const rawBody = await readBodyText(request, BODY_LIMITS.resendWebhook);
  return Response.json(await receiveResendWebhook(rawBody, request.headers));
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
