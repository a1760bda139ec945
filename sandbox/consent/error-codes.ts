/** An error Seller/Vendor Central shows instead of the consent page. */
export interface ConsentError {
  status: number;
  code: string;
  title: string;
  message: string;
}

/**
 * MD1000 and MD5101 are Amazon's documented codes (AMAZON.md). Amazon documents no code for the other
 * cases; those use `SBX…` codes so nobody mistakes them for Amazon's.
 */
export const CONSENT_ERRORS = {
  draftNeedsBeta: {
    status: 400,
    code: "MD1000",
    title: "This application is in draft",
    message: "The authorization URL of a draft application must include version=beta.",
  },
  /**
   * Choice: Amazon documents only that version=beta "must be absent" for a published app, not the page it
   * shows; the sandbox refuses it with the same MD1000 code so a leftover beta flag is caught in testing.
   */
  publishedForbidsBeta: {
    status: 400,
    code: "MD1000",
    title: "version=beta is not allowed",
    message: "version=beta is not allowed for a published application. Remove it from the authorization URL.",
  },
  redirectUriMismatch: {
    status: 400,
    code: "MD5101",
    title: "Redirect URI mismatch",
    message: "The redirect_uri does not match any redirect URI registered for this application.",
  },
  unknownApplication: {
    status: 400,
    code: "SBX0001",
    title: "Unknown application",
    message: "No application with this application_id is registered.",
  },
  missingState: {
    status: 400,
    code: "SBX0002",
    title: "Missing state",
    message: "The authorization URL must include a state parameter.",
  },
  invalidAmazonState: {
    status: 400,
    code: "SBX0003",
    title: "Invalid amazon_state",
    message: "The amazon_state is unknown, expired, already used or issued for another application or region.",
  },
  vendorNotInAppstore: {
    status: 400,
    code: "SBX0004",
    title: "Not available for vendors",
    message: "Appstore authorization is available to sellers only. Vendors authorize from Vendor Central.",
  },
  unknownAccount: {
    status: 400,
    code: "SBX0005",
    title: "Unknown account",
    message: "The selected selling partner is not an account of this type in this region.",
  },
  noLoginUri: {
    status: 400,
    code: "SBX0006",
    title: "No log-in URI",
    message: "This application has no log-in URI registered, so it cannot be authorized from the Appstore.",
  },
  selfAuthorizationLimit: {
    status: 400,
    code: "SBX0007",
    title: "Self-authorization limit reached",
    message: "Draft and private applications can be self-authorized at most 10 times per account.",
  },
  pageNotFound: {
    status: 404,
    code: "SBX0404",
    title: "Page not found",
    message: "This Seller Central / Vendor Central page does not exist in the sandbox.",
  },
} as const satisfies Record<string, ConsentError>;
