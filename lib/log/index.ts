import "server-only";
export { childLogger, createLogger, logger, setLogger, type CreateLoggerOptions, type Logger } from "./logger";
export { REDACTED, clearRegisteredSecrets, isSecretKey, redact, redactError, redactString, registerSecret, type RedactedError } from "./redact";
