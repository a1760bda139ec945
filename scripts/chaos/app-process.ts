// One Latchkey app process of the chaos suite (scripts/chaos/run.ts starts it): the app's own modules on the
// suite's database, sandbox and fake Resend, loaded with plain tsx as the server loads them. Usage:
//   tsx scripts/chaos/app-process.ts <scenario> <setup|drive|recover> [state-json]
// `drive` runs with LATCHKEY_FAULT_POINT set and is expected to die by SIGKILL at the point; `recover` boots as
// a restarted server does (its workflow runner picks up what the crash left), repeats the user's action where
// one would, and prints what it observes as one JSON line.
import { stubServerOnly } from "../../tests/support/server-only-outside-next";

stubServerOnly();

const [scenario, phase, stateJson] = process.argv.slice(2);
const state = (stateJson ? JSON.parse(stateJson) : {}) as Record<string, string>;
const SANDBOX_URL = process.env.SANDBOX_URL!;

async function sandboxControl<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${SANDBOX_URL}/_sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${method} ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** As a restarted server does: definitions provided, orphaned rows released (PGlite), due rows run. */
async function bootRunner(): Promise<void> {
  const runner = await import("@/lib/workflows/in-process-runner");
  const { databaseKind } = await import("@/lib/db/client");
  const { db } = await import("@/lib/db/client");
  const instance = runner.workflowRunner();
  if (databaseKind() === "pglite") await instance.releaseOrphans();
  // On PostgreSQL a crashed holder's lease (30 s) must run out first; another instance may take rows too.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    await instance.drain();
    const open = await db.workflowJob.count({ where: { status: { in: ["PENDING", "RUNNING"] }, runAt: { lte: new Date() } } });
    if (open === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function seedTenantWithAuthorization(label: string) {
  const { db } = await import("@/lib/db/client");
  const n = Math.random().toString(36).slice(2, 8);
  const tenant = await db.tenant.create({ data: { name: `${label} ${n}`, kind: "SELLER", contactEmail: `${label}-${n}@chaos.test`, marketplaceIds: ["ATVPDKIKX0DER"] } });
  const authorization = await db.authorization.create({
    data: {
      tenantId: tenant.id,
      region: "NA",
      authType: "WEBSITE",
      status: "ACTIVE",
      sellingPartnerId: `A2CHAOS${n.toUpperCase()}`,
      refreshTokenCiphertext: "lk1.chaos.not-a-real-envelope",
      refreshTokenFingerprint: `fp-${n}`,
      authorizedAt: new Date(),
      renewalDueAt: new Date(Date.now() + 365 * 86_400_000),
      lastUsedAt: new Date(),
    },
  });
  return { tenantId: tenant.id, authorizationId: authorization.id, contactEmail: tenant.contactEmail };
}

async function quarantine(authorizationId: string) {
  const { quarantineAuthorization } = await import("@/lib/authorizations/quarantine-authorization");
  const { db } = await import("@/lib/db/client");
  const admin = await db.user.upsert({ where: { email: "chaos-admin@chaos.test" }, create: { email: "chaos-admin@chaos.test", role: "ADMIN" }, update: {} });
  await quarantineAuthorization(authorizationId, { userId: admin.id, requestId: null } as never);
}

/** What the admins and the partner see of a quarantine workflow's outcome. */
async function observeQuarantine() {
  const { db } = await import("@/lib/db/client");
  const runs = await db.workflowJob.findMany({ where: { functionId: "notify-authorization-quarantined", eventData: { path: ["authorizationId"], equals: state.authorizationId } } });
  const emails = await db.emailOutbox.findMany({ where: { to: state.contactEmail } });
  const { getAuthzHealth } = await import("@/lib/health/get-authz-health");
  const health = (await getAuthzHealth({ authorizationId: state.authorizationId, include: "all" })).authorizations[0];
  return {
    functionRuns: runs.length,
    succeeded: runs.filter((r) => r.status === "SUCCEEDED").length,
    unfinished: await db.workflowJob.count({ where: { status: { in: ["PENDING", "RUNNING"] } } }),
    emailRows: emails.map((e) => e.status),
    status: (await db.authorization.findUniqueOrThrow({ where: { id: state.authorizationId } })).status,
    explained: JSON.stringify(health ?? {}).includes("paused"),
  };
}

async function connectThroughSandbox(options: { complete: boolean }): Promise<{ userId: string; tenantId: string; sellingPartnerId: string; params: string; authorizationId?: string }> {
  const { db } = await import("@/lib/db/client");
  const { registerTenant } = await import("@/lib/tenants/register-tenant");
  const { startWebsiteAuthorization } = await import("@/lib/oauth/start-website-authorization");
  const { answerConsent, callbackParams } = await import("../../tests/support/sandbox-session");
  const n = Math.random().toString(36).slice(2, 8);
  const sellingPartnerId = state.sellingPartnerId ?? `A2CHAOS${n.toUpperCase()}`;
  if (!state.sellingPartnerId) await sandboxControl("POST", "/accounts", { sellingPartnerId, name: `Chaos ${n}`, type: "seller", region: "NA", marketplaces: ["ATVPDKIKX0DER"] });
  const user = state.userId ? { id: state.userId } : await db.user.create({ data: { email: `chaos-${n}@chaos.test` } });
  const tenantId = state.tenantId ?? (await registerTenant(user.id, { name: `Chaos Co ${n}`, kind: "SELLER", contactEmail: `chaos-${n}@chaos.test`, marketplaceIds: ["ATVPDKIKX0DER"] })).id;
  const started = await startWebsiteAuthorization({ userId: user.id, tenantId, marketplaceId: "ATVPDKIKX0DER", bindingCookie: "browser" });
  const params = callbackParams(await answerConsent(started.consentUrl, { action: "confirm", sellingPartnerId }));
  const result = { userId: user.id, tenantId, sellingPartnerId, params: JSON.stringify(params) };
  if (!options.complete) return result;
  const { completeAuthorization } = await import("@/lib/oauth/complete-authorization");
  const outcome = await completeAuthorization(params, "browser", user.id);
  if (!outcome.ok) throw new Error(`connect failed: ${outcome.failure}`);
  return { ...result, authorizationId: outcome.authorizationId! };
}

async function storedRefreshToken(authorizationId: string): Promise<string | null> {
  const { db } = await import("@/lib/db/client");
  const { readRefreshToken } = await import("@/lib/authorizations/read-refresh-token");
  const authorization = await db.authorization.findUniqueOrThrow({ where: { id: authorizationId } });
  if (!authorization.refreshTokenCiphertext) return null;
  return readRefreshToken(authorization).catch(() => null);
}

/**
 * After a crash mid-send: the workflows recover as at boot, then the email-retries cron's work (every minute in
 * both modes) once the dead sender's lease on the row has run out. The same idempotency key goes to Resend,
 * so an email Resend already accepted is not sent twice.
 */
async function recoverEmails(): Promise<void> {
  await bootRunner();
  const { db } = await import("@/lib/db/client");
  const { retryDueEmails } = await import("@/lib/email/retry-due-emails");
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const leased = await db.emailOutbox.findMany({ where: { status: "QUEUED" }, select: { nextAttemptAt: true } });
    if (leased.length === 0) return;
    const due = Math.max(...leased.map((row) => row.nextAttemptAt?.getTime() ?? 0));
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, Math.min(due - Date.now() + 250, deadline - Date.now())));
    await retryDueEmails({ now: new Date() });
  }
}

