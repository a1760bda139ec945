import type { IncomingMessage, ServerResponse } from "node:http";
import { accountsFor } from "../consent/authorization-request";
import { centralLabel, type CentralSite } from "../consent/central-site";
import { CONSENT_ERRORS } from "../consent/error-codes";
import { sendConsentPage } from "../consent/pages";
import type { SandboxContext } from "../context";
import { parseForm, readBody } from "../http/body";
import { html, type SafeHtml } from "../http/html";
import type { App } from "../state/types";
import { SELF_AUTHORIZATION_LIMIT, selfAuthorizationCount, selfAuthorize } from "./self-authorize";

function render(ctx: SandboxContext, res: ServerResponse, site: CentralSite, app: App | undefined, status: number, banner: SafeHtml | string): void {
  const title = site.central === "sellercentral" ? "Develop Apps" : "API Integration";
  const base = `/${site.central}/${site.site}/apps/develop`;
  const accounts = accountsFor(ctx.store.data.accounts, site.region, site.accountType);
  const appLinks = ctx.store.data.apps.map(
    (candidate) => html`<li>${candidate.applicationId === app?.applicationId ? html`<strong>${candidate.appName}</strong>` : html`<a href="${base}?application_id=${encodeURIComponent(candidate.applicationId)}">${candidate.appName}</a>`} <span class="id">${candidate.applicationId}</span>${candidate.published ? "" : " (draft)"}</li>`,
  );
  const rows = app
    ? accounts.map(
        (account) => html`<tr><td>${account.name}<br><span class="id">${account.sellingPartnerId}</span></td>
<td>${app.published ? "unlimited" : `${selfAuthorizationCount(ctx.store, app, account)} of ${SELF_AUTHORIZATION_LIMIT} used`}</td>
<td><form method="post" action="${base}/authorize"><input type="hidden" name="application_id" value="${app.applicationId}"><input type="hidden" name="selling_partner_id" value="${account.sellingPartnerId}"><button type="submit" class="primary" aria-label="Authorize app for ${account.name}">Authorize app</button></form></td></tr>`,
      )
    : [];
  sendConsentPage(
    res,
    status,
    title,
    html`<h1>${title}</h1>
<p class="muted">${centralLabel(site.central)} · ${site.region} region · self-authorization</p>
${banner}
<h2>Applications</h2>
<ul>${appLinks}</ul>
${app
  ? html`<h2>Authorize ${app.appName}</h2>
<table><thead><tr><th>Account</th><th>Self-authorizations</th><th></th></tr></thead><tbody>${rows}</tbody></table>`
  : html`<p>No application is registered.</p>`}`,
  );
}

function selectedApp(ctx: SandboxContext, applicationId: string | undefined): App | undefined {
  return applicationId ? ctx.store.findApp(applicationId) : ctx.store.defaultApp();
}

/** `GET /{central}/{site}/apps/develop[?application_id=]` — Seller Central "Develop Apps" / Vendor Central "API Integration". */
export function handleDevelopPage(ctx: SandboxContext, res: ServerResponse, site: CentralSite, query: URLSearchParams): void {
  render(ctx, res, site, selectedApp(ctx, query.get("application_id") ?? undefined), 200, "");
}

/** `POST /{central}/{site}/apps/develop/authorize` — "Authorize app": shows the new refresh token once. */
export async function handleDevelopAuthorize(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, site: CentralSite): Promise<void> {
  const form = parseForm(await readBody(req));
  const app = selectedApp(ctx, form.application_id);
  const account = accountsFor(ctx.store.data.accounts, site.region, site.accountType).find((candidate) => candidate.sellingPartnerId === form.selling_partner_id);
  if (!app || !account) {
    const error = app ? CONSENT_ERRORS.unknownAccount : CONSENT_ERRORS.unknownApplication;
    render(ctx, res, site, app, 400, html`<div class="error" role="alert"><p>Error code: <span class="error-code" data-testid="error-code">${error.code}</span></p><p>${error.message}</p></div>`);
    return;
  }
  const result = selfAuthorize(ctx.store, app, account);
  if (!result.ok) {
    const error = CONSENT_ERRORS.selfAuthorizationLimit;
    render(ctx, res, site, app, 400, html`<div class="error" role="alert"><p>Error code: <span class="error-code" data-testid="error-code">${error.code}</span></p><p>${error.message}</p></div>`);
    return;
  }
  render(
    ctx,
    res,
    site,
    app,
    200,
    html`<div class="notice" role="status">
<p><strong>${app.appName}</strong> is authorized for <strong>${account.name}</strong> (<span class="id">${account.sellingPartnerId}</span>). Copy the refresh token now; it is shown only once.</p>
<p>Refresh token:</p>
<code id="refresh-token" class="token" data-testid="refresh-token">${result.refreshToken}</code>
</div>`,
  );
}
