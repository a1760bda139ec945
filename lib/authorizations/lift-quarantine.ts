import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { adminTransitionActor } from "./admin-actor";
import { transitionAuthorization } from "./state-machine";

/** Lifts a quarantine: token issuance resumes. A paused authorization without a token stays paused. */
export async function liftQuarantine(authorizationId: string, actor: Actor): Promise<{ changed: boolean }> {
  const authorization = await db.authorization.findUnique({ where: { id: authorizationId }, select: { status: true, refreshTokenCiphertext: true } });
  if (authorization?.status === "QUARANTINED" && !authorization.refreshTokenCiphertext) {
    throw new AppError("conflict", "This authorization has no token; the partner must connect again.");
  }
  const outcome = await transitionAuthorization({
    transition: "liftQuarantine",
    authorizationId,
    actor: adminTransitionActor(actor),
    set: { quarantinedAt: null, statusReason: null },
    guard: { refreshTokenCiphertext: { not: null } },
  });
  return { changed: outcome.changed };
}
