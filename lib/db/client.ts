import "server-only";
import { readServerEnv } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openDatabase, type DatabaseHandle } from "./adapter";

interface Connection {
  client: PrismaClient;
  handle: DatabaseHandle;
}

// One connection per process, kept on globalThis so dev hot reloads never open the PGlite directory twice.
const holder = globalThis as typeof globalThis & { __latchkeyDb?: Connection };

function connection(): Connection {
  if (!holder.__latchkeyDb) {
    const handle = openDatabase(readServerEnv());
    holder.__latchkeyDb = { handle, client: new PrismaClient({ adapter: handle.factory }) };
  }
  return holder.__latchkeyDb;
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

export function databaseKind(): DatabaseHandle["kind"] {
  return connection().handle.kind;
}

/** Closes the connection (scripts and tests; PGlite keeps Node alive otherwise). */
export async function closeDb(): Promise<void> {
  const open = holder.__latchkeyDb;
  if (!open) return;
  holder.__latchkeyDb = undefined;
  await open.client.$disconnect();
  await open.handle.close();
}
