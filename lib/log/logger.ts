import "server-only";
// The one logger. Every line goes through redaction twice over: the arguments of each call (merged
// objects deep-walked with key-name rules, errors turned into redacted objects, message and `%s`
// arguments filtered) and then the final serialized line, so nothing formatted on the way can leak.
import pino, { type DestinationStream, type Level, type LevelWithSilent, type Logger, type LogFn } from "pino";
import { ConfigError, readServerEnv } from "@/lib/env";
import { processLocal } from "@/lib/runtime/process-local";
import { redact, redactError, redactString } from "./redact";

export type { Logger } from "pino";

export interface CreateLoggerOptions {
  level?: LevelWithSilent;
  /** Where lines go (one JSON line per call). Defaults to stdout. Tests pass a capturing stream. */
  destination?: DestinationStream;
  bindings?: Record<string, unknown>;
}

function configuredLevel(): LevelWithSilent {
  try {
    return readServerEnv().LOG_LEVEL;
  } catch (error) {
    // The env is invalid: the app is about to stop with that ConfigError; let the logger report it.
    if (error instanceof ConfigError) return "info";
    throw error;
  }
}

function redactArgument(arg: unknown): unknown {
  if (typeof arg === "string") return redactString(arg);
  if (arg instanceof Error) return redactError(arg);
  return redact(arg);
}

/** Rewrites the arguments of one log call into redacted copies, keeping pino's calling conventions. */
function redactArguments(args: unknown[]): unknown[] {
  const [first, ...rest] = args;
  if (first instanceof Error) {
    // pino would log it as { err } with its message as msg; do the same with a redacted copy.
    const err = redactError(first);
    const message = rest.length > 0 ? rest.shift() : err.message;
    return [{ err }, redactArgument(message), ...rest.map(redactArgument)];
  }
  if (first !== null && typeof first === "object") {
    const merged = redact(first);
    return [merged, ...rest.map(redactArgument)];
  }
  return args.map(redactArgument);
}

export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const destination = options.destination ?? pino.destination({ dest: 1, sync: true });
  return pino(
    {
      level: options.level ?? configuredLevel(),
      base: { service: "latchkey", ...(options.bindings ? (redact(options.bindings) as Record<string, unknown>) : {}) },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (bindings) => redact(bindings) as Record<string, unknown>,
      },
      serializers: {
        err: (value: unknown) => (value instanceof Error ? redactError(value) : redact(value)),
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, redactArguments(args as unknown[]) as Parameters<LogFn>);
        },
        streamWrite: redactString,
      },
    },
    destination,
  );
}

// One logger per process, so dev hot reloads do not open stdout again.
const holder = processLocal("logger", (): { current?: Logger } => ({}));

/** The app's logger. Created on first use, with the level from LOG_LEVEL. */
export const logger: Logger = new Proxy({} as Logger, {
  get(_target, property) {
    holder.current ??= createLogger();
    const instance = holder.current;
    const value: unknown = Reflect.get(instance, property);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(instance) : value;
  },
  set(_target, property, value) {
    holder.current ??= createLogger();
    return Reflect.set(holder.current, property, value);
  },
});

/** Replaces the process logger (tests that capture what the app logs); `undefined` restores the default. */
export function setLogger(instance: Logger | undefined): void {
  holder.current = instance;
}

/** A logger that adds these fields to every line (e.g. `{ requestId }`, `{ job: "rewrap" }`). */
export function childLogger(bindings: Record<string, unknown>): Logger {
  return logger.child(redact(bindings) as Record<string, unknown>);
}

export type LogLevel = Level;
