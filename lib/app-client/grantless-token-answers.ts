// POST /api/v1/grantless-tokens: the request and answer shapes the route uses and the OpenAPI document shows.
import { z } from "zod";
import { GRANTLESS_SCOPES } from "@/lib/amazon/lwa";

export const grantlessTokenInput = z.object({ scope: z.enum(GRANTLESS_SCOPES) });

export const grantlessTokenAnswer = z.object({
  accessToken: z.string(),
  tokenType: z.literal("bearer"),
  expiresAt: z.iso.datetime(),
  scope: z.enum(GRANTLESS_SCOPES),
});

export type GrantlessTokenAnswer = z.infer<typeof grantlessTokenAnswer>;
