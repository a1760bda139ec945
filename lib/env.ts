// The one place that reads process.env. Validated once; a bad value stops the app with one line that
// names the variable (never its value, which may hold a password or key).
import { z } from "zod";
import { REGION_CODES, type Region } from "./amazon/regions";

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

const emptyAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional());
const bool = (fallback: boolean) =>
  z.preprocess(emptyAsUndefined, z.enum(["true", "false", "1", "0"]).optional()).transform((v) => (v === undefined ? fallback : v === "true" || v === "1"));

export const AMAZON_PRODUCTION = {
  lwaTokenUrl: "https://api.amazon.com/auth/o2/token",
  spapi: {
    NA: "https://sellingpartnerapi-na.amazon.com",
    EU: "https://sellingpartnerapi-eu.amazon.com",
    FE: "https://sellingpartnerapi-fe.amazon.com",
  },
} as const;

const schema = z.object({
  NODE_ENV: z.preprocess(emptyAsUndefined, z.enum(["development", "production", "test"]).default("development")),
  /** Set to "1" by Vercel on its deployments (proxy.ts then leaves the SP-API gateway to its route). */
  VERCEL: optionalString,
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine((value) => {
        try {
          const url = new URL(value);
          return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
        } catch {
          return false;
        }
      }, "must be a postgresql://user@host:port/database URL")
      .optional(),
  ),
  PGLITE_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data/pglite")),
  APP_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).default("http://localhost:3000")),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info")),

  VAULT_MASTER_KEYS: optionalString,
  VAULT_ACTIVE_KEY_ID: optionalString,
  VAULT_DEV_KEY_FILE: z.preprocess(emptyAsUndefined, z.string().default(".data/dev-master-key")),

  AMAZON_ENDPOINTS: z.preprocess(emptyAsUndefined, z.enum(["amazon", "sandbox"]).default("amazon")),
  SANDBOX_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:4100")),
  AMAZON_LWA_TOKEN_URL: optionalUrl,
  AMAZON_SPAPI_NA_URL: optionalUrl,
  AMAZON_SPAPI_EU_URL: optionalUrl,
  AMAZON_SPAPI_FE_URL: optionalUrl,
  AMAZON_SELLER_CENTRAL_URL: optionalUrl,
  AMAZON_VENDOR_CENTRAL_URL: optionalUrl,
  OAUTH_STATE_TTL_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(10).max(3600).default(900)),
  TOKEN_REFRESH_MARGIN_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(1800).default(300)),
  TOKEN_CLOCK_SKEW_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(300).default(30)),
  TOKEN_LEASE_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(2).max(120).default(15)),
  AMAZON_HTTP_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).max(120_000).default(10_000)),
  // One budget per token request that every LWA attempt and backoff fits inside (each attempt's timeout is the
  // smaller of AMAZON_HTTP_TIMEOUT_MS and what is left), so Latchkey answers before a client gives up.
  TOKEN_REQUEST_DEADLINE_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(500).max(120_000).default(20_000)),
  // The scheduled refresh-ahead sweep (every 5 minutes) keeps warm the authorizations used within this many hours.
  REFRESH_SWEEP_USED_WITHIN_HOURS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(24 * 30).default(24)),
  // LWA calls at a time in the sweep and the liveness check.
  REFRESH_SWEEP_CONCURRENCY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(64).default(8)),
  // The liveness check (every 10 minutes) refreshes each live authorization not refreshed for this many hours,
  // taking at most LIVENESS_CHECK_MAX_PER_RUN per run (0 turns it off).
  LIVENESS_CHECK_AFTER_HOURS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(24 * 30).default(24)),
  LIVENESS_CHECK_MAX_PER_RUN: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(5000).default(300)),

  SPAPI_APPLICATION_ID: optionalString,
  SPAPI_APP_NAME: z.preprocess(emptyAsUndefined, z.string().default("Latchkey")),
  SPAPI_APP_DRAFT: bool(true),
  LWA_CLIENT_ID: optionalString,
  LWA_CLIENT_SECRET: optionalString,

  // App client lifecycle (issue 5). The SQS queue Amazon sends the client-secret notifications to; with
  // AMAZON_ENDPOINTS=sandbox the queue URL and endpoint default to the sandbox's queue for SPAPI_APPLICATION_ID.
  SQS_QUEUE_URL: optionalUrl,
  SQS_REGION: z.preprocess(emptyAsUndefined, z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "must be an AWS region such as us-east-1").default("us-east-1")),
  SQS_ENDPOINT: optionalUrl,
  SQS_WAIT_TIME_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(20).default(20)),
  SQS_VISIBILITY_TIMEOUT_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(5).max(43_200).default(120)),
  // Shared secret of the HTTPS notification ingest (POST /api/notifications/amazon); unset = the route answers 404.
  NOTIFICATION_INGEST_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "must be at least 32 characters (generate one with `openssl rand -hex 32`)").optional()),
  SECRET_ROTATION_TIMEOUT_MINUTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(7 * 24 * 60).default(30)),
  SECRET_ROTATION_THRESHOLD_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(170).default(14)),
  /** The SP-API region whose endpoint serves grantless calls (rotation, destinations). */
  SPAPI_GRANTLESS_REGION: z.preprocess(emptyAsUndefined, z.enum(REGION_CODES).default("NA")),

  ADMIN_EMAILS: z.preprocess(emptyAsUndefined, z.string().default("")).transform((v) =>
    v.split(",").map((e) => e.trim().toLowerCase()).filter(Boolean),
  ),
  EMAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default("Latchkey <no-reply@latchkey.local>")),
  RESEND_API_KEY: optionalString,
  /** Outbox mode also writes each email here as a JSON file (local tools, end-to-end tests). */
  EMAIL_OUTBOX_DIR: optionalString,
  RESEND_BASE_URL: optionalUrl,
  /** Sends of one email before it is marked failed for good (timeouts, 5xx and 429 are retried 1, 2, 4, 8… minutes later). */
  EMAIL_MAX_ATTEMPTS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(20).default(6)),
  /** Signing secret of the Resend webhook (`whsec_…`, from Resend's dashboard); unset = /api/webhooks/resend answers 404. */
  RESEND_WEBHOOK_SECRET: z.preprocess(emptyAsUndefined, z.string().regex(/^whsec_[A-Za-z0-9+/=]{24,}$/, "must be Resend's signing secret (whsec_ followed by base64)").optional()),

  // Monitoring and alerts (issue 7). Alert rule thresholds are configuration, read on every evaluation.
  /** 401s from SP-API for one tenant, within ALERT_401_WINDOW_MINUTES, that fire an alert (count ≥ threshold). */
  ALERT_401_THRESHOLD: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(1_000_000).default(10)),
  ALERT_401_WINDOW_MINUTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(60).default(5)),
  /** 403s (and 429s) from SP-API for one tenant within their window that fire the 403-spike (429-spike) alert. */
  ALERT_403_THRESHOLD: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(1_000_000).default(10)),
  ALERT_403_WINDOW_MINUTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(60).default(5)),
  ALERT_429_THRESHOLD: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(1_000_000).default(50)),
  ALERT_429_WINDOW_MINUTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(60).default(5)),
  /** Consecutive failed LWA refreshes of one authorization that fire an alert. */
  ALERT_REFRESH_FAILURES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100).default(2)),
  ALERT_CLIENT_SECRET_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(180).default(14)),
  ALERT_RENEWAL_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(365).default(7)),
  ALERT_CHARGE_METHOD_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(365).default(30)),
  /** How far back operations outside the roles ledger count as scope drift. */
  ALERT_SCOPE_DRIFT_HOURS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(24 * 30).default(24)),
  /** Alerts are POSTed here as JSON, signed `x-latchkey-signature: t=<unix>,v1=<hex HMAC-SHA256(secret, t.body)>`. */
  ALERT_WEBHOOK_URL: optionalUrl,
  ALERT_WEBHOOK_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "must be at least 32 characters (generate one with `openssl rand -hex 32`)").optional()),
  ALERT_WEBHOOK_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).max(60_000).default(5000)),
  /** Sends of one alert notification (per channel) before it is marked failed for good; retries back off 1, 2, 4, 8… minutes. */
  ALERT_DELIVERY_MAX_ATTEMPTS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(20).default(5)),
  // Lifecycle webhooks (issue 15 §3): endpoints registered on /admin/webhooks or /api/v1/webhook-endpoints.
  /** Whether an endpoint may be http or a local/private address; unset: yes in development and tests, no in production. */
  WEBHOOK_ALLOW_LOCAL_URLS: z.preprocess(emptyAsUndefined, z.enum(["true", "false", "1", "0"]).optional()).transform((v) => (v === undefined ? undefined : v === "true" || v === "1")),
  /** How long one webhook attempt may take before it counts as a timeout (and is retried). */
  WEBHOOK_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).max(60_000).default(10_000)),
  /** Attempts of one delivery (timeouts, no answer, 5xx, 408, 429 are retried) before it is marked failed for good. */
  WEBHOOK_MAX_ATTEMPTS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(30).default(8)),
  /** The wait before the second attempt; each later one waits twice as long (at most an hour). */
  WEBHOOK_RETRY_BASE_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(3600).default(60)),
  /** SP-API outcome buckets older than this are deleted by the retention sweep. */
  MONITORING_RETENTION_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(400).default(14)),
  /** Bearer token of GET /api/metrics (Prometheus); unset = the route answers 404. */
  METRICS_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16, "must be at least 16 characters").optional()),
  /** Bearer token of GET /api/health/authz (the hourly probe); unset = the route answers 404. */
  HEALTH_PROBE_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16, "must be at least 16 characters").optional()),
  // Workflows (issue 6). With INNGEST_BASE_URL, INNGEST_DEV, or both Inngest Cloud keys set, functions run on
  // Inngest (served at /api/inngest); otherwise the same functions run in-process (lib/workflows).
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_BASE_URL: optionalUrl,
  /** "1"/"true", or the dev server's URL: talk to an Inngest dev server. */
  INNGEST_DEV: optionalString,
  /**
   * Test only (the chaos suite, `npm run chaos`): the name of one fault point (lib/runtime/fault-point.ts) at
   * which this process kills itself with SIGKILL. Refused in production.
   */
  LATCHKEY_FAULT_POINT: z.preprocess(emptyAsUndefined, z.string().regex(/^[a-z0-9-]{1,64}$/, "must be a fault point name such as workflow-mid-step").optional()),
  /** Mark an authorization inactive after this many days without a token request. */
  INACTIVITY_THRESHOLD_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(365).default(30)),
  /** Days between inactivity reminders. */
  INACTIVITY_REMINDER_INTERVAL_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(90).default(7)),
  /** After this many inactivity reminders, propose revocation to the admins. */
  INACTIVITY_REMINDERS_BEFORE_PROPOSAL: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(20).default(3)),
  /** How long the one-click link in a reminder email works. */
  REMINDER_LINK_TTL_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(90).default(14)),

  // Signs session cookies and hashes magic-link tokens. Required in production; in development and tests a
  // random one is created once in AUTH_DEV_SECRET_FILE (lib/auth/auth-secret.ts).
  AUTH_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().min(32, "must be at least 32 characters (generate one with `openssl rand -base64 32`)").optional(),
  ),
  AUTH_DEV_SECRET_FILE: z.preprocess(emptyAsUndefined, z.string().default(".data/auth-secret")),
  /** Sign-in links one address, and one client IP, may ask for per quarter hour (lib/auth/sign-in-rate-limit.ts). */
  SIGN_IN_LINKS_PER_ADDRESS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(10_000).default(5)),
  SIGN_IN_LINKS_PER_IP: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100_000).default(20)),

  // Connect links (management API, issue 15 §2).
  /** How long a connect link can be opened after it was created (minutes). */
  CONNECT_LINK_TTL_MINUTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(24 * 60).default(30)),
  /** Origins a connect link's `returnUrl` may point to, comma-separated (e.g. `https://app.example.com`); empty: no returnUrl is accepted. */
  CONNECT_LINK_RETURN_ORIGINS: z.preprocess(emptyAsUndefined, z.string().default("")).transform((value, context) => {
    const origins: string[] = [];
    for (const entry of value.split(",").map((e) => e.trim()).filter(Boolean)) {
      let url: URL;
      try {
        url = new URL(entry);
      } catch {
        context.addIssue({ code: "custom", message: `has "${entry}", which is not an origin like https://app.example.com` });
        return z.NEVER;
      }
      if (!/^https?:$/.test(url.protocol) || url.origin !== entry.replace(/\/$/, "")) {
        context.addIssue({ code: "custom", message: `has "${entry}", which is not an origin like https://app.example.com (no path)` });
        return z.NEVER;
      }
      origins.push(url.origin);
    }
    return origins;
  }),
});

