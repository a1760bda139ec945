import type { ServerEnv } from "../env";
import { withAdapterFactory } from "./adapter";
import { deployMigrations } from "./schema-engine";

/** Applies pending migrations to the configured database (PGlite or PostgreSQL). */
export function migrateDatabase(env: Pick<ServerEnv, "DATABASE_URL" | "PGLITE_DATA_DIR">): Promise<string[]> {
  return withAdapterFactory(env, (factory) => deployMigrations(factory));
}
