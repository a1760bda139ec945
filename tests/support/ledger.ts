// Changes the roles ledger in an integration test the only way the app allows: one admin proposes, a second
// approves.
import { db } from "@/lib/db/client";
import { decideLedgerProposal } from "@/lib/ledger/decide-ledger-proposal";
import type { ProposeLedgerChangeInput } from "@/lib/ledger/ledger-change-input";
import { proposeLedgerChange, type LedgerAdmin } from "@/lib/ledger/propose-ledger-change";

async function admin(email: string): Promise<LedgerAdmin> {
  const user = await db.user.upsert({ where: { email }, create: { email, role: "ADMIN" }, update: {} });
  return { userId: user.id, email };
}

export async function twoAdmins(): Promise<{ proposer: LedgerAdmin; reviewer: LedgerAdmin }> {
  return { proposer: await admin("ledger-proposer@latchkey.test"), reviewer: await admin("ledger-reviewer@latchkey.test") };
}

/** Proposed by one admin, approved by another: the ledger has the change when this returns. */
export async function changeLedger(input: ProposeLedgerChangeInput): Promise<void> {
  const { proposer, reviewer } = await twoAdmins();
  const { proposalId } = await proposeLedgerChange(input, proposer);
  await decideLedgerProposal({ proposalId, decision: "approve" }, reviewer);
}
