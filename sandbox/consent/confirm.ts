import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxContext } from "../context";
import { parseForm, readBody } from "../http/body";
import { withQuery } from "../http/respond";
import { issueAuthorizationCode } from "../lwa/authorization-codes";
import { accountsFor, validateAuthorization } from "./authorization-request";
import type { CentralSite } from "./central-site";
import { CONSENT_ERRORS } from "./error-codes";
import { sendConsentError, sendConsentRedirect } from "./pages";

/**
 * Cancel: Amazon does not document what happens when a partner declines; the sandbox redirects with
 * OAuth-style error parameters (unconfirmed) so the app's error path can be exercised.
 */
export const CANCEL_ERROR = { error: "access_denied", error_description: "The selling partner declined to authorize the application." };

/** `POST /{central}/{site}/apps/authorize/confirm` — the consent form's Confirm / Cancel. */
export async function handleConsentConfirm(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, site: CentralSite): Promise<void> {
  const form = parseForm(await readBody(req));
  const checked = validateAuthorization(ctx.store.findApp(form.application_id ?? ""), {
    state: form.state,
    version: form.version,
    redirectUri: form.redirect_uri,
  });
  if (!checked.ok) {
    sendConsentError(res, checked.error);
    return;
  }
  const { app, state, redirectUri } = checked.value;
  if (form.action === "cancel") {
    sendConsentRedirect(res, withQuery(redirectUri, { state, ...CANCEL_ERROR }));
    return;
  }
  const account = accountsFor(ctx.store.data.accounts, site.region, site.accountType).find((candidate) => candidate.sellingPartnerId === form.selling_partner_id);
  if (!account) {
    sendConsentError(res, CONSENT_ERRORS.unknownAccount);
    return;
  }
  const code = issueAuthorizationCode(ctx.store, app, account.sellingPartnerId, redirectUri, "website");
  sendConsentRedirect(res, withQuery(redirectUri, { state, selling_partner_id: account.sellingPartnerId, spapi_oauth_code: code }));
}
