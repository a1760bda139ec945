// Per-test-file database for integration tests. Call `setupTestDatabase()` in `beforeAll` BEFORE anything
// reads the env or touches `db`; `teardownTestDatabase()` in `afterAll`.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, db } from "@/lib/db/client";
import { resetServerEnvForTests } from "@/lib/env";
import { evictLedgerCache } from "@/lib/ledger/read-ledger";
import { clearDataKeyCache } from "@/lib/vault";
import { initialLedgerSql } from "./initial-ledger";

let tempDir: string | undefined;

export const usingPostgres = (): boolean => Boolean(process.env.DATABASE_URL);

export async function setupTestDatabase(): Promise<void> {
  if (!usingPostgres()) {
    const template = process.env.TEST_PGLITE_TEMPLATE;
    if (!template) throw new Error("TEST_PGLITE_TEMPLATE is not set: run integration tests through vitest's integration project");
    tempDir = mkdtempSync(path.join(os.tmpdir(), "latchkey-test-db-"));
    cpSync(template, path.join(tempDir, "pglite"), { recursive: true });
    process.env.PGLITE_DATA_DIR = path.join(tempDir, "pglite");
  }
  process.env.VAULT_DEV_KEY_FILE ??= path.join(mkdtempSync(path.join(os.tmpdir(), "latchkey-test-key-")), "master-key");
  resetServerEnvForTests();
  await resetDatabase();
}

/**
 * Empties every application table (the audit log too, by briefly lifting its append-only trigger), then
 * puts back what the migrations seed: the initial roles ledger.
 */
export async function resetDatabase(): Promise<void> {
  clearDataKeyCache();
  const tables = await db.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  );
  if (tables.length === 0) return;
  const list = tables.map((t) => `"${t.tablename}"`).join(", ");
  await db.$transaction([
    db.$executeRawUnsafe(`ALTER TABLE "AuditLog" DISABLE TRIGGER USER`),
    db.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`),
    db.$executeRawUnsafe(`ALTER TABLE "AuditLog" ENABLE TRIGGER USER`),
    db.$executeRawUnsafe(initialLedgerSql()),
  ]);
  evictLedgerCache();
}

export async function teardownTestDatabase(): Promise<void> {
  await closeDb();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
}
