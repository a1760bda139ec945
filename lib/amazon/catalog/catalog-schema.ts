import { z } from "zod";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

const region = z.enum(["NA", "EU", "FE"]);

/** A role that grants an operation; `regions` when Amazon grants it through this role only there. */
export const roleGrant = z.object({ name: z.string().min(1), regions: z.array(region).optional() });
export type RoleGrant = z.infer<typeof roleGrant>;

export const catalogOperation = z.object({
  /** `{api} {METHOD} {path}`: unique, stable across runs. */
  key: z.string(),
  /** The model file the operation comes from, without `.json` (e.g. `ordersV0`). */
  api: z.string(),
  apiTitle: z.string(),
  version: z.string(),
  operationId: z.string(),
  method: z.enum(HTTP_METHODS),
  /** Path template as in Amazon's model, e.g. /orders/v0/orders/{orderId}/address. */
  path: z.string().startsWith("/"),
  /** The default usage plan from the description's table; null when the model gives none. */
  usagePlan: z.object({ rate: z.number().positive(), burst: z.number().int().positive() }).nullable(),
  /** Needs a Restricted Data Token (Amazon's Tokens API list). */
  restricted: z.boolean(),
  /** The only `dataElements` an RDT for it may name (empty: none). */
  dataElements: z.array(z.string()),
  /** An RDT for it must name a concrete path, not a template (getReportDocument). */
  specificPathOnly: z.boolean(),
  /** The client_credentials scope of a grantless operation; null when a partner's token is needed. */
  grantlessScope: z.string().nullable(),
  /** Roles of which any one grants the operation; null when Amazon's mapping is not encoded. */
  roles: z.array(roleGrant).nullable(),
  /** False when the encoded role list was read cut off (Amazon may name more). */
  rolesComplete: z.boolean(),
  deprecated: z.boolean(),
  sandboxOnly: z.boolean(),
  /** `model`: from the models; `documentation`: Amazon documents it, the current models no longer do. */
  source: z.enum(["model", "documentation"]),
});
export type CatalogOperation = z.infer<typeof catalogOperation>;

export const catalogSource = z.object({ name: z.string(), url: z.string().url(), readOn: z.string() });

export const operationCatalog = z.object({
  sources: z.array(catalogSource),
  models: z.array(z.string()),
  operations: z.array(catalogOperation),
});
export type OperationCatalog = z.infer<typeof operationCatalog>;
