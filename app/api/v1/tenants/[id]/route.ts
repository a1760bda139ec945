import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { otherMethods } from "@/lib/http/other-methods";
import { readJsonBody } from "@/lib/http/read-json-body";
import { getTenantForCaller, updateTenantForCaller } from "@/lib/management/manage-tenants";
import { tenantParams, updateTenantBody } from "@/lib/management/schemas";

export const dynamic = "force-dynamic";

export const GET = withApiKey(async (_request, { caller, params }) => NextResponse.json(await getTenantForCaller(caller, { id: params.id })), {
  scopes: ["management"],
  params: tenantParams,
});

/** Changes the fields sent; `metadata` replaces the whole object, `null` removes `externalId` or `metadata`. */
export const PATCH = withApiKey(
  async (request, { caller, params, requestId }) => NextResponse.json(await updateTenantForCaller(caller, params.id, await readJsonBody(request, updateTenantBody), requestId)),
  { scopes: ["management"], params: tenantParams },
);

export const { POST, PUT, DELETE, OPTIONS } = otherMethods("GET", "PATCH");
