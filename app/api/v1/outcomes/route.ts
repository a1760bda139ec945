import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { outcomesInput, recordOutcomes, tenantOfAuthorization } from "@/lib/monitoring/record-outcomes";

export const dynamic = "force-dynamic";

/** Workers report their SP-API calls' outcomes (status, operation, latency) for monitoring. */
export const POST = withApiKey(async (request, { caller }) => {
  const input = outcomesInput.parse(await request.json().catch(() => ({})));
  const accepted = await recordOutcomes(input, async (authorizationId) => {
    const tenantId = await tenantOfAuthorization(authorizationId);
    return tenantId !== null && (caller.tenantIds.length === 0 || caller.tenantIds.includes(tenantId));
  });
  return NextResponse.json({ accepted }, { status: 202 });
});
