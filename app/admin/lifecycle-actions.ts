"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction, type ActionResult } from "@/lib/auth/action-guards";
import { killAuthorization } from "@/lib/authorizations/kill-authorization";
import { liftQuarantine } from "@/lib/authorizations/lift-quarantine";
import { quarantineAuthorization } from "@/lib/authorizations/quarantine-authorization";
import { requestReauthorization } from "@/lib/authorizations/request-reauthorization";

const input = z.object({ authorizationId: z.string().min(1).max(100) });

export type LifecycleActionResult = ActionResult<{ changed: boolean }> | null;

function lifecycleAction(run: (authorizationId: string, actor: { userId: string; requestId: string }) => Promise<{ changed: boolean }>) {
  return adminAction(input, async ({ authorizationId }, { user, requestId }) => {
    const result = await run(authorizationId, { userId: user.id, requestId });
    revalidatePath("/admin", "layout");
    return result;
  });
}

const quarantine = lifecycleAction(quarantineAuthorization);
const lift = lifecycleAction(liftQuarantine);
const kill = lifecycleAction(killAuthorization);
const reauthorize = lifecycleAction(requestReauthorization);

/** Pause token issuance for one authorization. */
export async function quarantineAuthorizationAction(_previous: LifecycleActionResult, form: FormData): Promise<LifecycleActionResult> {
  return quarantine(form);
}

export async function liftQuarantineAction(_previous: LifecycleActionResult, form: FormData): Promise<LifecycleActionResult> {
  return lift(form);
}

/** The kill switch: revoke and delete the tokens. */
export async function killAuthorizationAction(_previous: LifecycleActionResult, form: FormData): Promise<LifecycleActionResult> {
  return kill(form);
}

/** Email the partner a signed link to authorize again. */
export async function requestReauthorizationAction(_previous: LifecycleActionResult, form: FormData): Promise<LifecycleActionResult> {
  return reauthorize(form);
}
