import "server-only";
// The second half of the two-person review: another admin approves a pending ledger change (and it is
// applied to the ledger in the same transaction as the decision and its audit entry) or rejects it. The
// proposer may withdraw (reject) their own proposal but never approve it. A proposal is decided once.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import type { DecideLedgerProposalInput } from "./ledger-change-input";
import type { LedgerAdmin } from "./propose-ledger-change";
import { evictLedgerCache } from "./read-ledger";

export interface LedgerDecision {
  proposalId: string;
  status: "APPROVED" | "REJECTED";
}

type Tx = Prisma.TransactionClient;
type Proposal = NonNullable<Awaited<ReturnType<typeof db.ledgerProposal.findUnique>>>;

async function applyToLedger(tx: Tx, proposal: Proposal, admin: LedgerAdmin, at: Date): Promise<void> {
  const where = { api_operationId: { api: proposal.api, operationId: proposal.operationId } };
  const approval = { proposedById: proposal.proposedById, proposedByEmail: proposal.proposedByEmail, approvedById: admin.userId, approvedByEmail: admin.email, approvedAt: at };
  if (proposal.kind === "REMOVE") {
    const removed = await tx.ledgerEntry.deleteMany({ where: { api: proposal.api, operationId: proposal.operationId } });
    if (removed.count === 0) throw new AppError("conflict", `${proposal.operationId} is no longer in the roles ledger.`);
    return;
  }
  const fields = { roles: proposal.roles, partnerKinds: proposal.partnerKinds, reason: proposal.reason ?? "" };
  if (proposal.kind === "ADD") {
    if (await tx.ledgerEntry.findUnique({ where })) throw new AppError("conflict", `${proposal.operationId} is already in the roles ledger.`);
    await tx.ledgerEntry.create({ data: { api: proposal.api, operationId: proposal.operationId, ...fields, ...approval } });
    return;
  }
  const changed = await tx.ledgerEntry.updateMany({ where: { api: proposal.api, operationId: proposal.operationId }, data: { ...fields, ...approval } });
  if (changed.count === 0) throw new AppError("conflict", `${proposal.operationId} is no longer in the roles ledger.`);
}

export async function decideLedgerProposal(input: DecideLedgerProposalInput, admin: LedgerAdmin): Promise<LedgerDecision> {
  const at = new Date();
  const status = input.decision === "approve" ? "APPROVED" : "REJECTED";
  const decision = await db.$transaction(async (tx) => {
    const proposal = await tx.ledgerProposal.findUnique({ where: { id: input.proposalId } });
    if (!proposal) throw new AppError("not_found");
    if (proposal.status !== "PENDING") throw new AppError("ledger_proposal_decided");
    if (status === "APPROVED" && proposal.proposedById === admin.userId) throw new AppError("ledger_self_approval");
    // Claimed once: of two admins deciding at the same time, one wins and the other is told it was decided.
    const claimed = await tx.ledgerProposal.updateMany({
      where: { id: proposal.id, status: "PENDING" },
      data: { status, pendingKey: null, decidedById: admin.userId, decidedByEmail: admin.email, decidedAt: at, decisionNote: input.note ?? null },
    });
    if (claimed.count === 0) throw new AppError("ledger_proposal_decided");
    if (status === "APPROVED") await applyToLedger(tx, proposal, admin, at);
    await recordAuditEvent(
      {
        action: status === "APPROVED" ? "ledger.change_approved" : "ledger.change_rejected",
        actorType: "ADMIN",
        actorId: admin.userId,
        requestId: admin.requestId ?? null,
        details: {
          proposalId: proposal.id,
          kind: proposal.kind,
          api: proposal.api,
          operation: proposal.operationId,
          proposedBy: proposal.proposedById,
          byProposer: proposal.proposedById === admin.userId,
          note: input.note ?? null,
          ...(proposal.kind === "REMOVE" ? {} : { roles: proposal.roles, partnerKinds: proposal.partnerKinds, reason: proposal.reason }),
        },
      },
      tx,
    );
    return { proposalId: proposal.id, status } satisfies LedgerDecision;
  });
  if (decision.status === "APPROVED") {
    evictLedgerCache();
    logger.info({ proposalId: decision.proposalId, approvedBy: admin.userId }, "roles ledger changed");
  }
  return decision;
}