const scenarios: Record<string, Record<string, () => Promise<unknown>>> = {
  "workflow-mid-step": {
    setup: () => seedTenantWithAuthorization("wf"),
    drive: () => quarantine(state.authorizationId!),
    // Two of these run at once on PostgreSQL (two instances); then `observe`.
    recover: bootRunner,
    observe: observeQuarantine,
  },
  "email-mid-send": {
    setup: () => seedTenantWithAuthorization("mail"),
    drive: () => quarantine(state.authorizationId!),
    recover: recoverEmails,
    observe: observeQuarantine,
  },
  "lwa-answer-before-db-write": {
    setup: async () => {
      const { bootstrapAppClient } = await import("@/lib/app-client/bootstrap-app-client");
      const { SANDBOX_APP } = await import("../../tests/support/sandbox-session");
      await bootstrapAppClient(SANDBOX_APP);
      const connected = await connectThroughSandbox({ complete: true });
      return { authorizationId: connected.authorizationId, refreshToken: (await storedRefreshToken(connected.authorizationId!)) ?? "" };
    },
    drive: async () => {
      const { forgetAllMemoryTokens } = await import("@/lib/token-cache/token-cache");
      const { db } = await import("@/lib/db/client");
      forgetAllMemoryTokens();
      await db.accessTokenCache.deleteMany({ where: { authorizationId: state.authorizationId } });
      const { getAccessToken } = await import("@/lib/tokens/get-access-token");
      await getAccessToken(state.authorizationId!);
    },
    recover: async () => {
      const { db } = await import("@/lib/db/client");
      const kept = await storedRefreshToken(state.authorizationId!);
      const { getAccessToken } = await import("@/lib/tokens/get-access-token");
      const served = await getAccessToken(state.authorizationId!).then(
        (token) => token.accessToken.length > 0,
        () => false,
      );
      const authorization = await db.authorization.findUniqueOrThrow({ where: { id: state.authorizationId } });
      return { refreshTokenKept: kept === state.refreshToken, tokenServed: served, status: authorization.status, consecutiveFailures: authorization.consecutiveFailures };
    },
  },
  "callback-mid-way": {
    setup: async () => {
      const { bootstrapAppClient } = await import("@/lib/app-client/bootstrap-app-client");
      const { SANDBOX_APP } = await import("../../tests/support/sandbox-session");
      await bootstrapAppClient(SANDBOX_APP);
      return connectThroughSandbox({ complete: false });
    },
    drive: async () => {
      const { completeAuthorization } = await import("@/lib/oauth/complete-authorization");
      return completeAuthorization(JSON.parse(state.params!), "browser", state.userId);
    },
    recover: async () => {
      const { db } = await import("@/lib/db/client");
      const { unfinishedAttemptAt } = await import("@/lib/authorizations/status-details");
      const before = await db.authorization.findFirst({ where: { tenantId: state.tenantId }, include: { oauthStates: { select: { consumedAt: true } } } });
      const shownUnfinished = before ? unfinishedAttemptAt(before, new Date(Date.now() + 10 * 60_000)) !== null : false;
      // The partner starts again, as the /connect page offers.
      const again = await connectThroughSandbox({ complete: true }).then(
        (r) => r.authorizationId,
        () => null,
      );
      const after = again ? await db.authorization.findUniqueOrThrow({ where: { id: again } }) : null;
      return { statusAfterCrash: before?.status ?? "none", shownUnfinished, reconnected: after?.status === "ACTIVE", refreshTokenStored: again ? (await storedRefreshToken(again)) !== null : false };
    },
  },
  "secret-stored-before-sqs-delete": {
    setup: async () => {
      const { bootstrapAppClient } = await import("@/lib/app-client/bootstrap-app-client");
      const { SANDBOX_APP } = await import("../../tests/support/sandbox-session");
      await bootstrapAppClient(SANDBOX_APP);
      const rotated = await sandboxControl<{ newClientSecret: string }>("POST", "/client-secret/rotate");
      return { newSecret: rotated.newClientSecret };
    },
    drive: async () => {
      const { pollOnce } = await import("@/lib/app-client/notifications/sqs-consumer");
      await pollOnce({ waitTimeSeconds: 1, visibilityTimeoutSeconds: 5 });
    },
    recover: async () => {
      const { db } = await import("@/lib/db/client");
      const { pollOnce } = await import("@/lib/app-client/notifications/sqs-consumer");
      const { fingerprint } = await import("@/lib/vault");
      // The message comes back once its visibility timeout (5 s, on the sandbox clock) has passed.
      await sandboxControl("POST", "/clock", { advanceMs: 6_000 });
      const redelivered = await pollOnce({ waitTimeSeconds: 1, visibilityTimeoutSeconds: 5 });
      const queue = await sandboxControl<{ messages: unknown[] }>("GET", "/sqs/queue");
      const stored = await db.appClientSecret.findMany({ select: { state: true, fingerprint: true } });
      const current = stored.filter((s) => s.state === "CURRENT");
      return {
        newSecretCurrent: current.length === 1 && current[0]!.fingerprint === fingerprint(state.newSecret!),
        secretRows: stored.length,
        redelivered: redelivered.messages.map((m) => m.outcome),
        queueEmpty: queue.messages.length === 0,
      };
    },
  },
};

// As the server's entry point does (instrumentation.ts): events run their functions right after commit.
const { provideWorkflowDefinitions } = await import("@/lib/workflows/in-process-runner");
provideWorkflowDefinitions(async () => (await import("@/inngest/functions")).workflowDefinitions());

const run = scenarios[scenario ?? ""]?.[phase ?? ""];
if (!run) {
  console.error(`unknown scenario or phase: ${scenario} ${phase}`);
  process.exit(2);
}
const result = await run();
const { closeDb } = await import("@/lib/db/client");
await closeDb();
process.stdout.write(`CHAOS-RESULT ${JSON.stringify(result ?? {})}\n`);
process.exit(0);
