import "server-only";
import { AppError } from "@/lib/errors";
import type { ApiCaller } from "./authenticate-api-key";

/**
 * Whether an API key may act for this tenant. `null` asks about app-wide calls that serve every tenant at
 * once (grantless tokens): only a key limited to no tenant may make them.
 */
export function callerAllowsTenant(caller: Pick<ApiCaller, "tenantIds">, tenantId: string | null): boolean {
  if (caller.tenantIds.length === 0) return true;
  return tenantId !== null && caller.tenantIds.includes(tenantId);
}

/** The same check as a guard: another tenant's record is indistinguishable from a missing one (404). */
export function assertCallerAllowsTenant(caller: Pick<ApiCaller, "tenantIds">, tenantId: string | null): void {
  if (!callerAllowsTenant(caller, tenantId)) throw new AppError("not_found");
}
