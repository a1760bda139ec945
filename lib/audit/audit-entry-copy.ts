// How an audit entry's actor and outcome read on the admin pages.
import type { AuditAction } from "./event-registry";

export const ACTOR_LABELS = { PARTNER: "Partner", ADMIN: "Admin", SYSTEM: "Latchkey", API_KEY: "API key", AMAZON: "Amazon" } as const;

const OUTCOME_ACTIONS: readonly string[] = ["authorization.connectivity_tested", "authorization.token_refreshed"] satisfies AuditAction[];

/** The outcome an entry records (tests and refreshes), in a word or two: "passed", "failed: revoked". */
export function auditOutcome(action: string, details: unknown): string | null {
  if (!OUTCOME_ACTIONS.includes(action)) return null;
  if (!details || typeof details !== "object") return null;
  const { ok, failure } = details as { ok?: unknown; failure?: unknown };
  if (ok === true) return action === "authorization.token_refreshed" ? "new token" : "passed";
  if (ok === false) return typeof failure === "string" ? `failed: ${failure.replace(/_/g, " ")}` : "failed";
  return null;
}
