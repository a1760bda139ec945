// POST /api/v1/outcomes: what a worker reports and what Latchkey answers. The route parses and answers with
// these, and the OpenAPI document is generated from them.
import { z } from "zod";
import { idSchema } from "@/lib/http/ids";

export const outcomesInput = z.object({
  outcomes: z
    .array(
      z.object({
        authorizationId: idSchema,
        operation: z.string().min(1).max(120),
        status: z.number().int().min(0).max(599), // 0: no HTTP answer (network error or timeout)
        latencyMs: z.number().int().min(0).max(600_000),
        at: z.iso.datetime().optional(),
      }),
    )
    .min(1)
    .max(500),
});

export type OutcomesInput = z.infer<typeof outcomesInput>;

export const outcomesAnswer = z.object({
  accepted: z.number().int().min(0).describe("How many outcomes were recorded; those naming an authorization the key may not see are dropped silently."),
});

export type OutcomesAnswer = z.infer<typeof outcomesAnswer>;
