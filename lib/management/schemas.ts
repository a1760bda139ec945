// Every request body, query and response body of the management API (`/api/v1/tenants`,
// `/api/v1/authorizations`, `/api/v1/connect-links`), in one place so routes, tests and the OpenAPI
// document all use the same shapes. Inputs are strict about what they accept; outputs describe what the
// routes answer (never a token or ciphertext).
import { z } from "zod";
import { MARKETPLACES, findMarketplace } from "@/lib/amazon/marketplaces";
import { idSchema } from "@/lib/http/ids";

export const REGION_VALUES = ["NA", "EU", "FE"] as const;
export const PARTNER_KIND_VALUES = ["SELLER", "VENDOR"] as const;
export const AUTHORIZATION_STATUS_VALUES = ["PENDING", "ACTIVE", "REAUTH_REQUIRED", "QUARANTINED", "REVOKED", "IDENTITY_CONFLICT"] as const;

// --- shared pieces -----------------------------------------------------------------------------------------

export const METADATA_MAX_KEYS = 50;
export const METADATA_MAX_BYTES = 8 * 1024;
export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 200;

/** The integrator's own id: printable ASCII without spaces, at most 128 characters. */
export const externalIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\x21-\x7E]+$/, "Must be 1 to 128 printable ASCII characters without spaces");

/** A flat JSON object: string (≤ 1000 characters), number or boolean values, ≤ 50 keys, ≤ 8 KB as JSON. */
export const metadataSchema = z
  .record(
    z.string().min(1).max(64).regex(/^[\x20-\x7E]+$/, "Keys are printable ASCII"),
    z.union([z.string().max(1000), z.number().finite(), z.boolean()]),
  )
  .refine((value) => Object.keys(value).length <= METADATA_MAX_KEYS, `At most ${METADATA_MAX_KEYS} keys`)
  .refine((value) => Buffer.byteLength(JSON.stringify(value), "utf8") <= METADATA_MAX_BYTES, `At most ${METADATA_MAX_BYTES} bytes as JSON`);

export type TenantMetadata = z.infer<typeof metadataSchema>;

/** `?limit=` (1–200, default 50) and `?cursor=` (the previous page's `nextCursor`). */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT),
  cursor: z.string().min(1).max(200).optional(),
});

const timestamp = z.iso.datetime();

/** The `Idempotency-Key` header of create calls: 1 to 255 printable ASCII characters. */
export const idempotencyKeySchema = z.string().min(1).max(255).regex(/^[\x21-\x7E]+$/, "Must be printable ASCII without spaces");

/** Every error answer: `{ "error": { "code", "message", "requestId", "details"? } }` (codes in lib/errors/codes.ts). */
export const errorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), requestId: z.string(), details: z.record(z.string(), z.unknown()).optional() }),
});

// --- tenants -----------------------------------------------------------------------------------------------

export const createTenantBody = z.strictObject({
  name: z.string().trim().min(2).max(120),
  kind: z.enum(PARTNER_KIND_VALUES),
  contactEmail: z.email().trim().toLowerCase(),
  externalId: externalIdSchema.optional(),
  metadata: metadataSchema.optional(),
  /** Marketplaces the partner sells in (optional; connect links default to the first one in their region). */
  marketplaceIds: z
    .array(z.string())
    .max(MARKETPLACES.length)
    .refine((ids) => ids.every((id) => findMarketplace(id)), "Unknown marketplace")
    .optional(),
});
export type CreateTenantBody = z.infer<typeof createTenantBody>;

/** PATCH: any of the fields; `externalId: null` / `metadata: null` remove them; `metadata` replaces the whole object. */
export const updateTenantBody = z
  .strictObject({
    name: createTenantBody.shape.name.optional(),
    contactEmail: createTenantBody.shape.contactEmail.optional(),
    externalId: externalIdSchema.nullable().optional(),
    metadata: metadataSchema.nullable().optional(),
    marketplaceIds: createTenantBody.shape.marketplaceIds,
  })
  .refine((body) => Object.keys(body).length > 0, "Send at least one field to change");
export type UpdateTenantBody = z.infer<typeof updateTenantBody>;

export const listTenantsQuery = pageQuerySchema.extend({
  kind: z.enum(PARTNER_KIND_VALUES).optional(),
  externalId: externalIdSchema.optional(),
  contactEmail: z.string().trim().toLowerCase().min(1).max(320).optional(),
});
export type ListTenantsQuery = z.infer<typeof listTenantsQuery>;

export const tenantParams = z.object({ id: idSchema });
export const tenantByExternalIdParams = z.object({ externalId: externalIdSchema });

export const tenantResponse = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  name: z.string(),
  kind: z.enum(PARTNER_KIND_VALUES),
  contactEmail: z.string(),
  metadata: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  marketplaceIds: z.array(z.string()),
  quarantinedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type TenantResponse = z.infer<typeof tenantResponse>;

export const tenantListResponse = z.object({ data: z.array(tenantResponse), nextCursor: z.string().nullable() });

// --- authorizations ----------------------------------------------------------------------------------------

