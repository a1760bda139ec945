import type { SandboxContext } from "../context";
import { hashSecret } from "../ids";
import { isRefreshTokenUsable } from "../lwa/issue-tokens";
import type { Region } from "../state/marketplaces";
import type { Account, AccessTokenRecord } from "../state/types";
import { missingAuthenticationToken, unauthorized, type SpApiResult } from "./errors";
import type { Caller, Operation } from "./operation";
import { resourceCovers } from "./restricted-resources";

export type AuthResult = { ok: true; caller: Caller } | { ok: false; result: SpApiResult };

const denied = (): AuthResult => ({ ok: false, result: unauthorized() });

/** The selling partner behind a partner access token, if it is still authorized and belongs to this region. */
function partnerAccount(ctx: SandboxContext, access: AccessTokenRecord, region: Region, accountType: Account["type"] | undefined): Account | undefined {
  if (access.kind !== "partner" || !access.sellingPartnerId || !access.refreshTokenHash) return undefined;
  const refreshHash = access.refreshTokenHash;
  const refresh = ctx.store.data.refreshTokens.find((record) => record.hash === refreshHash);
  if (!isRefreshTokenUsable(refresh)) return undefined;
  const account = ctx.store.findAccount(access.sellingPartnerId);
  if (!account || account.region !== region) return undefined;
  if (accountType && account.type !== accountType) return undefined;
  return account;
}

function authenticateRestricted(ctx: SandboxContext, operation: Operation, region: Region, tokenHash: string, method: string, path: string): AuthResult {
  const now = ctx.store.clock.now();
  const rdt = ctx.store.data.restrictedDataTokens.find((record) => record.hash === tokenHash);
  if (!rdt || now >= rdt.expiresAt) return denied();
  if (!rdt.resources.some((resource) => resourceCovers(resource, method, path))) return denied();
  const access = ctx.store.data.accessTokens.find((record) => record.hash === rdt.accessTokenHash);
  const app = ctx.store.findApp(rdt.applicationId);
  const accountType = operation.auth.kind === "restricted" ? operation.auth.accountType : undefined;
  const account = access ? partnerAccount(ctx, access, region, accountType) : undefined;
  if (!app || !account) return denied();
  return { ok: true, caller: { kind: "restricted", app, account, rdt } };
}

/**
 * Resolves `x-amz-access-token` for an operation. Missing → 403 MissingAuthenticationToken; anything
 * unknown, expired, revoked, from another region or of the wrong kind → 403 Unauthorized.
 */
export function authenticate(ctx: SandboxContext, operation: Operation, region: Region, token: string | undefined, method: string, path: string): AuthResult {
  if (!token) return { ok: false, result: missingAuthenticationToken() };
  const tokenHash = hashSecret(token);
  if (operation.auth.kind === "restricted") return authenticateRestricted(ctx, operation, region, tokenHash, method, path);

  const access = ctx.store.data.accessTokens.find((record) => record.hash === tokenHash);
  if (!access || ctx.store.clock.now() >= access.expiresAt) return denied();
  const app = ctx.store.findApp(access.applicationId);
  if (!app) return denied();

  if (operation.auth.kind === "grantless") {
    if (access.kind !== "grantless" || access.scope !== operation.auth.scope) return denied();
    return { ok: true, caller: { kind: "grantless", app, accessToken: access } };
  }
  const account = partnerAccount(ctx, access, region, operation.auth.accountType);
  if (!account) return denied();
  return { ok: true, caller: { kind: "partner", app, account, accessToken: access } };
}
