import "server-only";
// Expected upstream failures are not bugs: Amazon down or throttling, the app's own credentials refused,
// a caller over its limit. Each is ONE warn line with its code and request id (no error object, no nested
// stacks), and identical ones within a minute are counted and summarized in one line at the minute's end
// ("…repeated 57 times in the last 60 s") instead of filling the log per request during an outage.
import { logger } from "@/lib/log/logger";
import type { AppError } from "./app-error";
import type { ErrorCode } from "./codes";
import { processLocal } from "@/lib/runtime/process-local";

const EXPECTED_FAILURE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(["amazon_unavailable", "app_client_rejected", "rate_limited"]);
export const REPEAT_WINDOW_MS = 60_000;

// Open windows by code and message; each removes itself when its minute ends (per process).
const windows = processLocal("expectedFailureWindows", () => new Map<string, { repeats: number }>());

export function isExpectedFailure(error: AppError): boolean {
  return EXPECTED_FAILURE_CODES.has(error.code);
}

export function logExpectedFailure(error: AppError, requestId: string): void {
  const key = `${error.code}\n${error.message}`;
  const open = windows.get(key);
  if (open) {
    open.repeats++;
    return;
  }
  const reason = error.cause instanceof Error ? error.cause.message : undefined;
  logger.warn({ code: error.code, requestId, ...(reason === undefined ? {} : { reason }) }, `request failed: ${error.code}: ${error.message}`);
  const window = { repeats: 0 };
  windows.set(key, window);
  setTimeout(() => {
    windows.delete(key);
    if (window.repeats === 0) return;
    const seconds = REPEAT_WINDOW_MS / 1000;
    logger.warn({ code: error.code, repeats: window.repeats }, `request failed: ${error.code}: ${error.message} (repeated ${window.repeats} times in the last ${seconds} s)`);
  }, REPEAT_WINDOW_MS).unref();
}
