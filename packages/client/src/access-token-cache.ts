// Tokens per key (an authorization id, or a grantless scope), in memory, until shortly before they expire.
// Concurrent callers for one key share one request to Latchkey (single flight within this process).

export interface AccessTokenCache<K extends string, T extends { expiresAt: Date }> {
  get(key: K): Promise<T>;
  /** Drops the cached token (and any request in flight) so the next `get` asks Latchkey again. */
  forget(key: K): void;
  /**
   * Amazon rejected `token`: forget it, and make the next request tell Latchkey so, which replaces the token
   * if it is still the current one (and so discovers a revoked grant) instead of handing it out again.
   */
  reject(key: K, token: string): void;
}

export function createAccessTokenCache<K extends string, T extends { expiresAt: Date }>(options: {
  load: (key: K, rejectedToken?: string) => Promise<T>;
  now: () => number;
  marginMs: number;
}): AccessTokenCache<K, T> {
  const tokens = new Map<K, T>();
  const inflight = new Map<K, Promise<T>>();
  const rejected = new Map<K, string>();

  const fresh = (token: T) => token.expiresAt.getTime() - options.marginMs > options.now();

  return {
    get(key) {
      const cached = tokens.get(key);
      if (cached && fresh(cached)) return Promise.resolve(cached);
      const running = inflight.get(key);
      if (running) return running;
      const hint = rejected.get(key);
      rejected.delete(key);
      const load = options.load(key, hint).then(
        (token) => {
          // Only the request still registered may fill the cache: one started before a `forget` may not.
          if (inflight.get(key) === load) {
            inflight.delete(key);
            tokens.set(key, token);
          }
          return token;
        },
        (error: unknown) => {
          if (inflight.get(key) === load) inflight.delete(key);
          tokens.delete(key);
          throw error;
        },
      );
      inflight.set(key, load);
      return load;
    },
    forget(key) {
      tokens.delete(key);
      inflight.delete(key);
    },
    reject(key, token) {
      this.forget(key);
      rejected.set(key, token);
    },
  };
}
