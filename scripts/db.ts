// Database migrations without the native Prisma CLI engine: `deploy`, `status`, `diff <name>`.
// Same migrations folder and `_prisma_migrations` table as `prisma migrate`, so both tools agree.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createMigration, migrationStatus } from "../lib/db/schema-engine";
import { migrateDatabase } from "../lib/db/migrate";
import { describeDatabase } from "../lib/db/adapter";
import { readServerEnv } from "../lib/env";

async function main(): Promise<void> {
  const [command = "deploy", name] = process.argv.slice(2);
  if (command === "diff") {
    // Diffs run against a throwaway in-memory PGlite (it provides the shadow database too).
    if (!name) throw new Error("usage: npm run db:diff -- <migration_name>");
    const pg = new PGlite();
    try {
      const created = await createMigration(new PrismaPGlite(pg), name);
      console.log(created ? `Created prisma/migrations/${created}/migration.sql` : "No schema changes: no migration created.");
    } finally {
      await pg.close();
    }
    return;
  }
  const env = readServerEnv();
  if (command === "deploy") {
    const applied = await migrateDatabase(env);
    console.log(`${describeDatabase(env)}: ${applied.length ? `applied ${applied.join(", ")}` : "already up to date"}`);
    return;
  }
  if (command === "status") {
    const { withAdapterFactory } = await import("../lib/db/adapter");
    await withAdapterFactory(env, async (factory) => {
      const status = await migrationStatus(factory);
      console.log(JSON.stringify(status, null, 2));
    });
    return;
  }
  throw new Error(`unknown command "${command}" (deploy | status | diff <name>)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
