import "server-only";
// An admin proposes a change to the roles ledger. Nothing changes until a second admin approves it
// (decide-ledger-proposal.ts); the proposal is audited. One change per operation waits at a time, so an
// approval always applies to the entry its reviewer saw.
import { findOperationById } from "@/lib/amazon/catalog";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProposeLedgerChangeInput } from "./ledger-change-input";

export interface LedgerAdmin {
  userId: string;
  email: string;
  requestId?: string;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value) => b.includes(value));

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function proposeLedgerChange(input: ProposeLedgerChangeInput, admin: LedgerAdmin): Promise<{ proposalId: string }> {
  const operation = findOperationById(input.api, input.operationId);
  if (!operation) throw new AppError("invalid_input", `${input.operationId} (${input.api}) is not an operation of the SP-API catalog.`);
  const entry = await db.ledgerEntry.findUnique({ where: { api_operationId: { api: input.api, operationId: input.operationId } } });
  if (input.kind === "ADD" && entry) throw new AppError("conflict", `${input.operationId} is already in the roles ledger: propose a change to its entry instead.`);
  if (input.kind !== "ADD" && !entry) throw new AppError("not_found", `${input.operationId} is not in the roles ledger.`);
  if (input.kind === "CHANGE" && entry && sameSet(entry.roles, input.roles) && sameSet(entry.partnerKinds, input.partnerKinds) && entry.reason === input.reason) {
    throw new AppError("invalid_input", "The proposal changes nothing: edit the roles, the partners or the reason.");
  }
  const proposed = input.kind === "REMOVE" ? { roles: [], partnerKinds: [], reason: null, note: input.note } : { roles: input.roles, partnerKinds: input.partnerKinds, reason: input.reason, note: input.note ?? null };
  try {
    return await db.$transaction(async (tx) => {
      const proposal = await tx.ledgerProposal.create({
        data: {
          kind: input.kind,
          api: input.api,
          operationId: input.operationId,
          ...proposed,
          pendingKey: `${input.api}.${input.operationId}`,
          proposedById: admin.userId,
          proposedByEmail: admin.email,
        },
      });
      await recordAuditEvent(
        {
          action: "ledger.change_proposed",
          actorType: "ADMIN",
          actorId: admin.userId,
          requestId: admin.requestId ?? null,
          details: { proposalId: proposal.id, kind: input.kind, api: input.api, operation: input.operationId, ...proposed, current: entry ? { roles: entry.roles, partnerKinds: entry.partnerKinds, reason: entry.reason } : null },
        },
        tx,
      );
      return { proposalId: proposal.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("ledger_change_pending", `${input.operationId} already has a ledger change waiting for review: approve or reject it first.`);
    throw error;
  }
}
