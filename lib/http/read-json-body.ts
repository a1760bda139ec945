import "server-only";
// The one JSON body parser of the route handlers: a byte limit while reading (413), not JSON → 400
// `bad_request`, a zod failure → 422 `invalid_input` with the failing paths (never the rejected values).
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { BODY_LIMITS } from "./body-limits";
import { readBodyText } from "./read-body-text";

export interface ReadJsonOptions {
  /** Defaults to the `/api/v1` limit. */
  limitBytes?: number;
  /** What an empty body means; without it an empty body is not JSON (400). */
  whenEmpty?: unknown;
}

export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S, options: ReadJsonOptions = {}): Promise<z.output<S>> {
  const text = await readBodyText(request, options.limitBytes ?? BODY_LIMITS.api);
  let json: unknown = options.whenEmpty;
  if (text.trim() !== "" || options.whenEmpty === undefined) {
    try {
      json = JSON.parse(text);
    } catch {
      throw new AppError("bad_request", options.whenEmpty === undefined ? "The body must be JSON." : "The body must be JSON (or empty).");
    }
  }
  return schema.parse(json);
}
