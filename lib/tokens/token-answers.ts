// The token API's request and answer shapes (POST /api/v1/authorizations/{id}/access-token and
// …/restricted-data-token). The routes build their answers against these types and the OpenAPI document is
// generated from them, so the document says what the routes do.
import { z } from "zod";
import { REGION_CODES } from "@/lib/amazon/regions";

export const accessTokenInput = z.object({
  rejectedToken: z.string().min(1).max(4096).optional().describe("The access token Amazon just rejected (401): replaced if it is still the current one."),
});

export const accessTokenAnswer = z.object({
  accessToken: z.string().describe("The LWA access token: send it as `x-amz-access-token`."),
  tokenType: z.literal("bearer"),
  expiresAt: z.iso.datetime(),
  authorizationId: z.string(),
  region: z.enum(REGION_CODES),
  sellingPartnerId: z.string().nullable().describe("null for a vendor authorization without a known vendor group id"),
});

export type AccessTokenAnswer = z.infer<typeof accessTokenAnswer>;

export const restrictedDataTokenAnswer = z.object({
  restrictedDataToken: z.string().describe("Send it as `x-amz-access-token` for the restricted operations it covers; Latchkey does not store it."),
  expiresAt: z.iso.datetime(),
  authorizationId: z.string(),
  region: z.enum(REGION_CODES),
});

export type RestrictedDataTokenAnswer = z.infer<typeof restrictedDataTokenAnswer>;
