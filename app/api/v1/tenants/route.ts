import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { otherMethods } from "@/lib/http/other-methods";
import { readJsonBody } from "@/lib/http/read-json-body";
import { readQuery } from "@/lib/http/read-query";
import { idempotencyKeyFrom, runIdempotent } from "@/lib/management/idempotency";
import { createTenantForCaller, listTenantsForCaller } from "@/lib/management/manage-tenants";
import { createTenantBody, listTenantsQuery } from "@/lib/management/schemas";

export const dynamic = "force-dynamic";

/** Tenants the key may see, newest first, filtered by kind, externalId or contact email; cursor pages. */
export const GET = withApiKey(
  async (request, { caller }) => NextResponse.json(await listTenantsForCaller(caller, readQuery(request, listTenantsQuery))),
  { scopes: ["management"] },
);

/** Creates a tenant (201); `Idempotency-Key` makes a retry return the first answer. */
export const POST = withApiKey(
  async (request, { caller, requestId }) => {
    const key = idempotencyKeyFrom(request.headers);
    const body = await readJsonBody(request, createTenantBody);
    const answer = await runIdempotent({
      apiKeyId: caller.apiKeyId,
      key,
      operation: "POST /api/v1/tenants",
      request: body,
      run: async () => ({ status: 201, body: await createTenantForCaller(caller, body, requestId) }),
    });
    return NextResponse.json(answer.body, { status: answer.status, headers: answer.replayed ? { "idempotent-replayed": "true" } : {} });
  },
  { scopes: ["management"] },
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
