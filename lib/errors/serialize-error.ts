import "server-only";
import { redactError, type RedactedError } from "@/lib/log/redact";

/**
 * An error (or anything thrown) as a plain object for logs: type, message, stack, own fields (code,
 * status, details), cause — every string redacted and secret-named fields replaced.
 */
export function serializeError(error: unknown): RedactedError {
  return redactError(error);
}
