// The one error type the app throws on purpose (STYLE rule 6). `message` is safe to show to the user;
// anything internal goes in `cause` (logged, redacted, never returned).
import { DEFAULT_MESSAGES, ERROR_STATUS, type ErrorCode } from "./codes";

export interface AppErrorOptions {
  /** User-safe extra data (e.g. field issues). Redacted before it is logged or returned. */
  details?: Record<string, unknown>;
  /** The underlying error, for logs only. */
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message?: string, options: AppErrorOptions = {}) {
    super(message ?? DEFAULT_MESSAGES[code], options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    if (options.details !== undefined) this.details = options.details;
  }

  /** When to retry, for a `Retry-After` header: `details.retryAfterSeconds` when the thrower set one. */
  get retryAfterSeconds(): number | undefined {
    const value = this.details?.retryAfterSeconds;
    return typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.ceil(value) : undefined;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
