import type { IncomingMessage, ServerResponse } from "node:http";
import { handleAppstoreAuthorize } from "../appstore/authorize-page";
import { handleConfirmAppstore } from "../appstore/confirm-appstore";
import { applyFaults } from "../control/apply-faults";
import type { SandboxContext } from "../context";
import { handleDevelopAuthorize, handleDevelopPage } from "../self-auth/develop-page";
import { regionForSite } from "../state/sites";
import { parseCentralSite } from "./central-site";
import { handleConsentConfirm } from "./confirm";
import { handleConsentPage } from "./consent-page";
import { CONSENT_ERRORS } from "./error-codes";
import { sendConsentError, sendConsentFault } from "./pages";

/** Seller Central, Vendor Central and Appstore pages (the browser-facing "consent" surface). */
export async function handleConsentRoutes(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const outcome = await applyFaults(ctx, ["consent"], res, (_kind, status) => sendConsentFault(res, status));
  if (outcome === "handled") return;

  const method = req.method ?? "GET";
  const appstore = /^\/appstore\/([a-zA-Z]{2})\/authorize$/.exec(url.pathname);
  if (appstore) {
    const site = (appstore[1] ?? "").toLowerCase();
    const region = regionForSite(site);
    if (region && method === "GET") {
      handleAppstoreAuthorize(ctx, res, site, region, url.searchParams);
      return;
    }
  }

  const site = parseCentralSite(url.pathname);
  const route = site ? `${method} ${site.rest}` : "";
  if (site && route === "GET /apps/authorize/consent") return handleConsentPage(ctx, res, site, url.searchParams);
  if (site && route === "POST /apps/authorize/confirm") return handleConsentConfirm(ctx, req, res, site);
  if (site && route === "GET /apps/authorize/confirm-appstore" && site.central === "sellercentral") return handleConfirmAppstore(ctx, res, site, url.searchParams);
  if (site && route === "GET /apps/develop") return handleDevelopPage(ctx, res, site, url.searchParams);
  if (site && route === "POST /apps/develop/authorize") return handleDevelopAuthorize(ctx, req, res, site);
  sendConsentError(res, CONSENT_ERRORS.pageNotFound);
}
