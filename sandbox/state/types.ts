import { z } from "zod";
import { storedSecret } from "../apps/stored-secret";

export const regionSchema = z.enum(["NA", "EU", "FE"]);
export const accountTypeSchema = z.enum(["seller", "vendor"]);
export type AccountType = z.infer<typeof accountTypeSchema>;

const storedClientSecretSchema = z.object({
  /** SHA-256 of the secret: the state file never holds a usable client secret. */
  hash: z.string(),
  /** The masked value shown by the control API. */
  preview: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
});
/** State files written before secrets were hashed held the value itself: it is read as its hash. */
const plaintextClientSecretSchema = z
  .object({ value: z.string(), createdAt: z.number(), expiresAt: z.number() })
  .transform((secret) => storedSecret(secret.value, secret.createdAt, secret.expiresAt));
export const clientSecretSchema = z.union([storedClientSecretSchema, plaintextClientSecretSchema]);
export type ClientSecret = z.output<typeof storedClientSecretSchema>;

export const appSchema = z.object({
  applicationId: z.string(),
  clientId: z.string(),
  appName: z.string(),
  /** Oldest first; the last entry is the current secret. */
  clientSecrets: z.array(clientSecretSchema),
  redirectUris: z.array(z.string()),
  loginUri: z.string().optional(),
  /** false = Draft: the authorization URLs need `version=beta`. */
  published: z.boolean(),
  notificationQueueEnrolled: z.boolean(),
  /** The subscription id Amazon puts in `notificationMetadata` of this app's rotation notifications. */
  subscriptionId: z.string(),
});
export type App = z.infer<typeof appSchema>;

export const accountSchema = z.object({
  sellingPartnerId: z.string(),
  name: z.string(),
  type: accountTypeSchema,
  region: regionSchema,
  /** Marketplace IDs (sellers); empty for vendor groups. */
  marketplaces: z.array(z.string()),
  /** Vendor codes of a vendor group; empty for sellers. */
  vendorCodes: z.array(z.string()),
  storeName: z.string(),
  /** The roles this selling partner granted; absent = every role its type can grant (`allRolesFor`). */
  roles: z.array(z.string()).optional(),
});
export type Account = z.infer<typeof accountSchema>;

export const authorizationSourceSchema = z.enum(["website", "appstore", "self"]);
export type AuthorizationSource = z.infer<typeof authorizationSourceSchema>;

export const refreshTokenRecordSchema = z.object({
  hash: z.string(),
  applicationId: z.string(),
  sellingPartnerId: z.string(),
  source: authorizationSourceSchema,
  createdAt: z.number(),
  revokedAt: z.number().optional(),
});
export type RefreshTokenRecord = z.infer<typeof refreshTokenRecordSchema>;

export const accessTokenRecordSchema = z.object({
  hash: z.string(),
  applicationId: z.string(),
  clientId: z.string(),
  kind: z.enum(["partner", "grantless"]),
  sellingPartnerId: z.string().optional(),
  refreshTokenHash: z.string().optional(),
  scope: z.string().optional(),
  expiresAt: z.number(),
});
export type AccessTokenRecord = z.infer<typeof accessTokenRecordSchema>;

export const authorizationCodeRecordSchema = z.object({
  hash: z.string(),
  applicationId: z.string(),
  sellingPartnerId: z.string(),
  redirectUri: z.string(),
  source: authorizationSourceSchema,
  createdAt: z.number(),
  expiresAt: z.number(),
  usedAt: z.number().optional(),
});
export type AuthorizationCodeRecord = z.infer<typeof authorizationCodeRecordSchema>;

export const amazonStateRecordSchema = z.object({
  hash: z.string(),
  applicationId: z.string(),
  sellingPartnerId: z.string(),
  region: regionSchema,
  expiresAt: z.number(),
  usedAt: z.number().optional(),
});
export type AmazonStateRecord = z.infer<typeof amazonStateRecordSchema>;

