import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, databaseKind } from "@/lib/db/client";
import { setupTestDatabase, teardownTestDatabase, usingPostgres } from "../../support/database";

describe("database schema", () => {
  beforeAll(setupTestDatabase);
  afterAll(teardownTestDatabase);

  it("runs on the configured engine", () => {
    expect(databaseKind()).toBe(usingPostgres() ? "postgresql" : "pglite");
  });

  it("keeps the audit log append-only", async () => {
    const entry = await db.auditLog.create({ data: { actorType: "SYSTEM", action: "test.appended" } });
    await expect(db.auditLog.update({ where: { id: entry.id }, data: { action: "test.rewritten" } })).rejects.toThrow();
    await expect(db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow();
    const stored = await db.auditLog.findUniqueOrThrow({ where: { id: entry.id } });
    expect(stored.action).toBe("test.appended");
  });

  it("allows one authorization per tenant and region", async () => {
    const tenant = await db.tenant.create({ data: { name: "Acme", kind: "SELLER", contactEmail: "ops@acme.test" } });
    await db.authorization.create({ data: { tenantId: tenant.id, region: "NA", authType: "WEBSITE" } });
    await expect(db.authorization.create({ data: { tenantId: tenant.id, region: "NA", authType: "SELF" } })).rejects.toThrow();
    await db.authorization.create({ data: { tenantId: tenant.id, region: "EU", authType: "WEBSITE" } });
    expect(await db.authorization.count({ where: { tenantId: tenant.id } })).toBe(2);
  });
});
