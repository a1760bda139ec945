"use server";

import { adminAction } from "@/lib/auth/action-guards";
import { proposeLedgerChangeInput } from "@/lib/ledger/ledger-change-input";
import { proposeLedgerChange } from "@/lib/ledger/propose-ledger-change";

/** Proposes adding, changing or removing a roles-ledger entry; a second admin must approve it. */
export const proposeLedgerChangeAction = adminAction(
  proposeLedgerChangeInput,
  (input, { user, requestId }) => proposeLedgerChange(input, { userId: user.id, email: user.email, requestId }),
  { revalidate: "/admin/ledger" },
);
