import { NextResponse } from "next/server";
import { callerAllowsTenant } from "@/lib/api-keys/caller-allows-tenant";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { otherMethods } from "@/lib/http/other-methods";
import { readJsonBody } from "@/lib/http/read-json-body";
import { outcomesInput, type OutcomesAnswer } from "@/lib/monitoring/outcomes-schemas";
import { recordOutcomes, tenantOfAuthorization } from "@/lib/monitoring/record-outcomes";

export const dynamic = "force-dynamic";

/** Workers report their SP-API calls' outcomes (status, operation, latency) for monitoring. */
export const POST = withApiKey(async (request, { caller }) => {
  const input = await readJsonBody(request, outcomesInput);
  const accepted = await recordOutcomes(input, async (authorizationId) => {
    const tenantId = await tenantOfAuthorization(authorizationId);
    return tenantId !== null && callerAllowsTenant(caller, tenantId);
  });
  return NextResponse.json({ accepted } satisfies OutcomesAnswer, { status: 202 });
}, { scopes: ["outcomes"] });

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
