import { NextResponse } from "next/server";
import { assertTenantAllowed } from "@/lib/api-keys/authenticate-api-key";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { AppError } from "@/lib/errors";
import { createRestrictedDataToken } from "@/lib/tokens/create-restricted-data-token";

export const dynamic = "force-dynamic";

/** A Restricted Data Token for the restricted resources in the body; never stored by Latchkey. */
export const POST = withApiKey<{ id: string }>(async (request, { caller, params }) => {
  const body: unknown = await request.json().catch(() => {
    throw new AppError("bad_request", "The body must be JSON.");
  });
  const rdt = await createRestrictedDataToken(params.id, body, { assertTenant: (tenantId) => assertTenantAllowed(caller, tenantId) });
  return NextResponse.json({ restrictedDataToken: rdt.restrictedDataToken, expiresAt: rdt.expiresAt.toISOString(), authorizationId: rdt.authorization.id, region: rdt.authorization.region });
});
