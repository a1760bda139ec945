import { NextResponse } from "next/server";
import { z } from "zod";
import { assertTenantAllowed } from "@/lib/api-keys/authenticate-api-key";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { AppError } from "@/lib/errors";
import { getAccessToken } from "@/lib/tokens/get-access-token";

export const dynamic = "force-dynamic";

const body = z.object({ rejectedToken: z.string().min(1).max(4096).optional() });

/**
 * An LWA access token for one authorization (POST so no cache or log in between keeps it). A worker whose
 * token Amazon rejected sends it back as `rejectedToken`: if it is still current it is replaced.
 */
export const POST = withApiKey<{ id: string }>(async (request, { caller, params }) => {
  const text = await request.text();
  let json: unknown = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new AppError("bad_request", "The body must be JSON (or empty).");
  }
  const { rejectedToken } = body.parse(json);
  const token = await getAccessToken(params.id, { assertTenant: (tenantId) => assertTenantAllowed(caller, tenantId), rejectedToken });
  return NextResponse.json({
    accessToken: token.accessToken,
    tokenType: "bearer",
    expiresAt: token.expiresAt.toISOString(),
    authorizationId: token.authorization.id,
    region: token.authorization.region,
    sellingPartnerId: token.authorization.sellingPartnerId,
  });
});
