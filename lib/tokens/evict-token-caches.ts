import "server-only";
// What this process caches for an authorization's tokens, cleared in one place: the access token in memory
// and the one-second status memo. The shared encrypted rows are deleted by the state machine inside the
// transition's transaction. Subscribed to every committed transition: wherever tokens are served this module
// is loaded (through refresh-access-token), so every cache that exists is evicted.
import { onAuthorizationTransition } from "@/lib/authorizations/state-machine";
import type { EvictedCache } from "@/lib/authorizations/transition-table";
import { forgetAuthorizationForTokens } from "./authorization-for-tokens";
import { forgetMemoryToken } from "@/lib/token-cache/token-cache";
import { accessTokenCacheKey } from "./get-access-token";

export function evictTokenCaches(authorizationId: string, caches: readonly EvictedCache[] = ["status", "access_tokens"]): void {
  if (caches.includes("access_tokens")) forgetMemoryToken(accessTokenCacheKey(authorizationId));
  if (caches.includes("status")) forgetAuthorizationForTokens(authorizationId);
}

onAuthorizationTransition("evict-token-caches", (transition) => evictTokenCaches(transition.authorizationId, transition.evicts));
