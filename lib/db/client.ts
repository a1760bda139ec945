import "server-only";
import { readServerEnv } from "@/lib/env";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { processLocal } from "@/lib/runtime/process-local";
import { openDatabase, type DatabaseHandle } from "./adapter";

interface Connection {
  client: PrismaClient;
  handle: DatabaseHandle;
}

// One connection per process, so dev hot reloads never open the PGlite directory twice.
const holder = processLocal("db", (): { current?: Connection } => ({}));

function connection(): Connection {
  if (!holder.current) {
    const handle = openDatabase(readServerEnv());
    holder.current = { handle, client: new PrismaClient({ adapter: handle.factory }) };
  }
  return holder.current;
}

/**
 * The Prisma client. Opened lazily on first use, so importing this module (at build time, in a test
 * that sets env first) does not touch the database.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = connection().client;
    const value: unknown = Reflect.get(client, property);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

/**
 * One statement straight to the driver, past Prisma's runtime, whose own work per statement shows on
 * the hottest path (the gateway's rate-limit slot, once per SP-API call). Same pool as Prisma; on PGlite
 * the same client, whose queue keeps it out of any Prisma transaction in progress.
 */
export async function rawQuery<Row>(statement: Prisma.Sql): Promise<Row[]> {
  const { rows } = await connection().handle.query(statement.text, statement.values);
  return rows as Row[];
}

export function databaseKind(): DatabaseHandle["kind"] {
  return connection().handle.kind;
}

/** Closes the connection (scripts and tests; PGlite keeps Node alive otherwise). */
export async function closeDb(): Promise<void> {
  const open = holder.current;
  if (!open) return;
  holder.current = undefined;
  await open.client.$disconnect();
  await open.handle.close();
}
