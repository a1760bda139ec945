import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { otherMethods } from "@/lib/http/other-methods";
import { getTenantForCaller } from "@/lib/management/manage-tenants";
import { tenantByExternalIdParams } from "@/lib/management/schemas";

export const dynamic = "force-dynamic";

/** One tenant by the integrator's own id (also `GET /api/v1/tenants?externalId=…`). */
export const GET = withApiKey(async (_request, { caller, params }) => NextResponse.json(await getTenantForCaller(caller, { externalId: params.externalId })), {
  scopes: ["management"],
  params: tenantByExternalIdParams,
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
