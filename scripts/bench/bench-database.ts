// The bench's own PostgreSQL database, dropped and created fresh each run.
import os from "node:os";
import pg from "pg";

export const DEFAULT_BENCH_DATABASE_URL = "postgresql://127.0.0.1:5432/latchkey_bench";

/** Like libpq (and lib/db/adapter.ts): no user in the URL means the OS account. */
export function withUser(databaseUrl: string): URL {
  const url = new URL(databaseUrl);
  if (!url.username) url.username = os.userInfo().username;
  return url;
}

export class BenchSetupError extends Error {}

/** Drops and recreates the database named in `databaseUrl`, through the server's `postgres` database. */
export async function recreateDatabase(databaseUrl: string): Promise<void> {
  const url = withUser(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new BenchSetupError(`BENCH_DATABASE_URL must name a plain database (letters, digits, _), not "${name}"`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? (error as NodeJS.ErrnoException).code ?? error.message : String(error);
    throw new BenchSetupError(`PostgreSQL is not reachable at ${url.hostname}:${url.port || "5432"} (${reason}); start it or set BENCH_DATABASE_URL`);
  }
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** A small pool of the bench's own, for bulk seeding SQL that Prisma would do row by row. */
export function openSeedPool(databaseUrl: string): pg.Pool {
  return new pg.Pool({ connectionString: withUser(databaseUrl).toString(), max: 4 });
}

/**
 * Transactions committed in the bench database by every process (pg_stat_database). Each statement
 * outside an explicit transaction is one, so the delta approximates the servers' SQL statements.
 * Backends report these at most once a second, so let them settle first.
 */
export async function committedTransactions(pool: pg.Pool, databaseUrl: string): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const { rows } = await pool.query<{ n: string }>(`SELECT (xact_commit + xact_rollback)::text AS n FROM pg_stat_database WHERE datname = $1`, [name]);
  return Number(rows[0]?.n ?? 0);
}
