// The worker client's public types. Standalone: nothing here imports the rest of Latchkey.

export type Region = "NA" | "EU" | "FE";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The `fetch` the client uses; defaults to the global one (Node 20+). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** One restricted operation an RDT should cover (Amazon's `restrictedResources` entry). */
export interface RestrictedResource {
  method: HttpMethod;
  /** The operation's path with real ids, e.g. `/orders/v0/orders/902-3159896-1390916`. */
  path: string;
  /** Orders getOrder/getOrders/getOrderItems only: `buyerInfo`, `shippingAddress`. */
  dataElements?: string[];
}

export interface AccessTokenInfo {
  accessToken: string;
  expiresAt: Date;
  region: Region;
  /** The seller id, or the vendor group id; null when Amazon never told Latchkey. */
  sellingPartnerId: string | null;
}

/** The scopes Latchkey issues grantless (client_credentials) tokens for. */
export type GrantlessScope = "sellingpartnerapi::notifications" | "sellingpartnerapi::client_credential:rotation";

export interface GrantlessTokenInfo {
  accessToken: string;
  expiresAt: Date;
  scope: GrantlessScope;
}

/** What `withRdt` hands its callback. Reading `restrictedDataToken` after the callback settled throws. */
export interface RestrictedDataToken {
  readonly restrictedDataToken: string;
  readonly expiresAt: Date;
  readonly region: Region;
}

export interface SpApiRequest {
  method: HttpMethod;
  /** The SP-API path, e.g. `/sellers/v1/marketplaceParticipations`. */
  path: string;
  /** Arrays are sent comma-separated, as SP-API expects (`MarketplaceIds=A,B`). */
  query?: Record<string, string | number | boolean | readonly string[] | undefined>;
  /** Sent as JSON. */
  body?: unknown;
  /** The operation's name (e.g. `getOrders`), used in outcome metrics and error messages. */
  operation: string;
  /** Restricted resources: the call is made with a fresh RDT covering them instead of the access token. */
  rdt?: RestrictedResource[];
  /**
   * Whether a 5xx or a network failure may be replayed. Default: true except for POST and PATCH, which
   * could create something twice. Throttling (429) is always retried: Amazon did nothing.
   */
  idempotent?: boolean;
  /** Extra request headers (never `x-amz-access-token`, which the client sets). */
  headers?: Record<string, string>;
}

export interface SpApiResponse<T> {
  status: number;
  /** The parsed JSON body (null when empty; the raw text when it is not JSON). */
  data: T;
  headers: Headers;
  requestId: string | null;
  /** `x-amzn-RateLimit-Limit` (requests per second), when Amazon sent it. */
  rateLimit: number | null;
  /** How many HTTP attempts the call took (1 = no retry). */
  attempts: number;
}

/** One SP-API attempt's outcome, as reported to `POST /api/v1/outcomes`. */
export interface CallOutcome {
  authorizationId: string;
  operation: string;
  /** HTTP status, or 0 when there was no HTTP answer (network error, timeout). */
  status: number;
  latencyMs: number;
  /** ISO time the attempt started. */
  at: string;
}
