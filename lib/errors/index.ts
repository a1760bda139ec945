import "server-only";
export { AppError, isAppError, type AppErrorOptions } from "./app-error";
export { DEFAULT_MESSAGES, ERROR_STATUS, isErrorCode, statusForCode, type ErrorCode } from "./codes";
export { serializeError } from "./serialize-error";
export { fieldIssues, toErrorResponse, type ErrorBody, type ErrorResponse, type FieldIssue } from "./to-error-response";
