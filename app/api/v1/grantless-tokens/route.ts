import { NextResponse } from "next/server";
import { assertCallerAllowsTenant } from "@/lib/api-keys/caller-allows-tenant";
import { requireGrantlessScope } from "@/lib/api-keys/require-scope";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { otherMethods } from "@/lib/http/other-methods";
import { readJsonBody } from "@/lib/http/read-json-body";
import { getGrantlessToken } from "@/lib/app-client/get-grantless-token";
import { grantlessTokenInput, type GrantlessTokenAnswer } from "@/lib/app-client/grantless-token-answers";

export const dynamic = "force-dynamic";

/** A grantless token: app-wide, so keys limited to tenants get 404; each grantless scope needs its key scope. */
export const POST = withApiKey(
  async (request, { caller }) => {
    assertCallerAllowsTenant(caller, null);
    const { scope } = await readJsonBody(request, grantlessTokenInput);
    requireGrantlessScope(caller, scope);
    const token = await getGrantlessToken(scope);
    return NextResponse.json({ accessToken: token.accessToken, tokenType: "bearer", expiresAt: token.expiresAt.toISOString(), scope } satisfies GrantlessTokenAnswer);
  },
  { scopes: [] },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
