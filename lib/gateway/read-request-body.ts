import "server-only";
import { AppError } from "@/lib/errors";

/** The largest request body the gateway forwards (the API edge's limit). */
export const MAX_REQUEST_BODY_BYTES = 256 * 1024;

/**
 * The request body as bytes, so a replay can send it again; reading stops with 413 as soon as it passes
 * MAX_REQUEST_BODY_BYTES. Undefined when there is none.
 */
export async function readRequestBody(request: Request): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (!request.body || request.method === "GET" || request.method === "HEAD") return undefined;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_REQUEST_BODY_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > MAX_REQUEST_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(read.value);
  }
  if (size === 0) return undefined;
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function tooLarge(): AppError {
  return new AppError("payload_too_large", `The gateway forwards request bodies of up to ${MAX_REQUEST_BODY_BYTES / 1024} KiB.`);
}
