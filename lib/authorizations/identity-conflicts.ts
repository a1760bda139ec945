import "server-only";
// Identity conflicts: a consent that claims a (region, selling partner id) another tenant already holds, or a
// reauthorization whose account fingerprint differs from the stored one. The claim is stored in
// IDENTITY_CONFLICT (no tokens served) and the holder keeps working, so a tampered redirect never locks the
// real owner out; an admin compares both fingerprints and keeps one.
import { db } from "@/lib/db/client";
import type { IdentityConflictKind, Prisma, Region } from "@/lib/generated/prisma/client";
import { readAccountFingerprint, type AccountFingerprint } from "./account-fingerprint";

/** Statuses in which an authorization holds its account: connected, or itself a claim under review. */
const HOLDING = ["ACTIVE", "REAUTH_REQUIRED", "QUARANTINED", "IDENTITY_CONFLICT"] as const;

export interface AccountHolder {
  id: string;
  tenantId: string;
  accountFingerprint: AccountFingerprint | null;
}

/** Another tenant's authorization holding this (region, selling partner id), the oldest first. */
export async function findAccountHolder(region: Region, sellingPartnerId: string, exceptTenantId: string): Promise<AccountHolder | null> {
  const holder = await db.authorization.findFirst({
    where: { region, sellingPartnerId, status: { in: [...HOLDING] }, tenantId: { not: exceptTenantId } },
    orderBy: { createdAt: "asc" },
    select: { id: true, tenantId: true, accountFingerprint: true },
  });
  return holder && { id: holder.id, tenantId: holder.tenantId, accountFingerprint: readAccountFingerprint(holder.accountFingerprint) };
}

export interface NewIdentityConflict {
  kind: IdentityConflictKind;
  authorizationId: string;
  heldById: string | null;
  region: Region;
  sellingPartnerId: string;
  claimedFingerprint: AccountFingerprint | null;
  heldFingerprint: AccountFingerprint | null;
}

const asJson = (fingerprint: AccountFingerprint | null) => (fingerprint ?? undefined) as Prisma.InputJsonValue | undefined;

/** Opens the conflict record (in the transaction that holds the claim); an open one of the claim is replaced. */
export async function openIdentityConflict(tx: Prisma.TransactionClient, conflict: NewIdentityConflict, at: Date): Promise<void> {
  await tx.identityConflict.updateMany({ where: { authorizationId: conflict.authorizationId, resolvedAt: null }, data: { resolvedAt: at, resolution: "superseded" } });
  await tx.identityConflict.create({ data: { ...conflict, claimedFingerprint: asJson(conflict.claimedFingerprint), heldFingerprint: asJson(conflict.heldFingerprint), createdAt: at } });
}

export interface IdentityConflictView {
  id: string;
  kind: IdentityConflictKind;
  createdAt: Date;
  region: Region;
  sellingPartnerId: string;
  claim: { authorizationId: string; tenantId: string; tenantName: string; fingerprint: AccountFingerprint | null };
  /** null: a reauthorization whose account changed (the held fingerprint is the one stored before). */
  holder: { authorizationId: string; tenantId: string; tenantName: string } | null;
  heldFingerprint: AccountFingerprint | null;
}

const include = {
  authorization: { select: { id: true, tenantId: true, tenant: { select: { name: true } } } },
  heldBy: { select: { id: true, tenantId: true, tenant: { select: { name: true } } } },
} as const;

/**
 * Open conflicts in which any of these authorizations is the claim or the holder. A claim that left review
 * another way (the partner disconnected it) no longer conflicts with anything.
 */
export async function listOpenIdentityConflicts(filter: { authorizationIds?: string[]; conflictId?: string } = {}): Promise<IdentityConflictView[]> {
  const where: Prisma.IdentityConflictWhereInput = { resolvedAt: null, authorization: { status: "IDENTITY_CONFLICT" } };
  if (filter.conflictId) where.id = filter.conflictId;
  if (filter.authorizationIds) where.OR = [{ authorizationId: { in: filter.authorizationIds } }, { heldById: { in: filter.authorizationIds } }];
  const rows = await db.identityConflict.findMany({ where, include, orderBy: { createdAt: "asc" } });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    createdAt: row.createdAt,
    region: row.region,
    sellingPartnerId: row.sellingPartnerId,
    claim: { authorizationId: row.authorization.id, tenantId: row.authorization.tenantId, tenantName: row.authorization.tenant.name, fingerprint: readAccountFingerprint(row.claimedFingerprint) },
    holder: row.heldBy && { authorizationId: row.heldBy.id, tenantId: row.heldBy.tenantId, tenantName: row.heldBy.tenant.name },
    heldFingerprint: readAccountFingerprint(row.heldFingerprint),
  }));
}

/** The plain-words line an admin row shows for a conflict, seen from one of its two authorizations. */
export function describeIdentityConflict(conflict: IdentityConflictView, fromAuthorizationId: string): string {
  if (!conflict.holder) return `Identity conflict: this reauthorization reads a different Amazon account than the one connected before (${conflict.sellingPartnerId}). Tokens are held until an admin resolves it.`;
  if (conflict.holder.authorizationId === fromAuthorizationId) {
    return `Identity conflict: ${conflict.claim.tenantName} also claims ${conflict.sellingPartnerId}. This connection keeps working; theirs is held until an admin resolves it.`;
  }
  return `Identity conflict: ${conflict.sellingPartnerId} is already connected to ${conflict.holder.tenantName}. This connection is held (no tokens) until an admin resolves it.`;
}
