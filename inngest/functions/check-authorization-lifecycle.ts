import "server-only";
import { checkAuthorizationLifecycle } from "@/lib/lifecycle/check-authorization-lifecycle";
import { authorizationLifecycleCheck } from "@/lib/workflows/events";
import { PER_AUTHORIZATION } from "@/lib/workflows/workflow-definition";
import { onEvent } from "../workflow";

/** One authorization's renewal reminders/overdue flag and inactivity mark/reminders/proposal, as of the scan's time. */
export const checkAuthorizationLifecycleFn = onEvent(
  { id: "check-authorization-lifecycle", name: "Check one authorization's renewal and inactivity", event: authorizationLifecycleCheck, concurrencyKey: PER_AUTHORIZATION },
  async (event, step) =>
    step.run(`check-authorization-${event.data.authorizationId}`, () => checkAuthorizationLifecycle(event.data.authorizationId, new Date(event.data.now))),
);
