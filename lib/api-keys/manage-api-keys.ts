import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/http/ids";
import { repeatedField } from "@/lib/utils/form-fields";
import { generateApiKey } from "./key-format";
import { API_KEY_SCOPES } from "./scopes";

export const createApiKeyInput = z.object({
  name: z.string().trim().min(2, "Name the key after the service that uses it").max(80),
  tenantIds: z.array(idSchema).max(1000).default([]),
  /** Omitted (scripts, tests): every scope a key can hold. The admin form always sends its choice. */
  scopes: z
    .array(z.enum(API_KEY_SCOPES))
    .min(1, "Choose at least one scope")
    .default([...API_KEY_SCOPES])
    .transform((scopes) => API_KEY_SCOPES.filter((scope) => scopes.includes(scope))),
  rateLimitPerMinute: z.coerce.number().int().min(1).max(100_000).default(600),
});

const repeated = repeatedField(z.array(z.string()).transform((values) => values.filter(Boolean)));

/** The admin page's form (FormData fields, repeated for multiple choices): no scope ticked is no scope. */
export const createApiKeyForm = z
  .object({ name: z.string(), tenantIds: repeated, scopes: repeated, rateLimitPerMinute: z.string().optional() })
  .transform((form) => ({ ...form, rateLimitPerMinute: form.rateLimitPerMinute || undefined }));

/** What a caller asks for; `createApiKeyInput` checks it (unknown scope or tenant: 422). */
export interface CreateApiKeyRequest {
  name: string;
  tenantIds?: string[];
  scopes?: string[];
  rateLimitPerMinute?: number | string;
}

/** Creates a key and returns it in full exactly once; only its hash and prefix are kept. */
export async function createApiKey(input: CreateApiKeyRequest, adminUserId: string) {
  const data = createApiKeyInput.parse(input);
  if (data.tenantIds.length) {
    const found = await db.tenant.count({ where: { id: { in: data.tenantIds } } });
    if (found !== new Set(data.tenantIds).size) throw new AppError("invalid_input", "One of the chosen tenants does not exist.");
  }
  const { apiKey, prefix, keyHash } = generateApiKey();
  const record = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({ data: { name: data.name, prefix, keyHash, tenantIds: data.tenantIds, scopes: data.scopes, rateLimitPerMinute: data.rateLimitPerMinute, createdById: adminUserId } });
    await recordAuditEvent({ action: "api_key.created", actorType: "ADMIN", actorId: adminUserId, details: { apiKeyId: created.id, prefix, name: data.name, tenantIds: data.tenantIds, scopes: data.scopes } }, tx);
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
    select: { id: true, name: true, prefix: true, tenantIds: true, scopes: true, rateLimitPerMinute: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
