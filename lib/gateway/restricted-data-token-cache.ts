import "server-only";
// Restricted Data Tokens the gateway obtained for itself, in memory only (never stored, returned or
// logged), per authorization and restricted resource, until a minute before they expire. Concurrent
// requests for one resource share one createRestrictedDataToken call.
import type { CatalogOperation } from "@/lib/amazon/catalog";
import { createRestrictedDataToken } from "@/lib/tokens/create-restricted-data-token";
import type { TokenRequestOptions } from "@/lib/tokens/get-access-token";
import { processLocal } from "@/lib/runtime/process-local";

const EXPIRY_MARGIN_MS = 60_000;
const MAX_ENTRIES = 10_000;

interface CachedRdt {
  token: string;
  expiresAt: number;
}

const cache = processLocal("gatewayRdts", () => new Map<string, CachedRdt>());
const flights = processLocal("gatewayRdtFlights", () => new Map<string, Promise<CachedRdt>>());

export interface RestrictedResource {
  authorizationId: string;
  method: string;
  /** The template (Amazon's generic path, valid for every id) unless the operation takes concrete paths only. */
  path: string;
  dataElements: string[];
  /** Cache key: authorization, resource and data elements. */
  key: string;
}

/** The resource an RDT for this request must name: one per operation and data elements where Amazon allows generic paths. */
export function restrictedResourceFor(authorizationId: string, operation: CatalogOperation, concretePath: string, dataElements: readonly string[]): RestrictedResource {
  const path = operation.specificPathOnly ? concretePath : operation.path;
  const elements = [...new Set(dataElements)].sort();
  return { authorizationId, method: operation.method, path, dataElements: elements, key: `${authorizationId}|${operation.method} ${path}|${elements.join(",")}` };
}

function remember(key: string, entry: CachedRdt): void {
  if (cache.size >= MAX_ENTRIES) {
    const now = Date.now();
    for (const [k, v] of cache) if (v.expiresAt - EXPIRY_MARGIN_MS <= now) cache.delete(k);
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, entry);
}

/**
 * An RDT for the resource: from memory while it has more than a minute left, else one new one (one call
 * per resource at a time). `beforeCreate` runs before a call to Amazon (the Tokens API's rate limit).
 */
export async function restrictedDataTokenFor(resource: RestrictedResource, tokenOptions: TokenRequestOptions, beforeCreate: () => Promise<void>): Promise<string> {
  const cached = cache.get(resource.key);
  if (cached && cached.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return cached.token;
  let flight = flights.get(resource.key);
  if (!flight) {
    flight = (async () => {
      await beforeCreate();
      const body = {
        restrictedResources: [{ method: resource.method, path: resource.path, ...(resource.dataElements.length ? { dataElements: resource.dataElements } : {}) }],
      };
      const created = await createRestrictedDataToken(resource.authorizationId, body, tokenOptions);
      const entry = { token: created.restrictedDataToken, expiresAt: created.expiresAt.getTime() };
      remember(resource.key, entry);
      return entry;
    })().finally(() => flights.delete(resource.key));
    flights.set(resource.key, flight);
  }
  return (await flight).token;
}

/** Amazon refused this RDT: the next request makes a new one. */
export function forgetRestrictedDataToken(resource: RestrictedResource): void {
  cache.delete(resource.key);
}
