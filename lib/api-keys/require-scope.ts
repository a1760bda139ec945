import "server-only";
import type { GrantlessScope } from "@/lib/amazon/lwa";
import { AppError } from "@/lib/errors";
import type { ApiCaller } from "./authenticate-api-key";
import { API_KEY_SCOPE_LABELS, GRANTLESS_KEY_SCOPE, type ApiKeyScope } from "./scopes";

/** 403 `insufficient_scope` unless the key holds every one of `scopes`. */
export function requireScopes(caller: Pick<ApiCaller, "scopes">, scopes: readonly ApiKeyScope[]): void {
  const missing = scopes.filter((scope) => !caller.scopes.includes(scope));
  if (missing.length === 0) return;
  const names = missing.map((scope) => `${scope} (${API_KEY_SCOPE_LABELS[scope].label})`).join(", ");
  throw new AppError("insufficient_scope", `This API key lacks the scope ${names}; an admin can create a key that has it.`, { details: { missingScopes: missing } });
}

/** The key scope a grantless token needs; client-secret rotation is refused to every key (403). */
export function requireGrantlessScope(caller: Pick<ApiCaller, "scopes">, scope: GrantlessScope): void {
  const needed = GRANTLESS_KEY_SCOPE[scope];
  if (needed === null) {
    throw new AppError("insufficient_scope", "Client-secret rotation is not available to API keys: only the admin UI and the scheduled workflow rotate the secret.");
  }
  requireScopes(caller, [needed]);
}
