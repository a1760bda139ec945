// Latchkey's worker client: copy this folder or import it; it depends on nothing but Node 20 and fetch.
export { createLatchkeyClient, type LatchkeyClient, type LatchkeyClientOptions } from "./create-latchkey-client";
export { LatchkeyError, SpApiCallError, type SpApiFailureKind } from "./errors";
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy";
export { DEFAULT_SPAPI_ENDPOINTS } from "./spapi-endpoints";
export type { AccessTokenInfo, CallOutcome, FetchLike, HttpMethod, Region, RestrictedDataToken, RestrictedResource, SpApiRequest, SpApiResponse } from "./types";