export type RawEnv = z.infer<typeof schema>;

export type ServerEnv = Omit<RawEnv, "WEBHOOK_ALLOW_LOCAL_URLS"> & {
  /** Resolved: the variable, or true outside production. */
  WEBHOOK_ALLOW_LOCAL_URLS: boolean;
  amazon: {
    lwaTokenUrl: string;
    spapi: Record<Region, string>;
    /** When set, consent pages live at `${base}/{site}/apps/authorize/consent` (the sandbox's layout). */
    sellerCentralOverride?: string;
    vendorCentralOverride?: string;
  };
  sqs: {
    /** Absent: no SQS consumer can run (use the HTTPS ingest). */
    queueUrl?: string;
    region: string;
    endpoint?: string;
    /** The sandbox accepts any signature: dummy credentials instead of the AWS credential chain. */
    sandboxCredentials: boolean;
  };
};

function resolveAmazon(env: RawEnv): ServerEnv["amazon"] {
  const sandbox = env.AMAZON_ENDPOINTS === "sandbox" ? env.SANDBOX_URL.replace(/\/$/, "") : undefined;
  return {
    lwaTokenUrl: env.AMAZON_LWA_TOKEN_URL ?? (sandbox ? `${sandbox}/auth/o2/token` : AMAZON_PRODUCTION.lwaTokenUrl),
    spapi: {
      NA: env.AMAZON_SPAPI_NA_URL ?? (sandbox ? `${sandbox}/spapi/na` : AMAZON_PRODUCTION.spapi.NA),
      EU: env.AMAZON_SPAPI_EU_URL ?? (sandbox ? `${sandbox}/spapi/eu` : AMAZON_PRODUCTION.spapi.EU),
      FE: env.AMAZON_SPAPI_FE_URL ?? (sandbox ? `${sandbox}/spapi/fe` : AMAZON_PRODUCTION.spapi.FE),
    },
    sellerCentralOverride: env.AMAZON_SELLER_CENTRAL_URL ?? (sandbox ? `${sandbox}/sellercentral` : undefined),
    vendorCentralOverride: env.AMAZON_VENDOR_CENTRAL_URL ?? (sandbox ? `${sandbox}/vendorcentral` : undefined),
  };
}

