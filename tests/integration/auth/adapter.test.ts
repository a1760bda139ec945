import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAuthAdapter } from "@/lib/auth/adapter";
import { db } from "@/lib/db/client";
import { resetDatabase, setupTestDatabase, teardownTestDatabase } from "../../support/database";

const minutes = (n: number) => n * 60_000;

describe("the Auth.js adapter over Prisma", () => {
  beforeAll(setupTestDatabase);
  afterAll(teardownTestDatabase);
  beforeEach(resetDatabase);

  describe("verification tokens", () => {
    it("are single-use: the first use returns the token and deletes it, the second finds nothing", async () => {
      const adapter = createAuthAdapter();
      const expires = new Date(Date.now() + minutes(15));
      await adapter.createVerificationToken({ identifier: "Seller@Shop.test", token: "hash-1", expires });

      const used = await adapter.useVerificationToken({ identifier: "seller@shop.test", token: "hash-1" });
      expect(used).toEqual({ identifier: "seller@shop.test", token: "hash-1", expires });
      expect(await adapter.useVerificationToken({ identifier: "seller@shop.test", token: "hash-1" })).toBeNull();
      expect(await db.verificationToken.count()).toBe(0);
    });

    it("are refused once expired, and consumed anyway", async () => {
      let now = new Date("2026-11-22T10:00:00Z");
      const adapter = createAuthAdapter({ now: () => now });
      await adapter.createVerificationToken({ identifier: "seller@shop.test", token: "hash-2", expires: new Date(now.getTime() + minutes(15)) });

      now = new Date(now.getTime() + minutes(15) + 1);
      expect(await adapter.useVerificationToken({ identifier: "seller@shop.test", token: "hash-2" })).toBeNull();
      expect(await db.verificationToken.count()).toBe(0);
    });

    it("work until the last moment of their 15 minutes", async () => {
      let now = new Date("2026-11-22T10:00:00Z");
      const adapter = createAuthAdapter({ now: () => now });
      const expires = new Date(now.getTime() + minutes(15));
      await adapter.createVerificationToken({ identifier: "seller@shop.test", token: "hash-3", expires });
      now = new Date(expires.getTime() - 1);
      expect(await adapter.useVerificationToken({ identifier: "seller@shop.test", token: "hash-3" })).not.toBeNull();
    });

    it("only match their own address", async () => {
      const adapter = createAuthAdapter();
      await adapter.createVerificationToken({ identifier: "seller@shop.test", token: "hash-4", expires: new Date(Date.now() + minutes(15)) });
      expect(await adapter.useVerificationToken({ identifier: "other@shop.test", token: "hash-4" })).toBeNull();
      expect(await adapter.useVerificationToken({ identifier: "seller@shop.test", token: "hash-4" })).not.toBeNull();
    });

    it("can be used by exactly one of two simultaneous clicks", async () => {
      const adapter = createAuthAdapter();
      await adapter.createVerificationToken({ identifier: "seller@shop.test", token: "hash-5", expires: new Date(Date.now() + minutes(15)) });
      const results = await Promise.all([1, 2, 3].map(() => adapter.useVerificationToken({ identifier: "seller@shop.test", token: "hash-5" })));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("clear an address's expired tokens when a new one is made", async () => {
      let now = new Date("2026-11-22T10:00:00Z");
      const adapter = createAuthAdapter({ now: () => now });
      await adapter.createVerificationToken({ identifier: "seller@shop.test", token: "old", expires: new Date(now.getTime() + minutes(15)) });
      now = new Date(now.getTime() + minutes(20));
      await adapter.createVerificationToken({ identifier: "seller@shop.test", token: "new", expires: new Date(now.getTime() + minutes(15)) });
      expect((await db.verificationToken.findMany()).map((t) => t.token)).toEqual(["new"]);
    });
  });

  describe("users and sessions", () => {
    it("store emails lowercased, find them in any case, and give new users their role", async () => {
      const adapter = createAuthAdapter({ roleForEmail: (email) => (email === "ops@latchkey.test" ? "ADMIN" : "PARTNER") });
      const admin = await adapter.createUser({ id: "ignored", email: "  OPS@Latchkey.test", emailVerified: new Date() });
      const partner = await adapter.createUser({ id: "ignored", email: "Seller@Shop.test", emailVerified: null });
      expect(admin).toMatchObject({ email: "ops@latchkey.test", role: "ADMIN", tenantId: null });
      expect(partner).toMatchObject({ email: "seller@shop.test", role: "PARTNER" });
      expect(admin.id).not.toBe("ignored");
      expect((await adapter.getUserByEmail("SELLER@shop.TEST"))?.id).toBe(partner.id);
      expect(await adapter.getUserByEmail("nobody@shop.test")).toBeNull();
    });

    it("resolve a session to its user with role and tenant, and forget it when deleted", async () => {
      const adapter = createAuthAdapter();
      const tenant = await db.tenant.create({ data: { name: "Shop", kind: "SELLER", contactEmail: "seller@shop.test" } });
      const user = await adapter.createUser({ id: "x", email: "seller@shop.test", emailVerified: null });
      await db.user.update({ where: { id: user.id }, data: { tenantId: tenant.id } });
      const expires = new Date(Date.now() + minutes(60));
      await adapter.createSession({ sessionToken: "session-1", userId: user.id, expires });

      const found = await adapter.getSessionAndUser("session-1");
      expect(found?.session).toEqual({ sessionToken: "session-1", userId: user.id, expires });
      expect(found?.user).toMatchObject({ id: user.id, email: "seller@shop.test", role: "PARTNER", tenantId: tenant.id });

      const later = new Date(expires.getTime() + minutes(60));
      expect(await adapter.updateSession({ sessionToken: "session-1", expires: later })).toMatchObject({ expires: later });
      expect(await adapter.updateSession({ sessionToken: "missing", expires: later })).toBeNull();

      await adapter.deleteSession("session-1");
      await adapter.deleteSession("session-1");
      expect(await adapter.getSessionAndUser("session-1")).toBeNull();
    });

    it("update a user's verification date and link accounts", async () => {
      const adapter = createAuthAdapter();
      const user = await adapter.createUser({ id: "x", email: "seller@shop.test", emailVerified: null });
      const verified = new Date("2026-11-22T10:00:00Z");
      expect(await adapter.updateUser({ id: user.id, emailVerified: verified })).toMatchObject({ emailVerified: verified });
      await adapter.linkAccount({ userId: user.id, type: "email", provider: "email", providerAccountId: "seller@shop.test" });
      expect((await adapter.getUserByAccount({ provider: "email", providerAccountId: "seller@shop.test" }))?.id).toBe(user.id);
      expect(await adapter.getUser(user.id)).toMatchObject({ email: "seller@shop.test" });
      expect(await adapter.getUser("missing")).toBeNull();
    });
  });
});