export const listAuthorizationsQuery = pageQuerySchema.extend({
  tenantId: idSchema.optional(),
  /** The tenant's externalId. */
  externalId: externalIdSchema.optional(),
  sellingPartnerId: z.string().min(1).max(128).regex(/^[A-Za-z0-9._-]+$/, "Must be a selling partner or vendor group id").optional(),
  region: z.enum(REGION_VALUES).optional(),
  status: z.enum(AUTHORIZATION_STATUS_VALUES).optional(),
});
export type ListAuthorizationsQuery = z.infer<typeof listAuthorizationsQuery>;

/** One authorization's public facts, as the list and the detail both show them (never a token). */
export const authorizationSummary = z.object({
  id: z.string(),
  tenantId: z.string(),
  tenantExternalId: z.string().nullable(),
  region: z.enum(REGION_VALUES),
  sellingPartnerId: z.string().nullable(),
  authType: z.enum(["SELF", "APPSTORE", "WEBSITE"]),
  status: z.enum(AUTHORIZATION_STATUS_VALUES),
  statusReason: z.string().nullable(),
  /** A short non-reversible fingerprint of the refresh token (to tell tokens apart), never the token. */
  refreshTokenFingerprint: z.string().nullable(),
  roles: z.array(z.string()),
  marketplaceIds: z.array(z.string()),
  authorizedAt: timestamp.nullable(),
  renewalDueAt: timestamp.nullable(),
  lastUsedAt: timestamp.nullable(),
  lastRefreshAt: timestamp.nullable(),
  lastRefreshError: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  refreshCooldownUntil: timestamp.nullable(),
  lastConnectivityAt: timestamp.nullable(),
  lastConnectivityOk: z.boolean().nullable(),
  inactiveSince: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
  quarantinedAt: timestamp.nullable(),
  createdAt: timestamp,
});
export type AuthorizationSummary = z.infer<typeof authorizationSummary>;

export const authorizationListResponse = z.object({ data: z.array(authorizationSummary), nextCursor: z.string().nullable() });

/** GET /api/v1/authorizations/{id}: the summary plus what the admin detail page shows. */
export const authorizationDetailResponse = authorizationSummary.extend({
  tenant: z.object({ id: z.string(), externalId: z.string().nullable(), name: z.string(), kind: z.enum(PARTNER_KIND_VALUES), quarantinedAt: timestamp.nullable() }),
  token: z.object({ cached: z.boolean(), expiresAt: timestamp.nullable(), refreshedAt: timestamp.nullable(), fresh: z.boolean() }),
  ledger: z.array(
    z.object({ operation: z.string(), method: z.string(), path: z.string(), purpose: z.string(), roles: z.array(z.string()), restricted: z.boolean(), covered: z.boolean() }),
  ),
  extraRoles: z.array(z.string()),
  vendorLinkage: z.object({ applies: z.boolean(), vendorGroupId: z.string().nullable().optional(), lastTestOk: z.boolean().nullable().optional() }),
  identityConflict: z.boolean(),
  /** SP-API call outcomes reported over the last 24 hours, by status class (e.g. "2xx", "401"). */
  recentOutcomes: z.object({ since: timestamp, total: z.number().int(), byStatus: z.record(z.string(), z.number()) }),
  timeline: z.array(z.object({ at: timestamp, action: z.string(), actorType: z.string() })),
});
export type AuthorizationDetailResponse = z.infer<typeof authorizationDetailResponse>;

// --- connect links -----------------------------------------------------------------------------------------

export const CONNECT_LINK_FLOWS = ["connect", "reauthorize"] as const;

export const createConnectLinkBody = z
  .strictObject({
    tenantId: idSchema.optional(),
    externalId: externalIdSchema.optional(),
    region: z.enum(REGION_VALUES),
    flow: z.enum(CONNECT_LINK_FLOWS),
    /** Where the partner is sent after Amazon's redirect; its origin must be in CONNECT_LINK_RETURN_ORIGINS. */
    returnUrl: z.url({ protocol: /^https?$/ }).max(2048).optional(),
    /** The marketplace whose consent page opens (optional: the tenant's first in the region, else the region's first). */
    marketplaceId: z.string().refine((id) => Boolean(findMarketplace(id)), "Unknown marketplace").optional(),
  })
  .refine((body) => (body.tenantId === undefined) !== (body.externalId === undefined), { message: "Send exactly one of tenantId and externalId", path: ["tenantId"] })
  .refine((body) => !body.marketplaceId || findMarketplace(body.marketplaceId)?.region === body.region, { message: "The marketplace is not in this region", path: ["marketplaceId"] });
export type CreateConnectLinkBody = z.infer<typeof createConnectLinkBody>;

export const connectLinkResponse = z.object({
  id: z.string(),
  /** Open it once, in the partner's browser. */
  url: z.url(),
  expiresAt: timestamp,
  tenantId: z.string(),
  region: z.enum(REGION_VALUES),
  flow: z.enum(CONNECT_LINK_FLOWS),
});
export type ConnectLinkResponse = z.infer<typeof connectLinkResponse>;

/**
 * How a connect link ended, as `outcome` on the returnUrl: `connected`, `reauthorized`, `under_review` (stored,
 * held for an admin's identity review), or one of the callback failure codes (lib/oauth/callback-failures.ts).
 */
export const CONNECT_LINK_SUCCESS_OUTCOMES = ["connected", "reauthorized", "under_review"] as const;
