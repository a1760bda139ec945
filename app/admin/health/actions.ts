"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction, type ActionResult } from "@/lib/auth/action-guards";
import { runPreflight, type PreflightResult } from "@/lib/preflight/run-preflight";

const preflightForm = z.object({ authorizationId: z.string().min(1).max(64) });

const preflight = adminAction(preflightForm, async (input, { user, requestId }) => {
  const result = await runPreflight({ authorizationId: input.authorizationId, actorType: "ADMIN", actorId: user.id, requestId });
  revalidatePath("/admin/health");
  revalidatePath(`/admin/authorizations/${input.authorizationId}`);
  return result;
});

/** Runs the preflight of one authorization (token, roles, vendor group, billing) and records it. */
export async function runPreflightAction(_previous: ActionResult<PreflightResult> | null, form: FormData): Promise<ActionResult<PreflightResult>> {
  return preflight(form);
}
