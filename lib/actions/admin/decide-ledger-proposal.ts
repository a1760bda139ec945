"use server";

import { adminAction } from "@/lib/auth/action-guards";
import { decideLedgerProposal } from "@/lib/ledger/decide-ledger-proposal";
import { decideLedgerProposalInput } from "@/lib/ledger/ledger-change-input";

/** Approves (another admin's) or rejects a pending roles-ledger change; approval applies it at once. */
export const decideLedgerProposalAction = adminAction(
  decideLedgerProposalInput,
  (input, { user, requestId }) => decideLedgerProposal(input, { userId: user.id, email: user.email, requestId }),
  { revalidate: { layout: "/admin" } },
);
