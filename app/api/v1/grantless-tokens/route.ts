import { NextResponse } from "next/server";
import { z } from "zod";
import { assertCallerAllowsTenant } from "@/lib/api-keys/caller-allows-tenant";
import { requireGrantlessScope } from "@/lib/api-keys/require-scope";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { otherMethods } from "@/lib/http/other-methods";
import { readJsonBody } from "@/lib/http/read-json-body";
import { GRANTLESS_SCOPES } from "@/lib/amazon/lwa";
import { getGrantlessToken } from "@/lib/app-client/get-grantless-token";

export const dynamic = "force-dynamic";

const body = z.object({ scope: z.enum(GRANTLESS_SCOPES) });

/** A grantless token: app-wide, so keys limited to tenants get 404; each grantless scope needs its key scope. */
export const POST = withApiKey(
  async (request, { caller }) => {
    assertCallerAllowsTenant(caller, null);
    const { scope } = await readJsonBody(request, body);
    requireGrantlessScope(caller, scope);
    const token = await getGrantlessToken(scope);
    return NextResponse.json({ accessToken: token.accessToken, tokenType: "bearer", expiresAt: token.expiresAt.toISOString(), scope });
  },
  { scopes: [] },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
