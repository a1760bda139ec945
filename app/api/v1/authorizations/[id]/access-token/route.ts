import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { idParams } from "@/lib/http/ids";
import { otherMethods } from "@/lib/http/other-methods";
import { readJsonBody } from "@/lib/http/read-json-body";
import { getAccessToken } from "@/lib/tokens/get-access-token";
import { accessTokenInput, type AccessTokenAnswer } from "@/lib/tokens/token-answers";

export const dynamic = "force-dynamic";

/**
 * An LWA access token for one authorization (POST so no cache or log in between keeps it). A worker whose
 * token Amazon rejected sends it back as `rejectedToken`: if it is still current it is replaced.
 */
export const POST = withApiKey(
  async (request, { assertTenant, params }) => {
    const { rejectedToken } = await readJsonBody(request, accessTokenInput, { whenEmpty: {} });
    const token = await getAccessToken(params.id, { assertTenant, rejectedToken });
    return NextResponse.json({
      accessToken: token.accessToken,
      tokenType: "bearer",
      expiresAt: token.expiresAt.toISOString(),
      authorizationId: token.authorization.id,
      region: token.authorization.region,
      sellingPartnerId: token.authorization.sellingPartnerId,
    } satisfies AccessTokenAnswer);
  },
  { scopes: ["access_tokens"], params: idParams },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
