// GET /api/v1/ping: the trivial answer, as a schema so the OpenAPI document shows it.
import { z } from "zod";

export const pingAnswer = z.object({ ok: z.literal(true) });

export type PingAnswer = z.infer<typeof pingAnswer>;
