// Access tokens per authorization, in memory, until shortly before they expire. Concurrent callers for
// one authorization share one request to Latchkey (single flight within this process).
import type { AccessTokenInfo } from "./types";

export interface AccessTokenCache {
  get(authorizationId: string): Promise<AccessTokenInfo>;
  /** Drops the cached token (and any request in flight) so the next `get` asks Latchkey again. */
  forget(authorizationId: string): void;
  /**
   * Amazon rejected `token`: forget it, and make the next request tell Latchkey so, which replaces the token
   * if it is still the current one (and so discovers a revoked grant) instead of handing it out again.
   */
  reject(authorizationId: string, token: string): void;
}

export function createAccessTokenCache(options: { load: (authorizationId: string, rejectedToken?: string) => Promise<AccessTokenInfo>; now: () => number; marginMs: number }): AccessTokenCache {
  const tokens = new Map<string, AccessTokenInfo>();
  const inflight = new Map<string, Promise<AccessTokenInfo>>();
  const rejected = new Map<string, string>();

  const fresh = (token: AccessTokenInfo) => token.expiresAt.getTime() - options.marginMs > options.now();

  return {
    get(authorizationId) {
      const cached = tokens.get(authorizationId);
      if (cached && fresh(cached)) return Promise.resolve(cached);
      const running = inflight.get(authorizationId);
      if (running) return running;
      const hint = rejected.get(authorizationId);
      rejected.delete(authorizationId);
      const load = options.load(authorizationId, hint).then(
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
    reject(authorizationId, token) {
      this.forget(authorizationId);
      rejected.set(authorizationId, token);
    },
  };
}
