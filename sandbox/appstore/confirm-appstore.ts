import type { ServerResponse } from "node:http";
import { validateAuthorization } from "../consent/authorization-request";
import type { CentralSite } from "../consent/central-site";
import { CONSENT_ERRORS } from "../consent/error-codes";
import { sendConsentError, sendConsentRedirect } from "../consent/pages";
import type { SandboxContext } from "../context";
import { withQuery } from "../http/respond";
import { issueAuthorizationCode } from "../lwa/authorization-codes";
import { findUsableAmazonState } from "./amazon-state";

/**
 * `GET /sellercentral/{site}/apps/authorize/confirm-appstore?amazon_state=&state=[&redirect_uri=][&version=beta]`:
 * where the app sends the partner back after its own sign-in. Amazon then calls the redirect URI exactly
 * as in the website flow.
 */
export function handleConfirmAppstore(ctx: SandboxContext, res: ServerResponse, site: CentralSite, query: URLSearchParams): void {
  const record = findUsableAmazonState(ctx.store, query.get("amazon_state") ?? "", site.region, query.get("application_id") ?? undefined);
  const app = record ? ctx.store.findApp(record.applicationId) : undefined;
  if (!record || !app) {
    sendConsentError(res, CONSENT_ERRORS.invalidAmazonState);
    return;
  }
  const checked = validateAuthorization(app, {
    state: query.get("state") ?? undefined,
    version: query.get("version") ?? undefined,
    redirectUri: query.get("redirect_uri") ?? undefined,
  });
  if (!checked.ok) {
    sendConsentError(res, checked.error);
    return;
  }
  const account = ctx.store.findAccount(record.sellingPartnerId);
  if (!account || account.type !== "seller") {
    sendConsentError(res, CONSENT_ERRORS.unknownAccount);
    return;
  }
  record.usedAt = ctx.store.clock.now();
  const { state, redirectUri } = checked.value;
  const code = issueAuthorizationCode(ctx.store, app, account.sellingPartnerId, redirectUri, "appstore");
  sendConsentRedirect(res, withQuery(redirectUri, { state, selling_partner_id: account.sellingPartnerId, spapi_oauth_code: code }));
}
