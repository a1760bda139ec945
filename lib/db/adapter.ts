// Chooses the database: real PostgreSQL when DATABASE_URL is set, embedded PGlite (a data directory on
// disk, or `memory://`) otherwise. Both speak to Prisma through a driver adapter with the same schema.
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { ConfigError, type ServerEnv } from "../env";

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

/**
 * PGlite has no cross-process lock and two processes on one directory corrupt it (TOOLCHAIN.md), so
 * claim the directory with a pid file and refuse, with a clear message, when a live process holds it.
 */
function lockDataDir(dir: string): () => void {
  const absolute = path.resolve(dir);
  mkdirSync(absolute, { recursive: true });
  const lockFile = path.join(absolute, "latchkey.pid");
  if (existsSync(lockFile)) {
    const holder = Number(readFileSync(lockFile, "utf8").trim());
    if (holder && holder !== process.pid && processIsAlive(holder)) {
      throw new ConfigError(
        `Invalid configuration: the embedded database in ${dir} is in use by process ${holder}; stop it first (PGlite allows one process per data directory), or set DATABASE_URL to use PostgreSQL`,
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => {
    try {
      if (readFileSync(lockFile, "utf8").trim() === String(process.pid)) unlinkSync(lockFile);
    } catch {
      // already gone
    }
  };
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
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
  const releaseLock = dir.startsWith("memory://") ? () => {} : lockDataDir(dir);
  const client = new PGlite(dir);
  return {
    kind: "pglite",
    factory: new PrismaPGlite(client),
    query: async (sql, params) => client.query<Record<string, unknown>>(sql, params as unknown[]),
    close: async () => {
      await client.close();
      releaseLock();
    },
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
