// A running Latchkey for the Python client's integration tests (clients/python/tests/conftest.py spawns it):
// the Amazon sandbox and Latchkey's /api/v1 route handlers over HTTP on free ports, a fresh migrated PGlite
// in a temp dir, one connected sandbox seller and two API keys (one unlimited, one limited to another tenant).
// Writes JSON with the URLs, keys and ids to <out-file> (atomically, once everything is up; logs go to
// stdout), then serves until stdin closes or SIGTERM/SIGINT.
//   tsx scripts/python-client-fixture.ts <out-file>
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { stubServerOnly } from "../tests/support/server-only-outside-next";
import os from "node:os";
import path from "node:path";

const outFile = process.argv[2];
if (!outFile) throw new Error("usage: tsx scripts/python-client-fixture.ts <out-file>");

stubServerOnly();

const tempDir = mkdtempSync(path.join(os.tmpdir(), "latchkey-python-fixture-"));
const pgliteDir = path.join(tempDir, "pglite");
// As in the integration tests: embedded database, in-process workflows, the test environment.
for (const name of ["DATABASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY", "INNGEST_BASE_URL", "INNGEST_DEV"]) delete process.env[name];
Object.assign(process.env, {
  NODE_ENV: "test",
  PGLITE_DATA_DIR: pgliteDir,
  VAULT_DEV_KEY_FILE: path.join(tempDir, "master-key"),
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
});

// Imported after the env is set: the app reads it on first use.
const { startSandboxForApp, SANDBOX_APP, sandboxControl } = await import("../tests/support/sandbox-session");
const { connectSeller } = await import("../tests/support/connect-seller");
const { startRouteServer } = await import("../tests/integration/worker-client/route-server");
const { migrateDatabase } = await import("../lib/db/migrate");
const { closeDb, db } = await import("../lib/db/client");
const { bootstrapAppClient } = await import("../lib/app-client/bootstrap-app-client");
const { createApiKey } = await import("../lib/api-keys/manage-api-keys");
const { signNotificationBody } = await import("../lib/app-client/notifications/ingest-signed-notification");

const sandbox = await startSandboxForApp();
await sandboxControl(sandbox, "POST", "/config", { rateLimits: false });
await migrateDatabase({ DATABASE_URL: undefined, PGLITE_DATA_DIR: pgliteDir });
await bootstrapAppClient(SANDBOX_APP);
const admin = await db.user.create({ data: { email: "python-client-admin@example.test", role: "ADMIN" } });
const seller = await connectSeller(sandbox, { label: "Python" });
const other = await connectSeller(sandbox, { label: "Outsider" });
const { apiKey } = await createApiKey({ name: "python-client" }, admin.id);
const { apiKey: limitedApiKey } = await createApiKey({ name: "python-client-other-tenant", tenantIds: [other.tenantId] }, admin.id);
const latchkey = await startRouteServer();

const webhookSecret = "python-fixture-webhook-secret-0123456789";
const webhookBody = JSON.stringify({ type: "alert.fired", sentAt: new Date().toISOString(), alert: { id: "fixture", title: "Signed by Latchkey ✓" } });
const signedAt = Math.floor(Date.now() / 1000);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await latchkey.close().catch(() => undefined);
  await closeDb().catch(() => undefined);
  await sandbox.close().catch(() => undefined);
  rmSync(tempDir, { recursive: true, force: true });
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
process.stdin.on("end", () => void stop());
process.stdin.on("close", () => void stop());
process.stdin.resume();

const stack = {
  latchkeyUrl: latchkey.url,
  apiKey,
  limitedApiKey,
  authorizationId: seller.authorizationId,
  tenantId: seller.tenantId,
  otherTenantId: other.tenantId,
  sellingPartnerId: seller.sellingPartnerId,
  sandboxUrl: sandbox.url,
  spapiEndpoints: { NA: `${sandbox.url}/spapi/na`, EU: `${sandbox.url}/spapi/eu`, FE: `${sandbox.url}/spapi/fe` },
  // A body signed by Latchkey's own signing code, for the client's verifier.
  signedWebhook: { payload: webhookBody, header: signNotificationBody(webhookSecret, webhookBody, signedAt), secret: webhookSecret },
};
writeFileSync(`${outFile}.partial`, JSON.stringify(stack));
renameSync(`${outFile}.partial`, outFile);
console.log(`python client fixture: Latchkey at ${latchkey.url}, sandbox at ${sandbox.url}`);
