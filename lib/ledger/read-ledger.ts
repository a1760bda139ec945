import "server-only";
// The one read path of the roles ledger: the consent pages, preflight, the gateway, health checks, alerts,
// the admin detail page and the connection flows all read it here. The gateway reads it on every request,
// so a snapshot is kept in memory for a few seconds (one database read at a time refreshes it); approving a
// change evicts it in the approving instance at once, other instances see it within LEDGER_CACHE_MS.
import { db } from "@/lib/db/client";
import { processLocal } from "@/lib/runtime/process-local";
import { buildLedger, type Ledger } from "./ledger";

export const LEDGER_CACHE_MS = 5_000;

interface LedgerCache {
  current?: { ledger: Ledger; loadedAt: number };
  loading?: Promise<Ledger>;
  /** Bumped by every eviction: a read that started before it does not fill the cache. */
  generation: number;
}

const cache = () => processLocal<LedgerCache>("ledger", () => ({ generation: 0 }));

async function loadLedger(): Promise<Ledger> {
  const rows = await db.ledgerEntry.findMany({
    select: { id: true, api: true, operationId: true, roles: true, partnerKinds: true, reason: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return buildLedger(rows);
}

/** The roles ledger as the database holds it (at most LEDGER_CACHE_MS old). */
export function readLedger(now = Date.now()): Promise<Ledger> {
  const state = cache();
  if (state.current && now - state.current.loadedAt < LEDGER_CACHE_MS) return Promise.resolve(state.current.ledger);
  if (state.loading) return state.loading;
  const generation = state.generation;
  const loading = loadLedger()
    .then((ledger) => {
      if (state.generation === generation) state.current = { ledger, loadedAt: Date.now() };
      return ledger;
    })
    .finally(() => {
      if (state.loading === loading) state.loading = undefined;
    });
  state.loading = loading;
  return loading;
}

/** Forgets the snapshot: the next read comes from the database (after an approved change; tests' resets). */
export function evictLedgerCache(): void {
  const state = cache();
  state.generation += 1;
  state.current = undefined;
  state.loading = undefined;
}
