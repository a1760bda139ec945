import { NextResponse } from "next/server";
import { z } from "zod";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { AppError } from "@/lib/errors";
import { GRANTLESS_SCOPES, getGrantlessToken } from "@/lib/tokens/get-grantless-token";

export const dynamic = "force-dynamic";

const body = z.object({ scope: z.enum(GRANTLESS_SCOPES) });

/** A grantless token (notifications or client-secret rotation scope). Keys limited to tenants may not. */
export const POST = withApiKey(async (request, { caller }) => {
  if (caller.tenantIds.length > 0) throw new AppError("not_found");
  const { scope } = body.parse(await request.json().catch(() => ({})));
  const token = await getGrantlessToken(scope);
  return NextResponse.json({ accessToken: token.accessToken, tokenType: "bearer", expiresAt: token.expiresAt.toISOString(), scope });
});
