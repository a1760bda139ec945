import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { createConnectLink } from "@/lib/connect-links/create-connect-link";
import { otherMethods } from "@/lib/http/other-methods";
import { readJsonBody } from "@/lib/http/read-json-body";
import { idempotencyKeyFrom } from "@/lib/management/idempotency";
import { createConnectLinkBody } from "@/lib/management/schemas";

export const dynamic = "force-dynamic";

/**
 * A single-use, expiring link for a partner to connect (or reauthorize) one tenant in one region without a
 * Latchkey account (201 `{ url, expiresAt }`); `Idempotency-Key` makes a retry return the same link.
 */
export const POST = withApiKey(
  async (request, { caller, requestId }) => {
    const idempotencyKey = idempotencyKeyFrom(request.headers);
    const body = await readJsonBody(request, createConnectLinkBody);
    const answer = await createConnectLink(caller, body, { idempotencyKey, requestId });
    return NextResponse.json(answer.body, { status: answer.status, headers: answer.replayed ? { "idempotent-replayed": "true" } : {} });
  },
  { scopes: ["management"] },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
