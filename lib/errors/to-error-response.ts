import "server-only";
// The one place that turns any thrown value into the JSON error the API returns (STYLE rule 6):
// { "error": { "code", "message", "requestId", "details"? } }. Only 4xx AppError messages and details and
// zod field issues reach the body; every 5xx gets its code's generic message and is logged (redacted)
// with the request id: expected upstream failures as one summarized warn line, anything else as an error.
import { z } from "zod";
import { ConfigError } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { redact, redactString } from "@/lib/log/redact";
import { AppError } from "./app-error";
import { DEFAULT_MESSAGES, ERROR_STATUS, type ErrorCode } from "./codes";
import { isExpectedFailure, logExpectedFailure } from "./log-expected-failure";

export interface FieldIssue {
  /** Dotted path to the field, e.g. "marketplaceIds.0"; "" for the whole input. */
  path: string;
  message: string;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    requestId: string;
    details?: Record<string, unknown>;
  };
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
}

/** Field paths and messages only: zod issues also carry the input, which never goes back out. */
export function fieldIssues(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: redactString(issue.path.map((segment) => String(segment)).join(".")),
    message: redactString(issue.message),
  }));
}

function respond(code: ErrorCode, message: string, requestId: string, details?: Record<string, unknown>): ErrorResponse {
  const error: ErrorBody["error"] = { code, message, requestId };
  if (details !== undefined) error.details = details;
  return { status: ERROR_STATUS[code], body: { error } };
}

export function toErrorResponse(error: unknown, requestId: string): ErrorResponse {
  if (error instanceof AppError) {
    // A server-side AppError's message is for operators (which key, which row): log it, answer generically.
    if (isExpectedFailure(error)) logExpectedFailure(error, requestId);
    else if (error.status >= 500) logger.error({ err: error, requestId }, `request failed: ${error.code}`);
    if (error.status >= 500) return respond(error.code, DEFAULT_MESSAGES[error.code], requestId);
    const details = error.details === undefined ? undefined : (redact(error.details) as Record<string, unknown>);
    return respond(error.code, redactString(error.message), requestId, details);
  }
  if (error instanceof z.core.$ZodError) {
    return respond("invalid_input", DEFAULT_MESSAGES.invalid_input, requestId, { issues: fieldIssues(error) });
  }
  if (error instanceof ConfigError) {
    logger.error({ err: error, requestId }, "request failed: configuration error");
    return respond("config_error", DEFAULT_MESSAGES.config_error, requestId);
  }
  logger.error({ err: error, requestId }, "request failed: unexpected error");
  return respond("internal", DEFAULT_MESSAGES.internal, requestId);
}
