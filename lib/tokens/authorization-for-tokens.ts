import "server-only";
import { LRUCache } from "lru-cache";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { processLocal } from "@/lib/runtime/process-local";

const select = {
  id: true,
  tenantId: true,
  region: true,
  sellingPartnerId: true,
  status: true,
  roles: true,
  refreshTokenCiphertext: true,
  refreshCooldownUntil: true,
  tenant: { select: { quarantinedAt: true, kind: true } },
} as const;

async function query(id: string) {
  return db.authorization.findUnique({ where: { id }, select });
}

export type AuthorizationForTokens = NonNullable<Awaited<ReturnType<typeof query>>>;

/**
 * How stale an authorization's status may be when a token is served from memory. An admin's kill switch
 * or a revocation found by another instance therefore stops every instance within this long.
 */
export const STATUS_MAX_AGE_MS = 1000;

/** Authorizations this process remembers at most; the least recently used go first. */
const REMEMBERED = 10_000;

const memo = processLocal("tokenAuthorizations", () => new LRUCache<string, { at: number; value: AuthorizationForTokens | null }>({ max: REMEMBERED }));
const inflight = processLocal("inflightTokenAuthorizations", () => new Map<string, Promise<AuthorizationForTokens | null>>());

/** One database read per authorization at a time, however many requests need it at once. */
function reload(id: string): Promise<AuthorizationForTokens | null> {
  let running = inflight.get(id);
  if (!running) {
    running = query(id)
      .then((value) => {
        memo.set(id, { at: Date.now(), value });
        return value;
      })
      .finally(() => inflight.delete(id));
    inflight.set(id, running);
  }
  return running;
}

/** The authorization as the token service needs it, re-read from the database at most once a second. */
export async function loadAuthorizationForTokens(id: string): Promise<AuthorizationForTokens> {
  const cached = memo.get(id);
  const value = cached && Date.now() - cached.at < STATUS_MAX_AGE_MS ? cached.value : await reload(id);
  if (!value) throw new AppError("not_found");
  return value;
}

export function forgetAuthorizationForTokens(id: string): void {
  memo.delete(id);
}

/** Refuses, with a stable code, an authorization that cannot serve tokens; nothing is retried. */
export function assertIssuable(authorization: { status: AuthorizationForTokens["status"]; tenant: { quarantinedAt: Date | null } }): void {
  if (authorization.tenant.quarantinedAt) throw new AppError("tenant_quarantined");
  switch (authorization.status) {
    case "ACTIVE":
      return;
    case "PENDING":
      throw new AppError("authorization_pending");
    case "REVOKED":
      throw new AppError("authorization_revoked");
    case "REAUTH_REQUIRED":
      throw new AppError("reauthorization_required");
    case "QUARANTINED":
      throw new AppError("tenant_quarantined");
    case "IDENTITY_CONFLICT":
      // Its token may be another seller's than the id it claims: never served until an admin resolves it.
      throw new AppError("identity_conflict");
  }
}
