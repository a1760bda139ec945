import type { NextRequest } from "next/server";
import { ingestSignedNotification, SIGNATURE_HEADER } from "@/lib/app-client/notifications/ingest-signed-notification";
import { requestIdFrom } from "@/lib/auth/request-id";
import { toErrorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** HTTPS ingest of Amazon notifications relayed by SNS, EventBridge or a forwarder (HMAC-signed, see the lib). */
export async function POST(request: NextRequest): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  const headers = { "x-request-id": requestId, "cache-control": "no-store" };
  try {
    const result = await ingestSignedNotification(await request.text(), request.headers.get(SIGNATURE_HEADER));
    return Response.json(result.body, { status: result.status, headers });
  } catch (error) {
    const { status, body } = toErrorResponse(error, requestId);
    return Response.json(body, { status, headers });
  }
}
