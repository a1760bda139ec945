// Chooses the database: real PostgreSQL when DATABASE_URL is set, embedded PGlite (a data directory on
// disk, or `memory://`) otherwise. Both speak to Prisma through a driver adapter with the same schema.
import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { ServerEnv } from "../env";

export type DatabaseKind = "postgresql" | "pglite";

export interface DatabaseHandle {
  kind: DatabaseKind;
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** The raw driver, for the few things Prisma cannot express (advisory locks, table scans in tests). */
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
}

/**
 * PrismaPg runs a migration script by splitting it on ";", which breaks dollar-quoted function bodies
 * (our audit-log trigger). Send the script whole, as one simple query, as Prisma's native engine does.
 */
class WholeScriptPrismaPg extends PrismaPg {
  constructor(private readonly pool: pg.Pool) {
    super(pool);
  }

  override async connect() {
    const adapter = await super.connect();
    adapter.executeScript = async (script: string) => {
      await this.pool.query(script);
    };
    return adapter;
  }
}

type DbEnv = Pick<ServerEnv, "DATABASE_URL" | "PGLITE_DATA_DIR">;

export function describeDatabase(env: DbEnv): string {
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    return `PostgreSQL at ${url.hostname}:${url.port || "5432"}${url.pathname}`;
  }
  return `embedded PGlite in ${env.PGLITE_DATA_DIR}`;
}

export function openDatabase(env: DbEnv): DatabaseHandle {
  if (env.DATABASE_URL) {
    // Like libpq, fall back to the OS account name when the URL names no user (pg reads only $USER).
    const url = new URL(env.DATABASE_URL);
    if (!url.username) url.username = os.userInfo().username;
    const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
    return {
      kind: "postgresql",
      factory: new WholeScriptPrismaPg(pool),
      query: async (sql, params) => pool.query(sql, params as unknown[]),
      close: () => pool.end(),
    };
  }
  const dir = env.PGLITE_DATA_DIR;
  if (!dir.startsWith("memory://")) mkdirSync(path.resolve(dir), { recursive: true });
  const client = new PGlite(dir);
  return {
    kind: "pglite",
    factory: new PrismaPGlite(client),
    query: async (sql, params) => client.query<Record<string, unknown>>(sql, params as unknown[]),
    close: () => client.close(),
  };
}

/** Opens a database for the length of one job (a script, a migration) and always closes it. */
export async function withAdapterFactory<T>(env: DbEnv, job: (factory: SqlMigrationAwareDriverAdapterFactory, handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = openDatabase(env);
  try {
    return await job(handle.factory, handle);
  } finally {
    await handle.close();
  }
}
