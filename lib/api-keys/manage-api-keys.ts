import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { generateApiKey } from "./key-format";

export const createApiKeyInput = z.object({
  name: z.string().trim().min(2, "Name the key after the service that uses it").max(80),
  tenantIds: z.array(z.string().min(1)).max(1000).default([]),
  rateLimitPerMinute: z.coerce.number().int().min(1).max(100_000).default(600),
});

/** Creates a key and returns it in full exactly once; only its hash and prefix are kept. */
export async function createApiKey(input: z.input<typeof createApiKeyInput>, adminUserId: string) {
  const data = createApiKeyInput.parse(input);
  if (data.tenantIds.length) {
    const found = await db.tenant.count({ where: { id: { in: data.tenantIds } } });
    if (found !== new Set(data.tenantIds).size) throw new AppError("invalid_input", "One of the chosen tenants does not exist.");
  }
  const { apiKey, prefix, keyHash } = generateApiKey();
  const record = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({ data: { name: data.name, prefix, keyHash, tenantIds: data.tenantIds, rateLimitPerMinute: data.rateLimitPerMinute, createdById: adminUserId } });
    await recordAuditEvent({ action: "api_key.created", actorType: "ADMIN", actorId: adminUserId, details: { apiKeyId: created.id, prefix, name: data.name, tenantIds: data.tenantIds } }, tx);
    return created;
  });
  return { apiKey, id: record.id, prefix };
}

export async function revokeApiKey(id: string, adminUserId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const revoked = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count === 0) {
      if (!(await tx.apiKey.findUnique({ where: { id }, select: { id: true } }))) throw new AppError("not_found");
      return;
    }
    await recordAuditEvent({ action: "api_key.revoked", actorType: "ADMIN", actorId: adminUserId, details: { apiKeyId: id } }, tx);
  });
}

export async function listApiKeys() {
  return db.apiKey.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, tenantIds: true, rateLimitPerMinute: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
