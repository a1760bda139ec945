import type { ServerResponse } from "node:http";
import { CONSENT_ERRORS } from "../consent/error-codes";
import { sendConsentError, sendConsentPage, sendConsentRedirect } from "../consent/pages";
import type { SandboxContext } from "../context";
import { html } from "../http/html";
import { withQuery } from "../http/respond";
import type { Region } from "../state/marketplaces";
import { issueAmazonState } from "./amazon-state";

/**
 * `GET /appstore/{site}/authorize?application_id=&selling_partner_id=[&auto=1]` — stands for the
 * "Authorize now" button of an Appstore listing (sellers only). With `auto=1` and a seller it goes straight
 * to the app's log-in URI with `amazon_callback_uri`, `amazon_state`, `selling_partner_id` (+ `version=beta` for drafts).
 */
export function handleAppstoreAuthorize(ctx: SandboxContext, res: ServerResponse, site: string, region: Region, query: URLSearchParams): void {
  const app = ctx.store.findApp(query.get("application_id") ?? "");
  if (!app) {
    sendConsentError(res, CONSENT_ERRORS.unknownApplication);
    return;
  }
  if (!app.loginUri) {
    sendConsentError(res, CONSENT_ERRORS.noLoginUri);
    return;
  }
  const requested = query.get("selling_partner_id") ?? undefined;
  const requestedAccount = requested ? ctx.store.findAccount(requested) : undefined;
  if (requestedAccount?.type === "vendor") {
    sendConsentError(res, CONSENT_ERRORS.vendorNotInAppstore);
    return;
  }
  if (requested && (!requestedAccount || requestedAccount.region !== region)) {
    sendConsentError(res, CONSENT_ERRORS.unknownAccount);
    return;
  }
  if (requestedAccount && query.get("auto") === "1") {
    const amazonState = issueAmazonState(ctx.store, app, requestedAccount.sellingPartnerId, region);
    sendConsentRedirect(
      res,
      withQuery(app.loginUri, {
        amazon_callback_uri: `${ctx.publicUrl()}/sellercentral/${site}/apps/authorize/confirm-appstore`,
        amazon_state: amazonState,
        selling_partner_id: requestedAccount.sellingPartnerId,
        version: app.published ? undefined : "beta",
      }),
    );
    return;
  }
  const sellers = ctx.store.data.accounts.filter((account) => account.type === "seller" && account.region === region);
  const selected = requestedAccount?.sellingPartnerId ?? sellers[0]?.sellingPartnerId;
  const title = `${app.appName} on the Selling Partner Appstore`;
  sendConsentPage(
    res,
    200,
    title,
    html`<h1>${app.appName}</h1>
<p class="muted">Selling Partner Appstore · ${region} region${app.published ? "" : " · draft (beta test)"}</p>
<p>Authorizing starts on the developer's website: you will sign in there, then return to Amazon to finish.</p>
<form method="get" action="/appstore/${site}/authorize">
<input type="hidden" name="application_id" value="${app.applicationId}">
<input type="hidden" name="auto" value="1">
<fieldset>
<legend>Choose the seller account</legend>
${sellers.map(
  (account) =>
    html`<label class="account"><input type="radio" name="selling_partner_id" value="${account.sellingPartnerId}"${account.sellingPartnerId === selected ? html` checked` : ""}> <span>${account.name}</span> <span class="id">${account.sellingPartnerId}</span></label>`,
)}
</fieldset>
<div class="actions"><button type="submit" class="primary"${sellers.length === 0 ? html` disabled` : ""}>Authorize now</button></div>
</form>`,
  );
}
