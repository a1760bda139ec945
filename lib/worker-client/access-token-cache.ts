// Access tokens per authorization, in memory, until shortly before they expire. Concurrent callers for
// one authorization share one request to Latchkey (single flight within this process).
import type { AccessTokenInfo } from "./types";

export interface AccessTokenCache {
  get(authorizationId: string): Promise<AccessTokenInfo>;
  /** Drops the cached token (and any request in flight) so the next `get` asks Latchkey again. */
  forget(authorizationId: string): void;
}

export function createAccessTokenCache(options: { load: (authorizationId: string) => Promise<AccessTokenInfo>; now: () => number; marginMs: number }): AccessTokenCache {
  const tokens = new Map<string, AccessTokenInfo>();
  const inflight = new Map<string, Promise<AccessTokenInfo>>();

  const fresh = (token: AccessTokenInfo) => token.expiresAt.getTime() - options.marginMs > options.now();

  return {
    get(authorizationId) {
      const cached = tokens.get(authorizationId);
      if (cached && fresh(cached)) return Promise.resolve(cached);
      const running = inflight.get(authorizationId);
      if (running) return running;
      const load = options.load(authorizationId).then(
        (token) => {
          // Only the request still registered may fill the cache: one started before a `forget` may not.
          if (inflight.get(authorizationId) === load) {
            inflight.delete(authorizationId);
            tokens.set(authorizationId, token);
          }
          return token;
        },
        (error: unknown) => {
          if (inflight.get(authorizationId) === load) inflight.delete(authorizationId);
          tokens.delete(authorizationId);
          throw error;
        },
      );
      inflight.set(authorizationId, load);
      return load;
    },
    forget(authorizationId) {
      tokens.delete(authorizationId);
      inflight.delete(authorizationId);
    },
  };
}
