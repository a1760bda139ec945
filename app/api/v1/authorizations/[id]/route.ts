import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { idParams } from "@/lib/http/ids";
import { otherMethods } from "@/lib/http/other-methods";
import { getAuthorizationForCaller } from "@/lib/management/authorization-facts";

export const dynamic = "force-dynamic";

/** One authorization with what the admin detail page shows: status, token freshness, ledger, outcomes, history (never a token). */
export const GET = withApiKey(async (_request, { caller, params }) => NextResponse.json(await getAuthorizationForCaller(caller, params.id)), {
  scopes: ["management"],
  params: idParams,
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
