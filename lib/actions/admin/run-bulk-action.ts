"use server";

import { z } from "zod";
import { BULK_OPERATIONS, MAX_BULK_SELECTION, runBulkAction } from "@/lib/dashboard/run-bulk-action";
import { adminAction } from "@/lib/auth/action-guards";
import { repeatedField } from "@/lib/utils/form-fields";

const bulkForm = z
  .object({
    operation: z.enum(BULK_OPERATIONS),
    authorizationIds: repeatedField(
      z.array(z.string().min(1).max(100)).min(1, "Select at least one authorization.").max(MAX_BULK_SELECTION, `Select at most ${MAX_BULK_SELECTION} authorizations.`),
    ),
    /** Pausing stops token issuance for the partner's apps: the table asks first and sends confirmed=1. */
    confirmed: z.string().optional(),
  })
  .refine((input) => input.operation !== "pause" || input.confirmed === "1", { message: "Confirm before pausing.", path: ["confirmed"] });

/** Test, refresh, pause or ask to reauthorize every selected authorization of the admin table. */
export const bulkAuthorizationsAction = adminAction(bulkForm, ({ operation, authorizationIds }, { actor }) => runBulkAction({ operation, authorizationIds, actor }), {
  revalidate: { layout: "/admin" },
});
