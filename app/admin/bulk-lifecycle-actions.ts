"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { MAX_BULK_SELECTION } from "@/lib/admin/run-bulk-action";
import { BULK_LIFECYCLE_OPERATIONS, runBulkLifecycleAction, type BulkLifecycleResult } from "@/lib/admin/run-bulk-lifecycle";
import { adminAction, type ActionResult } from "@/lib/auth/action-guards";

const bulkLifecycleForm = z
  .object({
    operation: z.enum(BULK_LIFECYCLE_OPERATIONS),
    authorizationIds: z
      .union([z.string().min(1), z.array(z.string().min(1))], { error: "Select at least one authorization." })
      .transform((value) => (Array.isArray(value) ? value : [value]))
      .pipe(z.array(z.string().max(100)).min(1).max(MAX_BULK_SELECTION, `Select at most ${MAX_BULK_SELECTION} authorizations.`)),
    /** Pausing stops token issuance for the partner's apps: the table asks first and sends confirmed=1. */
    confirmed: z.string().optional(),
  })
  .refine((input) => input.operation !== "pause" || input.confirmed === "1", { message: "Confirm before pausing.", path: ["confirmed"] });

const runBulkLifecycle = adminAction(bulkLifecycleForm, ({ operation, authorizationIds }, { user, requestId }) =>
  runBulkLifecycleAction({ operation, authorizationIds, actor: { userId: user.id, requestId } }),
);

export type BulkLifecycleState = ActionResult<BulkLifecycleResult> | null;

/** Pause, or ask to reauthorize, every selected authorization of the admin table. */
export async function bulkLifecycleAction(_previous: BulkLifecycleState, form: FormData): Promise<BulkLifecycleState> {
  const result = await runBulkLifecycle(form);
  if (result.ok) revalidatePath("/admin", "layout");
  return result;
}
