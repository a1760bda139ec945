import type { Region } from "../state/marketplaces";
import type { Account, App } from "../state/types";
import { CONSENT_ERRORS, type ConsentError } from "./error-codes";

export interface AuthorizationParams {
  state?: string | undefined;
  version?: string | undefined;
  redirectUri?: string | undefined;
}

export type VersionCheck = { ok: true; beta: boolean } | { ok: false; error: ConsentError };

/** `version=beta` is required while the app is a draft (MD1000) and must be absent once it is published. */
export function checkVersion(app: App, version: string | undefined): VersionCheck {
  const beta = version === "beta";
  if (!app.published && !beta) return { ok: false, error: CONSENT_ERRORS.draftNeedsBeta };
  if (app.published && beta) return { ok: false, error: CONSENT_ERRORS.publishedForbidsBeta };
  return { ok: true, beta };
}

/** `redirect_uri` defaults to the first registered one; anything unregistered is MD5101. */
export function resolveRedirectUri(app: App, redirectUri: string | undefined): string | undefined {
  if (redirectUri === undefined || redirectUri === "") return app.redirectUris[0];
  return app.redirectUris.includes(redirectUri) ? redirectUri : undefined;
}

export interface ValidAuthorization {
  app: App;
  state: string;
  redirectUri: string;
  beta: boolean;
}

/** The checks Amazon runs on an authorization URL, in order: application, version, redirect URI, state. */
export function validateAuthorization(app: App | undefined, params: AuthorizationParams): { ok: true; value: ValidAuthorization } | { ok: false; error: ConsentError } {
  if (!app) return { ok: false, error: CONSENT_ERRORS.unknownApplication };
  const version = checkVersion(app, params.version);
  if (!version.ok) return version;
  const redirectUri = resolveRedirectUri(app, params.redirectUri);
  if (!redirectUri) return { ok: false, error: CONSENT_ERRORS.redirectUriMismatch };
  if (!params.state) return { ok: false, error: CONSENT_ERRORS.missingState };
  return { ok: true, value: { app, state: params.state, redirectUri, beta: version.beta } };
}

/** The accounts a Seller/Vendor Central site offers: that region, sellers or vendors. */
export function accountsFor(accounts: readonly Account[], region: Region, type: Account["type"]): Account[] {
  return accounts.filter((account) => account.region === region && account.type === type);
}
