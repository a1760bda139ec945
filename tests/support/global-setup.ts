// Vitest global setup for the integration project: prepares one migrated database per run.
// - DATABASE_URL set: migrate that PostgreSQL database once (test files run one at a time and reset it).
// - otherwise: build a migrated PGlite template directory once (cached by the migrations' hash); each
//   test file copies it into its own temp dir, so files are isolated and never migrate again.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../../lib/db/migrate";

function migrationsHash(): string {
  const dir = path.resolve("prisma/migrations");
  const hash = createHash("sha256");
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name, "migration.sql");
    if (existsSync(file)) hash.update(name).update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

export default async function setup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    await migrateDatabase({ DATABASE_URL: process.env.DATABASE_URL, PGLITE_DATA_DIR: "" });
    return;
  }
  const template = path.resolve(".data", `test-template-${migrationsHash()}`);
  if (!existsSync(template)) {
    const building = `${template}.building-${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    await migrateDatabase({ DATABASE_URL: undefined, PGLITE_DATA_DIR: building });
    renameSync(building, template);
  }
  process.env.TEST_PGLITE_TEMPLATE = template;
}
