import { NextResponse } from "next/server";
import { assertTenantAllowed } from "@/lib/api-keys/authenticate-api-key";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { getAccessToken } from "@/lib/tokens/get-access-token";

export const dynamic = "force-dynamic";

/** An LWA access token for one authorization (POST so no cache or log in between keeps it). */
export const POST = withApiKey<{ id: string }>(async (_request, { caller, params }) => {
  const token = await getAccessToken(params.id, { assertTenant: (tenantId) => assertTenantAllowed(caller, tenantId) });
  return NextResponse.json({
    accessToken: token.accessToken,
    tokenType: "bearer",
    expiresAt: token.expiresAt.toISOString(),
    authorizationId: token.authorization.id,
    region: token.authorization.region,
    sellingPartnerId: token.authorization.sellingPartnerId,
  });
});
