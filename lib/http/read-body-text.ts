import "server-only";
import { AppError } from "@/lib/errors";

function tooLarge(limitBytes: number): AppError {
  return new AppError("payload_too_large", `The request body must not exceed ${limitBytes} bytes.`, { details: { limitBytes } });
}

/**
 * The body as UTF-8 text, read chunk by chunk and abandoned as soon as it passes `limitBytes` (a declared
 * Content-Length over the limit is refused without reading at all). Not UTF-8: 400 `bad_request`.
 */
export async function readBodyText(request: Request, limitBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge(limitBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limitBytes);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("bad_request", "The request body is not valid UTF-8.");
  }
}
