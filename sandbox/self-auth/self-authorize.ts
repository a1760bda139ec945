import { issueRefreshToken } from "../lwa/issue-tokens";
import type { SandboxStore } from "../state/store";
import type { Account, App } from "../state/types";

/** AMAZON.md: "Private apps get 10 self-authorizations" (applied to draft apps too). */
export const SELF_AUTHORIZATION_LIMIT = 10;

export type SelfAuthorizeResult = { ok: true; refreshToken: string; count: number } | { ok: false; reason: "limit_reached" };

function key(app: App, account: Account): string {
  return `${app.applicationId} ${account.sellingPartnerId}`;
}

export function selfAuthorizationCount(store: SandboxStore, app: App, account: Account): number {
  return store.data.selfAuthorizations[key(app, account)] ?? 0;
}

/** "Authorize app" in Seller/Vendor Central: mints a new refresh token each time; earlier ones stay valid. */
export function selfAuthorize(store: SandboxStore, app: App, account: Account): SelfAuthorizeResult {
  const count = selfAuthorizationCount(store, app, account);
  if (!app.published && count >= SELF_AUTHORIZATION_LIMIT) return { ok: false, reason: "limit_reached" };
  store.data.selfAuthorizations[key(app, account)] = count + 1;
  const { token } = issueRefreshToken(store, app, account.sellingPartnerId, "self");
  return { ok: true, refreshToken: token, count: count + 1 };
}