export const restrictedResourceSchema = z.object({
  method: z.enum(["GET", "PUT", "POST", "DELETE"]),
  path: z.string(),
  dataElements: z.array(z.string()).optional(),
});
export type RestrictedResource = z.infer<typeof restrictedResourceSchema>;

export const restrictedDataTokenRecordSchema = z.object({
  hash: z.string(),
  applicationId: z.string(),
  sellingPartnerId: z.string(),
  accessTokenHash: z.string(),
  resources: z.array(restrictedResourceSchema),
  expiresAt: z.number(),
});
export type RestrictedDataTokenRecord = z.infer<typeof restrictedDataTokenRecordSchema>;

export const destinationRecordSchema = z.object({
  destinationId: z.string(),
  applicationId: z.string(),
  name: z.string(),
  arn: z.string(),
  createdAt: z.number(),
});
export type DestinationRecord = z.infer<typeof destinationRecordSchema>;

export const notificationEnvelopeSchema = z.object({
  notificationVersion: z.string(),
  notificationType: z.string(),
  payloadVersion: z.string(),
  eventTime: z.string(),
  payload: z.record(z.string(), z.unknown()),
  notificationMetadata: z.object({
    applicationId: z.string(),
    subscriptionId: z.string(),
    publishTime: z.string(),
    notificationId: z.string(),
  }),
});
export type NotificationEnvelope = z.infer<typeof notificationEnvelopeSchema>;

export const deliveryRecordSchema = z.object({
  notificationId: z.string(),
  target: z.string(),
  ok: z.boolean(),
  status: z.number().optional(),
  error: z.string().optional(),
  at: z.number(),
});
export type DeliveryRecord = z.infer<typeof deliveryRecordSchema>;

export const sandboxConfigSchema = z.object({
  /** Token-bucket enforcement on SP-API operations. */
  rateLimits: z.boolean(),
  notificationSinkUrl: z.string().nullable(),
  /**
   * unconfirmed: the vendorOrders model marks no query parameter as required, but describes the time
   * frame as defined by createdAfter/changedAfter. The sandbox requires one of them by default.
   */
  requirePurchaseOrderTimeFrame: z.boolean(),
});
export type SandboxConfig = z.infer<typeof sandboxConfigSchema>;

const countsSchema = z.record(z.string(), z.number());

export const statsSchema = z.object({
  lwa: z.object({
    total: z.number(),
    byGrantType: countsSchema,
    byStatus: countsSchema,
    byClient: z.record(z.string(), z.object({ total: z.number(), byGrantType: countsSchema })),
  }),
  spapi: z.object({
    total: z.number(),
    byOperation: z.record(z.string(), z.object({ total: z.number(), byStatus: countsSchema })),
    byStatus: countsSchema,
    userAgents: countsSchema,
    lastUserAgent: z.string().nullable(),
  }),
});
export type Stats = z.infer<typeof statsSchema>;

export const stateDataSchema = z.object({
  version: z.literal(1),
  createdAt: z.number(),
  clockOffsetMs: z.number(),
  defaultApplicationId: z.string(),
  config: sandboxConfigSchema,
  apps: z.array(appSchema),
  accounts: z.array(accountSchema),
  refreshTokens: z.array(refreshTokenRecordSchema),
  accessTokens: z.array(accessTokenRecordSchema),
  authorizationCodes: z.array(authorizationCodeRecordSchema),
  amazonStates: z.array(amazonStateRecordSchema),
  restrictedDataTokens: z.array(restrictedDataTokenRecordSchema),
  destinations: z.array(destinationRecordSchema),
  notifications: z.array(notificationEnvelopeSchema),
  deliveries: z.array(deliveryRecordSchema),
  /** Self-authorizations per `${applicationId} ${sellingPartnerId}`. */
  selfAuthorizations: z.record(z.string(), z.number()),
  stats: statsSchema,
});
export type StateData = z.infer<typeof stateDataSchema>;
