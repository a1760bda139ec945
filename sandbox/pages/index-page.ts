import type { ServerResponse } from "node:http";
import type { SandboxContext } from "../context";
import { html, page } from "../http/html";
import { sendHtml } from "../http/respond";
import { defaultSiteForRegion } from "../state/sites";
import type { Account } from "../state/types";

function accountLinks(account: Account, applicationId: string | undefined) {
  const site = defaultSiteForRegion(account.region);
  const central = account.type === "seller" ? "sellercentral" : "vendorcentral";
  const develop = html`<a href="/${central}/${site}/apps/develop">Self-authorize</a>`;
  if (account.type !== "seller" || !applicationId) return develop;
  const appstore = `/appstore/${site}/authorize?application_id=${encodeURIComponent(applicationId)}&selling_partner_id=${encodeURIComponent(account.sellingPartnerId)}`;
  return html`<a href="${appstore}">Appstore start</a> · ${develop}`;
}

/** `GET /`: what the sandbox is, where things are, and the seeded accounts. */
export function handleIndexPage(ctx: SandboxContext, res: ServerResponse): void {
  const app = ctx.store.defaultApp();
  const base = ctx.publicUrl();
  const rows = ctx.store.data.accounts.map(
    (account) => html`<tr><td>${account.name}</td><td><code>${account.sellingPartnerId}</code></td><td>${account.type}</td><td>${account.region}</td>
<td>${account.type === "seller" ? account.marketplaces.join(", ") : `vendor codes ${account.vendorCodes.join(", ")}`}</td><td>${accountLinks(account, app?.applicationId)}</td></tr>`,
  );
  sendHtml(
    res,
    200,
    page(
      "Amazon sandbox",
      html`<h1>Amazon sandbox</h1>
<p>A local simulator of the Amazon side of the Selling Partner API authorization lifecycle: Login with Amazon, the consent pages, the Appstore flow, self-authorization and a few SP-API operations. Nothing here talks to Amazon.</p>
<h2>Endpoints</h2>
<table>
<tr><th>LWA token endpoint</th><td><code>${base}/auth/o2/token</code></td></tr>
<tr><th>SP-API (NA / EU / FE)</th><td><code>${base}/spapi/na</code>, <code>${base}/spapi/eu</code>, <code>${base}/spapi/fe</code></td></tr>
<tr><th>Consent (sellers)</th><td><code>${base}/sellercentral/{site}/apps/authorize/consent</code></td></tr>
<tr><th>Consent (vendors)</th><td><code>${base}/vendorcentral/{site}/apps/authorize/consent</code></td></tr>
<tr><th>Control API</th><td><code>${base}/_sandbox/state</code> and friends (see sandbox/README.md)</td></tr>
</table>
${app
  ? html`<h2>Default app</h2>
<table>
<tr><th>Name</th><td>${app.appName}${app.published ? "" : " (draft: add version=beta)"}</td></tr>
<tr><th>Application ID</th><td><code>${app.applicationId}</code></td></tr>
<tr><th>Client ID</th><td><code>${app.clientId}</code></td></tr>
<tr><th>Redirect URIs</th><td>${app.redirectUris.map((uri) => html`<code>${uri}</code> `)}</td></tr>
<tr><th>Log-in URI</th><td>${app.loginUri ? html`<code>${app.loginUri}</code>` : "none"}</td></tr>
</table>
<p class="muted">The client secret is documented in sandbox/README.md.</p>`
  : ""}
<h2>Accounts</h2>
<table><thead><tr><th>Name</th><th>Selling partner ID</th><th>Type</th><th>Region</th><th>Marketplaces</th><th></th></tr></thead><tbody>${rows}</tbody></table>`,
      { wide: true },
    ),
  );
}
