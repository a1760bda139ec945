import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { parseJson, readBody } from "../http/body";
import { sendJson } from "../http/respond";

/** Control API errors use `{ "error": { "code", "message" } }`. */
export function sendControlError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message } });
}

export class ControlInputError extends Error {}

/** Reads a JSON body (empty = `{}`) and parses it with a zod schema; throws ControlInputError with a readable message. */
export async function readControlInput<T extends z.ZodType>(req: IncomingMessage, schema: T): Promise<z.output<T>> {
  const text = await readBody(req);
  const json = text.trim() === "" ? { ok: true as const, value: {} } : parseJson(text);
  if (!json.ok) throw new ControlInputError("The request body must be JSON");
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) throw new ControlInputError(z.prettifyError(parsed.error));
  return parsed.data;
}