/** The sandbox names each app's queue after the last part of its application id (sandbox/sqs/queues.ts). */
function sandboxQueueName(applicationId: string): string {
  const last = applicationId.split(".").pop() ?? applicationId;
  return `${last.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 50) || "app"}-spapi-notifications`;
}

function resolveSqs(env: RawEnv): ServerEnv["sqs"] {
  const sandbox = env.AMAZON_ENDPOINTS === "sandbox" ? env.SANDBOX_URL.replace(/\/$/, "") : undefined;
  const sandboxQueue = sandbox ? `${sandbox}/sqs/000000000000/${sandboxQueueName(env.SPAPI_APPLICATION_ID ?? "amzn1.sp.solution.latchkey-sandbox")}` : undefined;
  const queueUrl = env.SQS_QUEUE_URL ?? sandboxQueue;
  const endpoint = env.SQS_ENDPOINT ?? (sandbox && !env.SQS_QUEUE_URL ? `${sandbox}/sqs` : undefined);
  return { queueUrl, region: env.SQS_REGION, endpoint, sandboxCredentials: Boolean(sandbox && !env.SQS_QUEUE_URL) };
}

/** Parses an environment (process.env by default). Throws ConfigError with one line per bad variable. */
export function parseEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${lines.join("; ")}`);
  }
  const env = result.data;
  if (env.NODE_ENV === "production" && !env.VAULT_MASTER_KEYS) {
    throw new ConfigError(
      "Invalid configuration: VAULT_MASTER_KEYS is required in production (format: keyId:base64-32-bytes[,keyId:...]; generate one with `npm run vault:keygen`)",
    );
  }
  if (env.NODE_ENV === "production" && env.LATCHKEY_FAULT_POINT) {
    throw new ConfigError("Invalid configuration: LATCHKEY_FAULT_POINT is a test-only crash switch (npm run chaos) and is refused in production: unset it");
  }
  return { ...env, WEBHOOK_ALLOW_LOCAL_URLS: env.WEBHOOK_ALLOW_LOCAL_URLS ?? env.NODE_ENV !== "production", amazon: resolveAmazon(env), sqs: resolveSqs(env) };
}

let cached: ServerEnv | undefined;

/** The validated server environment, parsed once per process. */
export function readServerEnv(): ServerEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change process.env between cases. */
export function resetServerEnvForTests(): void {
  cached = undefined;
}
