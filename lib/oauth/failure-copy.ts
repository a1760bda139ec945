import { REGION_NAMES } from "@/lib/amazon/regions";
import type { Region } from "@/lib/amazon/regions";
import type { CallbackFailure } from "./callback-failures";

export interface FailureCopy {
  title: string;
  body: string;
  /** What to do next; `retry` sends the partner back to start the authorization again. */
  next: "retry" | "connections" | "contact";
}

/** Every failed authorization ends on a page that says what happened and how to go on, in plain words. */
export const FAILURE_COPY: Record<CallbackFailure, FailureCopy> = {
  consent_cancelled: { title: "You cancelled on Amazon's page", body: "Nothing was connected and nothing was stored. You can start again whenever you are ready.", next: "retry" },
  state_missing: { title: "This link is incomplete", body: "Amazon sent you back without the information we need to finish. Start the connection again from Latchkey.", next: "retry" },
  state_unknown: { title: "We don't recognise this link", body: "This authorization link did not start here, or it was altered. Start the connection again from Latchkey.", next: "retry" },
  state_expired: { title: "This link has expired", body: "For your security, an authorization must be finished within {ttl} of starting it. Start again; it only takes a minute.", next: "retry" },
  state_reused: { title: "This link was already used", body: "Each authorization link works once. If you just connected, your connection is on your connections page.", next: "connections" },
  state_other_browser: {
    title: "Finish in the browser where you started",
    body: "For your security, an authorization must finish in the same browser, signed in as the same person who started it. Sign in here and start again.",
    next: "retry",
  },
  amazon_error: { title: "Amazon could not complete the authorization", body: "Amazon returned an error instead of an authorization. Nothing was stored. Try again; if it keeps happening, contact us.", next: "retry" },
  callback_incomplete: { title: "Amazon's answer was incomplete", body: "Amazon sent you back without an authorization code. Nothing was stored. Start again.", next: "retry" },
  code_invalid: { title: "The authorization took too long", body: "Amazon's authorization code had expired or was already used before we could confirm it. Nothing was stored. Start again.", next: "retry" },
  amazon_unavailable: { title: "Amazon is not responding", body: "We could not reach Amazon to finish connecting. Nothing changed. Please try again in a few minutes.", next: "retry" },
  app_client_rejected: { title: "We could not finish on our side", body: "Amazon did not accept our application's credentials. Our team has been alerted. Please try again later.", next: "contact" },
  account_connected_elsewhere: {
    title: "This Amazon account is connected to another business",
    body: "The selling account you chose is already connected to a different business in Latchkey, so we did not connect it again. If this is unexpected, contact us.",
    next: "contact",
  },
  different_account: { title: "That is a different Amazon account", body: "You authorized a different selling account than the one this connection belongs to. Start again and choose the same account.", next: "retry" },
  vendor_appstore: { title: "Vendors connect from Latchkey", body: "The Selling Partner Appstore is for sellers only. Vendors connect through Vendor Central from their Latchkey connections page.", next: "connections" },
  appstore_link_invalid: { title: "This Appstore link is not valid", body: "The link did not come from Amazon's Seller Central. Start again from the Selling Partner Appstore or from Latchkey.", next: "connections" },
  wrong_region: {
    title: "That account is in another region",
    body: "This is {account} account; you started {started} connection. Nothing was stored. Go back to your connections and connect {accountRegion} instead.",
    next: "connections",
  },
};

/** "a North America" (account), "a Europe" (connection): every region name starts with a consonant sound. */
const withArticle = (region: Region) => `a ${REGION_NAMES[region]}`;

/**
 * A failure's copy with its placeholders filled in (`{ttl}`: how long a started authorization stays valid;
 * `{account}` / `{started}`: the region the account lives in and the one the flow started in).
 */
export function failureCopy(failure: CallbackFailure, stateTtlSeconds: number, regions?: { account: Region; started: Region }): FailureCopy {
  const copy = FAILURE_COPY[failure];
  const ttl = stateTtlSeconds % 60 === 0 ? `${stateTtlSeconds / 60} minute${stateTtlSeconds === 60 ? "" : "s"}` : `${stateTtlSeconds} seconds`;
  const body = copy.body
    .replace("{ttl}", ttl)
    .replace("{account}", regions ? withArticle(regions.account) : "an account of another region")
    .replace("{started}", regions ? withArticle(regions.started) : "a connection for a different region")
    .replace("{accountRegion}", regions ? REGION_NAMES[regions.account] : "the account's region");
  return { ...copy, body };
}
