import type { TransitionActor } from "./state-machine";

/** The admin behind a lifecycle control (pause, lift, kill switch, reauthorization request). */
export interface AdminActor {
  userId: string;
  requestId?: string;
}

export function adminTransitionActor(actor: AdminActor): TransitionActor {
  return { actorType: "ADMIN", actorId: actor.userId, requestId: actor.requestId };
}
