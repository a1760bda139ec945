import type { ServerResponse } from "node:http";
import { html, page, type SafeHtml } from "../http/html";
import { redirect, sendHtml } from "../http/respond";
import type { ConsentError } from "./error-codes";

/** Seller/Vendor Central pages must not leak the authorization URL (state, codes) through Referer. */
export const CONSENT_HEADERS = { "referrer-policy": "no-referrer" };

export function sendConsentPage(res: ServerResponse, status: number, title: string, body: SafeHtml): void {
  sendHtml(res, status, page(title, body), CONSENT_HEADERS);
}

export function sendConsentRedirect(res: ServerResponse, location: string): void {
  redirect(res, location, CONSENT_HEADERS);
}

export function sendConsentError(res: ServerResponse, error: ConsentError): void {
  sendConsentPage(
    res,
    error.status,
    `Error ${error.code}`,
    html`<h1>${error.title}</h1>
<div class="error" role="alert">
<p>Error code: <span class="error-code" data-testid="error-code">${error.code}</span></p>
<p>${error.message}</p>
</div>`,
  );
}

/** Faults on the consent surface: a plain error page with the injected status. */
export function sendConsentFault(res: ServerResponse, status: number): void {
  sendConsentPage(
    res,
    status,
    status === 429 ? "Too many requests" : "Something went wrong",
    html`<h1>${status === 429 ? "Too many requests" : "Something went wrong"}</h1>
<div class="error" role="alert"><p>Error code: <span class="error-code" data-testid="error-code">HTTP ${status}</span></p>
<p>Please try again later.</p></div>`,
  );
}
