import "server-only";
import { findLifecycleCandidates } from "@/lib/lifecycle/find-lifecycle-candidates";
import type { LatchkeyEvent } from "@/lib/workflows/events";
import { onCron } from "../workflow";

const FAN_OUT_BATCH = 500;

/**
 * Daily: finds the authorizations whose renewal or inactivity may need action and fans out one
 * lifecycle check per authorization (each runs alone for its authorization: see check-authorization-lifecycle).
 */
export const lifecycleScan = onCron({ id: "lifecycle-scan", name: "Daily renewal and inactivity scan", cron: "TZ=UTC 0 6 * * *" }, async (now, step) => {
  const ids = await step.run("find-authorizations-to-check", () => findLifecycleCandidates(now));
  const events: LatchkeyEvent[] = ids.map((authorizationId) => ({ name: "latchkey/authorization.lifecycle-check", data: { authorizationId, now: now.toISOString() } }));
  for (let start = 0; start < events.length; start += FAN_OUT_BATCH) {
    await step.sendEvent(`check-authorizations-${start / FAN_OUT_BATCH + 1}`, events.slice(start, start + FAN_OUT_BATCH));
  }
  return { checked: ids.length };
});
