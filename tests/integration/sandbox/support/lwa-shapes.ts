import { z } from "zod";

/** LWA has no OpenAPI model: these are AMAZON.md's shapes. */
export const lwaTokenWithRefresh = z
  .object({
    access_token: z.string().regex(/^Atza\|[A-Za-z0-9_-]{300,}$/),
    token_type: z.literal("bearer"),
    expires_in: z.literal(3600),
    refresh_token: z.string().regex(/^Atzr\|[A-Za-z0-9_-]{300,}$/),
  })
  .strict();

export const lwaToken = lwaTokenWithRefresh.omit({ refresh_token: true }).strict();

export const lwaError = z.object({ error: z.string().min(1), error_description: z.string().min(1) }).strict();

export const REVOKED_DESCRIPTION = "The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission.";
