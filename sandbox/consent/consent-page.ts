import type { ServerResponse } from "node:http";
import type { SandboxContext } from "../context";
import { html } from "../http/html";
import { accountsFor, validateAuthorization } from "./authorization-request";
import { centralLabel, type CentralSite } from "./central-site";
import { sendConsentError, sendConsentPage } from "./pages";

/**
 * `GET /{sellercentral|vendorcentral}/{site}/apps/authorize/consent?application_id=&state=[&version=beta][&redirect_uri=]`:
 * the page where a partner picks the account and confirms (or cancels) the authorization.
 */
export function handleConsentPage(ctx: SandboxContext, res: ServerResponse, site: CentralSite, query: URLSearchParams): void {
  const app = ctx.store.findApp(query.get("application_id") ?? "");
  const checked = validateAuthorization(app, {
    state: query.get("state") ?? undefined,
    version: query.get("version") ?? undefined,
    redirectUri: query.get("redirect_uri") ?? undefined,
  });
  if (!checked.ok) {
    sendConsentError(res, checked.error);
    return;
  }
  const { app: valid, state, redirectUri, beta } = checked.value;
  const accounts = accountsFor(ctx.store.data.accounts, site.region, site.accountType);
  const title = `Authorize ${valid.appName}`;
  const action = `/${site.central}/${site.site}/apps/authorize/confirm`;
  const options = accounts.map(
    (account, index) => html`<label class="account"><input type="radio" name="selling_partner_id" value="${account.sellingPartnerId}"${index === 0 ? html` checked` : ""}> <span>${account.name}</span> <span class="id">${account.sellingPartnerId}</span></label>`,
  );
  sendConsentPage(
    res,
    200,
    title,
    html`<h1>${title}</h1>
<p><strong>${valid.appName}</strong> is requesting access to your ${site.accountType === "seller" ? "selling" : "vendor"} account data through the Selling Partner API (${site.region} region, ${centralLabel(site.central)}).</p>
${beta ? html`<p class="notice">This is a draft application (<code>version=beta</code>): only test authorizations are possible.</p>` : ""}
<form method="post" action="${action}">
<input type="hidden" name="application_id" value="${valid.applicationId}">
<input type="hidden" name="state" value="${state}">
<input type="hidden" name="redirect_uri" value="${redirectUri}">
${beta ? html`<input type="hidden" name="version" value="beta">` : ""}
<fieldset>
<legend>Choose the account to authorize</legend>
${accounts.length > 0 ? options : html`<p class="muted">No ${site.accountType} accounts exist in this region.</p>`}
</fieldset>
<p class="muted">You will be redirected to <code>${redirectUri}</code>.</p>
<div class="actions">
<button type="submit" name="action" value="confirm" class="primary"${accounts.length === 0 ? html` disabled` : ""}>Confirm</button>
<button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
</div>
</form>`,
  );
}
