import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { adminAction, type ActionState } from "@/lib/auth/action-guards";
import { authorizationIdInput } from "@/lib/utils/form-fields";

export type LifecycleActionState = ActionState<{ changed: boolean }>;

/** An admin's lifecycle control on one authorization; every admin page may show its status, so all refresh. */
export function lifecycleAction(run: (authorizationId: string, actor: Actor) => Promise<{ changed: boolean }>) {
  return adminAction(authorizationIdInput, ({ authorizationId }, { actor }) => run(authorizationId, actor), { revalidate: { layout: "/admin" } });
}
