import { z } from "zod";
import type { AppInput } from "../apps/app-input";
import { DEFAULT_APP } from "./default-app";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const booleanFlag = (fallback: boolean) =>
  z.preprocess(emptyAsUndefined, z.enum(["true", "false", "1", "0"]).optional()).transform((value) => (value === undefined ? fallback : value === "true" || value === "1"));

const envSchema = z.object({
  SANDBOX_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(4100)),
  SANDBOX_HOST: z.preprocess(emptyAsUndefined, z.string().default("127.0.0.1")),
  SANDBOX_STATE_FILE: z.preprocess(emptyAsUndefined, z.string().default(".data/sandbox-state.json")),
  SANDBOX_PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  SANDBOX_NOTIFICATION_SINK_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  SANDBOX_APP_ID: z.preprocess(emptyAsUndefined, z.string().default(DEFAULT_APP.applicationId)),
  SANDBOX_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().default(DEFAULT_APP.clientId)),
  SANDBOX_CLIENT_SECRET: z.preprocess(emptyAsUndefined, z.string().default(DEFAULT_APP.clientSecret)),
  SANDBOX_APP_NAME: z.preprocess(emptyAsUndefined, z.string().default(DEFAULT_APP.appName)),
  SANDBOX_REDIRECT_URIS: z.preprocess(emptyAsUndefined, z.string().default(DEFAULT_APP.redirectUris.join(","))),
  SANDBOX_LOGIN_URI: optionalString,
  SANDBOX_APP_PUBLISHED: booleanFlag(DEFAULT_APP.published),
  SANDBOX_APP_QUEUE_ENROLLED: booleanFlag(DEFAULT_APP.notificationQueueEnrolled),
  SANDBOX_QUIET: booleanFlag(false),
  NODE_ENV: optionalString,
});

export interface SandboxEnv {
  port: number;
  host: string;
  stateFile: string;
  publicUrl?: string;
  notificationSinkUrl?: string;
  defaultApp: AppInput;
  quiet: boolean;
}

/** The only place the sandbox reads environment variables. Throws a readable message on bad values. */
export function readSandboxEnv(env: Record<string, string | undefined> = process.env): SandboxEnv {
  const result = envSchema.safeParse(env);
  if (!result.success) throw new Error(`Invalid sandbox environment:\n${z.prettifyError(result.error)}`);
  const parsed = result.data;
  return {
    port: parsed.SANDBOX_PORT,
    host: parsed.SANDBOX_HOST,
    stateFile: parsed.SANDBOX_STATE_FILE,
    ...(parsed.SANDBOX_PUBLIC_URL ? { publicUrl: parsed.SANDBOX_PUBLIC_URL } : {}),
    ...(parsed.SANDBOX_NOTIFICATION_SINK_URL ? { notificationSinkUrl: parsed.SANDBOX_NOTIFICATION_SINK_URL } : {}),
    defaultApp: {
      applicationId: parsed.SANDBOX_APP_ID,
      clientId: parsed.SANDBOX_CLIENT_ID,
      clientSecret: parsed.SANDBOX_CLIENT_SECRET,
      appName: parsed.SANDBOX_APP_NAME,
      redirectUris: parsed.SANDBOX_REDIRECT_URIS.split(",").map((uri) => uri.trim()).filter(Boolean),
      loginUri: parsed.SANDBOX_LOGIN_URI ?? DEFAULT_APP.loginUri,
      published: parsed.SANDBOX_APP_PUBLISHED,
      notificationQueueEnrolled: parsed.SANDBOX_APP_QUEUE_ENROLLED,
    },
    quiet: parsed.SANDBOX_QUIET || parsed.NODE_ENV === "test",
  };
}

/** Request logging is off by default under `NODE_ENV=test` or `SANDBOX_QUIET=1`. */
export function requestLoggingEnabledByEnv(env: Record<string, string | undefined> = process.env): boolean {
  return !(env.NODE_ENV === "test" || env.SANDBOX_QUIET === "1" || env.SANDBOX_QUIET === "true");
}
