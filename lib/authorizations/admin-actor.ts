import type { Actor } from "@/lib/auth/actor";
import type { TransitionActor } from "./state-machine";

/** The admin behind a lifecycle control (pause, lift, kill switch, reauthorization request), as the state machine records them. */
export function adminTransitionActor(actor: Actor): TransitionActor {
  return { actorType: "ADMIN", actorId: actor.userId, requestId: actor.requestId };
}
