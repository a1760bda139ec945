// The API-key lookup cache is bounded: random well-formed keys (each unknown, each remembered as such)
// cannot grow the process's memory, and a real key still works after such a flood.
import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { hashApiKey } from "@/lib/api-keys/key-format";

const REAL_KEY = `lk_live_realkey1_${"r".repeat(43)}`;
const reads = vi.hoisted(() => ({ count: 0 }));

vi.mock("@/lib/db/client", () => ({
  db: {
    apiKey: {
      findUnique: async ({ where }: { where: { keyHash: string } }) => {
        reads.count++;
        return where.keyHash === hashApiKey(REAL_KEY)
          ? { id: "key-1", name: "order-sync", tenantIds: [], scopes: ["access_tokens"], rateLimitPerMinute: 1_000_000, revokedAt: null }
          : null;
      },
      updateMany: async () => ({ count: 1 }),
    },
  },
}));

const { API_KEY_CACHE_MAX, authenticateApiKey, cachedApiKeyCount, forgetApiKeysForTests } = await import("@/lib/api-keys/authenticate-api-key");

describe("API key lookup cache", () => {
  it("stays within its bound under a flood of random well-formed keys", async () => {
    forgetApiKeysForTests();
    await authenticateApiKey(`Bearer ${REAL_KEY}`);
    for (let i = 0; i < API_KEY_CACHE_MAX + 2_000; i++) {
      await expect(authenticateApiKey(`Bearer lk_live_${randomBytes(24).toString("base64url")}`)).rejects.toMatchObject({ code: "unauthenticated" });
    }
    expect(cachedApiKeyCount()).toBe(API_KEY_CACHE_MAX);
    // The real key was evicted by the flood, so it is read again, and still works.
    const before = reads.count;
    expect(await authenticateApiKey(`Bearer ${REAL_KEY}`)).toMatchObject({ apiKeyId: "key-1", scopes: ["access_tokens"] });
    expect(reads.count).toBe(before + 1);
  });

  it("remembers a repeated unknown key instead of reading the database per request", async () => {
    forgetApiKeysForTests();
    const unknown = `Bearer lk_live_${"u".repeat(40)}`;
    const before = reads.count;
    for (let i = 0; i < 50; i++) await expect(authenticateApiKey(unknown)).rejects.toMatchObject({ code: "unauthenticated" });
    expect(reads.count).toBe(before + 1);
  });
});
