import { grantedRoles } from "../state/roles";
import type { Caller, Operation } from "./operation";

/**
 * Has the selling partner granted one of the roles the operation needs? Grantless calls and operations
 * without roles pass. Amazon answers an ungranted role like an unusable token: 403 Unauthorized.
 */
export function rolesAllow(operation: Operation, caller: Caller): boolean {
  if (!operation.roles || caller.kind === "grantless") return true;
  const granted = grantedRoles(caller.account);
  return operation.roles.some((role) => granted.includes(role));
}
