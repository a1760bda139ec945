// The management API (API key scope `management`): tenants, authorizations and connect links, through the
// same request core as the token calls (Latchkey's error envelope → LatchkeyError with its stable code).
import { LatchkeyError } from "./errors.js";
import type { LatchkeyApi } from "./latchkey-api.js";
import type { Region } from "./types.js";

export type PartnerKind = "SELLER" | "VENDOR";
export type AuthorizationStatus = "PENDING" | "ACTIVE" | "REAUTH_REQUIRED" | "QUARANTINED" | "REVOKED" | "IDENTITY_CONFLICT";
export type TenantMetadata = Record<string, string | number | boolean>;

export interface Tenant {
  id: string;
  externalId: string | null;
  name: string;
  kind: PartnerKind;
  contactEmail: string;
  metadata: TenantMetadata;
  marketplaceIds: string[];
  /** ISO times, as Latchkey sends them. */
  quarantinedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateTenantInput {
  name: string;
  kind: PartnerKind;
  contactEmail: string;
  externalId?: string;
  metadata?: TenantMetadata;
  marketplaceIds?: string[];
  /** Sent as `Idempotency-Key`: a retry with the same key returns the first answer instead of a second tenant. */
  idempotencyKey?: string;
}

/** Only the fields sent change; `null` removes `externalId` or `metadata`; `metadata` replaces the whole object. */
export interface UpdateTenantInput {
  name?: string;
  contactEmail?: string;
  externalId?: string | null;
  metadata?: TenantMetadata | null;
  marketplaceIds?: string[];
}

export interface PageOptions {
  /** 1–200 (Latchkey's default 50). */
  limit?: number;
  /** The previous page's `nextCursor`. */
  cursor?: string;
}

export interface ListTenantsFilter extends PageOptions {
  kind?: PartnerKind;
  externalId?: string;
  contactEmail?: string;
}

export interface ListAuthorizationsFilter extends PageOptions {
  tenantId?: string;
  /** The tenant's externalId. */
  externalId?: string;
  sellingPartnerId?: string;
  region?: Region;
  status?: AuthorizationStatus;
}

export interface Page<T> {
  data: T[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** One authorization's public facts (never a token). Latchkey may send more fields than listed here. */
export interface AuthorizationSummary {
  id: string;
  tenantId: string;
  tenantExternalId: string | null;
  region: Region;
  sellingPartnerId: string | null;
  status: AuthorizationStatus;
  statusReason: string | null;
  createdAt: string;
  [field: string]: unknown;
}

export interface AuthorizationDetail extends AuthorizationSummary {
  tenant: { id: string; externalId: string | null; name: string; kind: PartnerKind; quarantinedAt: string | null };
}

export interface CreateConnectLinkInput {
  /** Exactly one of `tenantId` and `externalId`. */
  tenantId?: string;
  externalId?: string;
  region: Region;
  flow: "connect" | "reauthorize";
  /** Its origin must be in Latchkey's CONNECT_LINK_RETURN_ORIGINS. */
  returnUrl?: string;
  marketplaceId?: string;
  idempotencyKey?: string;
}

export interface ConnectLink {
  id: string;
  /** Open it once, in the partner's browser. */
  url: string;
  expiresAt: string;
  tenantId: string;
  region: Region;
  flow: "connect" | "reauthorize";
}

export interface ManagementApi {
  createTenant(input: CreateTenantInput): Promise<Tenant>;
  getTenant(id: string): Promise<Tenant>;
  getTenantByExternalId(externalId: string): Promise<Tenant>;
  updateTenant(id: string, changes: UpdateTenantInput): Promise<Tenant>;
  /** One page, newest first. */
  listTenants(filter?: ListTenantsFilter): Promise<Page<Tenant>>;
  /** Every tenant matching `filter`, page after page (`limit` is the page size). */
  iterateTenants(filter?: Omit<ListTenantsFilter, "cursor">): AsyncIterableIterator<Tenant>;
  listAuthorizations(filter?: ListAuthorizationsFilter): Promise<Page<AuthorizationSummary>>;
  iterateAuthorizations(filter?: Omit<ListAuthorizationsFilter, "cursor">): AsyncIterableIterator<AuthorizationSummary>;
  getAuthorization(id: string): Promise<AuthorizationDetail>;
  createConnectLink(input: CreateConnectLinkInput): Promise<ConnectLink>;
}

function defined<T extends object>(value: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

function page<T>(json: Record<string, unknown>, path: string): Page<T> {
  if (!Array.isArray(json.data)) throw new LatchkeyError("unexpected_response", 200, `Latchkey's answer to ${path} has no data list`);
  return { data: json.data as T[], nextCursor: typeof json.nextCursor === "string" ? json.nextCursor : null };
}

function withId<T>(json: Record<string, unknown>, path: string): T {
  if (typeof json.id !== "string" || json.id === "") throw new LatchkeyError("unexpected_response", 200, `Latchkey's answer to ${path} has no id`);
  return json as T;
}

export function createManagementApi(api: LatchkeyApi): ManagementApi {
  const listTenants = async (filter: ListTenantsFilter = {}) => page<Tenant>(await api.request("listTenants", { query: { ...filter } }), "/api/v1/tenants");
  const listAuthorizations = async (filter: ListAuthorizationsFilter = {}) =>
    page<AuthorizationSummary>(await api.request("listAuthorizations", { query: { ...filter } }), "/api/v1/authorizations");

  async function* all<T, F extends PageOptions>(list: (filter: F) => Promise<Page<T>>, filter: F): AsyncIterableIterator<T> {
    let cursor: string | undefined;
    do {
      const current = await list({ ...filter, cursor });
      yield* current.data;
      cursor = current.nextCursor ?? undefined;
    } while (cursor);
  }

  return {
    async createTenant({ idempotencyKey, ...body }) {
      return withId<Tenant>(await api.request("createTenant", { body: defined(body), headers: { "idempotency-key": idempotencyKey } }), "/api/v1/tenants");
    },
    getTenant: async (id) => withId<Tenant>(await api.request("getTenant", { params: { id } }), "/api/v1/tenants/{id}"),
    getTenantByExternalId: async (externalId) => withId<Tenant>(await api.request("getTenantByExternalId", { params: { externalId } }), "/api/v1/tenants/by-external-id/{externalId}"),
    updateTenant: async (id, changes) => withId<Tenant>(await api.request("updateTenant", { params: { id }, body: defined(changes) }), "/api/v1/tenants/{id}"),
    listTenants,
    iterateTenants: (filter = {}) => all(listTenants, filter),
    listAuthorizations,
    iterateAuthorizations: (filter = {}) => all(listAuthorizations, filter),
    getAuthorization: async (id) => withId<AuthorizationDetail>(await api.request("getAuthorization", { params: { id } }), "/api/v1/authorizations/{id}"),
    async createConnectLink({ idempotencyKey, ...body }) {
      return withId<ConnectLink>(await api.request("createConnectLink", { body: defined(body), headers: { "idempotency-key": idempotencyKey } }), "/api/v1/connect-links");
    },
  };
}
