// Everything Latchkey keeps in a process's memory, in one place. Each value lives on globalThis under its
// name, so a development hot reload, or a second server bundle of the same module (instrumentation and the
// routes), finds the one already made instead of opening a second connection or starting a second timer.
//
// With several instances, each of these exists once per instance: none is shared. What must hold across
// instances (the refresh lease, rate-limit counters, the tokens themselves) is in the database; these only
// save work, or are the process's own machinery.
export const PROCESS_LOCAL = {
  db: "the database connection (PGlite: the one process that may open its data directory)",
  logger: "the logger, and the test override of it",
  logSecrets: "secret values registered for redaction in log lines (bounded; lib/log/redact.ts)",
  keyRing: "the vault's master-key ring read from the environment, and a test override",
  devKeyWarned: "whether the development master-key warning was logged",
  memoryTokens: "access tokens already read or fetched (at most 10,000, least recently used dropped first)",
  inflightTokens: "one in-flight token load per cache key (single flight within the process)",
  clientCredentials: "the app client's decrypted LWA credentials, until a secret change invalidates them",
  tokenAuthorizations: "authorizations as the token API reads them (at most 10,000, for a few seconds each)",
  inflightTokenAuthorizations: "one in-flight read per authorization",
  authSecret: "the auth secret, resolved once (lib/auth/auth-secret.ts)",
  apiKeys: "API keys already resolved (at most 10,000, least recently used dropped first), re-checked at most once a second (lib/api-keys)",
  apiKeyLookups: "one in-flight database lookup per API key (lib/api-keys)",
  apiKeyRateLimits: "each API key's token bucket: its requests-per-minute limit is counted per instance (lib/api-keys)",
  apiKeyUse: "API keys used since their last-used time was written (lib/api-keys)",
  tokenUsage: "authorizations used since their last-used time was written, flushed every 5 s (lib/tokens/usage.ts)",
  transitionListeners: "who is called after each committed authorization transition (lib/authorizations/state-machine.ts)",
  transitionWriters: "who writes inside each authorization transition's transaction (lib/authorizations/state-machine.ts; the webhooks' event rows)",
  expectedFailureWindows: "expected upstream failures logged in the last minute, so repeats are summarized (lib/errors)",
  gatewayOutcomes: "the gateway's SP-API call outcomes not yet written to the monitoring buckets (written every second)",
  gatewayRdts: "Restricted Data Tokens the gateway made, in memory only, until a minute before they expire",
  ledger: "the roles ledger as last read from the database, for at most 5 s; evicted when this instance approves a change (lib/ledger)",
  gatewayRdtFlights: "one in-flight RDT creation per (authorization, restricted resource)",
  spApiAgents: "the gateway's keep-alive connections to SP-API, one HTTP and one HTTPS agent (lib/amazon/spapi-passthrough.ts)",
  gatewayBucketLanes: "requests waiting to take their rate-limit slots together, per shared bucket, while its statement runs (lib/gateway/rate-limiter)",
  gatewayBucketReserves: "tokens of fast usage plans taken ahead from the shared bucket, handed out for up to a second (at most 10,000 buckets; lib/gateway/rate-limiter)",
  tokenDeadline: "the deadline of the token request a refresh runs for (async context, lib/tokens/token-deadline.ts)",
  workflowDefinitions: "where the in-process runner finds the workflow definitions (given by the entry point)",
  workflowRunner: "this process's durable workflow runner (its instance id names its claims; the rows are in the database)",
  workflowSchedule: "the workflow poller and the in-process cron timer",
  backgroundWork: "whether the SQS consumer and the cron timer were started",
} as const;

export type ProcessLocalName = keyof typeof PROCESS_LOCAL;

const store = globalThis as typeof globalThis & { __latchkeyProcessLocal?: Map<ProcessLocalName, unknown> };

/**
 * This process's value for `name`, made by `create` the first time. Each name is used by one module, which
 * alone knows the value's type; hold a mutable box (`{ current?: T }`) for a value that is replaced later.
 */
export function processLocal<T>(name: ProcessLocalName, create: () => T): T {
  const values = (store.__latchkeyProcessLocal ??= new Map());
  if (!values.has(name)) values.set(name, create());
  return values.get(name) as T;
}
