"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { BULK_OPERATIONS, MAX_BULK_SELECTION, runBulkAction, type BulkResult } from "@/lib/admin/run-bulk-action";
import { adminAction, type ActionResult } from "@/lib/auth/action-guards";
import { forceRefreshAccessToken, type ForceRefreshResult } from "@/lib/tokens/force-refresh-access-token";

const runForceRefresh = adminAction(z.object({ authorizationId: z.string().min(1) }), ({ authorizationId }, { user, requestId }) =>
  forceRefreshAccessToken({ authorizationId, actorId: user.id, requestId }),
);

export async function forceRefreshAction(_previous: ActionResult<ForceRefreshResult> | null, form: FormData): Promise<ActionResult<ForceRefreshResult>> {
  const result = await runForceRefresh(form);
  if (result.ok) revalidatePath(`/admin/authorizations/${String(form.get("authorizationId"))}`);
  return result;
}

const bulkForm = z.object({
  operation: z.enum(BULK_OPERATIONS),
  authorizationIds: z
    .union([z.string().min(1), z.array(z.string().min(1))], { error: "Select at least one authorization." })
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.string()).min(1).max(MAX_BULK_SELECTION, `Select at most ${MAX_BULK_SELECTION} authorizations.`)),
});

const runBulk = adminAction(bulkForm, ({ operation, authorizationIds }, { user, requestId }) => runBulkAction({ operation, authorizationIds, actorId: user.id, requestId }));

export async function bulkAuthorizationsAction(_previous: ActionResult<BulkResult> | null, form: FormData): Promise<ActionResult<BulkResult>> {
  const result = await runBulk(form);
  if (result.ok) revalidatePath("/admin");
  return result;
}
