import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { idParams } from "@/lib/http/ids";
import { otherMethods } from "@/lib/http/other-methods";
import { readJsonBody } from "@/lib/http/read-json-body";
import { restrictedResourcesInput } from "@/lib/amazon/tokens-api";
import { createRestrictedDataToken } from "@/lib/tokens/create-restricted-data-token";
import type { RestrictedDataTokenAnswer } from "@/lib/tokens/token-answers";

export const dynamic = "force-dynamic";

/** A Restricted Data Token for the restricted resources in the body; never stored by Latchkey. */
export const POST = withApiKey(
  async (request, { assertTenant, params }) => {
    const body = await readJsonBody(request, restrictedResourcesInput);
    const rdt = await createRestrictedDataToken(params.id, body, { assertTenant });
    return NextResponse.json({ restrictedDataToken: rdt.restrictedDataToken, expiresAt: rdt.expiresAt.toISOString(), authorizationId: rdt.authorization.id, region: rdt.authorization.region } satisfies RestrictedDataTokenAnswer);
  },
  { scopes: ["restricted_data_tokens"], params: idParams },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
