import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { otherMethods } from "@/lib/http/other-methods";
import { readQuery } from "@/lib/http/read-query";
import { listAuthorizationsForCaller } from "@/lib/management/authorization-facts";
import { listAuthorizationsQuery } from "@/lib/management/schemas";

export const dynamic = "force-dynamic";

/** Authorizations the key may see, newest first, by tenant, externalId, sellingPartnerId, region, status; cursor pages. */
export const GET = withApiKey(
  async (request, { caller }) => NextResponse.json(await listAuthorizationsForCaller(caller, readQuery(request, listAuthorizationsQuery))),
  { scopes: ["management"] },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
