-- CreateEnum
CREATE TYPE "PartnerKind" AS ENUM ('SELLER', 'VENDOR');

-- CreateEnum
CREATE TYPE "Region" AS ENUM ('NA', 'EU', 'FE');

-- CreateEnum
CREATE TYPE "AuthType" AS ENUM ('WEBSITE', 'APPSTORE', 'SELF');

-- CreateEnum
CREATE TYPE "AuthorizationStatus" AS ENUM ('PENDING', 'ACTIVE', 'REAUTH_REQUIRED', 'QUARANTINED', 'REVOKED');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('ADMIN', 'PARTNER');

-- CreateEnum
CREATE TYPE "OAuthFlow" AS ENUM ('WEBSITE', 'APPSTORE', 'REAUTHORIZE');

-- CreateEnum
CREATE TYPE "AppStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "SecretState" AS ENUM ('PENDING', 'CURRENT', 'PREVIOUS', 'RETIRED');

-- CreateEnum
CREATE TYPE "SecretSource" AS ENUM ('MANUAL', 'NOTIFICATION');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('PARTNER', 'ADMIN', 'SYSTEM', 'API_KEY', 'AMAZON');

-- CreateTable
CREATE TABLE "DataKey" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT,
    "purpose" TEXT NOT NULL DEFAULT 'tenant',
    "wrappedKey" TEXT NOT NULL,
    "masterKeyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rewrappedAt" TIMESTAMP(3),

    CONSTRAINT "DataKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tenant" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PartnerKind" NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "marketplaceIds" TEXT[],
    "quarantinedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Authorization" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "region" "Region" NOT NULL,
    "sellingPartnerId" TEXT,
    "authType" "AuthType" NOT NULL,
    "status" "AuthorizationStatus" NOT NULL DEFAULT 'PENDING',
    "statusReason" TEXT,
    "refreshTokenCiphertext" TEXT,
    "refreshTokenFingerprint" TEXT,
    "roles" TEXT[],
    "marketplaceIds" TEXT[],
    "authorizedAt" TIMESTAMP(3),
    "renewalDueAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "lastRefreshAt" TIMESTAMP(3),
    "lastRefreshError" TEXT,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "refreshCooldownUntil" TIMESTAMP(3),
    "lastConnectivityAt" TIMESTAMP(3),
    "lastConnectivityOk" BOOLEAN,
    "inactiveSince" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "quarantinedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Authorization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OAuthState" (
    "id" TEXT NOT NULL,
    "stateHash" TEXT NOT NULL,
    "browserBindingHash" TEXT NOT NULL,
    "flow" "OAuthFlow" NOT NULL,
    "tenantId" TEXT NOT NULL,
    "userId" TEXT,
    "authorizationId" TEXT,
    "region" "Region" NOT NULL,
    "marketplaceId" TEXT,
    "redirectUri" TEXT NOT NULL,
    "reason" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "consumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OAuthState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessTokenCache" (
    "id" TEXT NOT NULL,
    "cacheKey" TEXT NOT NULL,
    "authorizationId" TEXT,
    "tokenCiphertext" TEXT,
    "expiresAt" TIMESTAMP(3),
    "refreshedAt" TIMESTAMP(3),
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccessTokenCache_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppClient" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "appName" TEXT NOT NULL,
    "status" "AppStatus" NOT NULL DEFAULT 'DRAFT',
    "roles" TEXT[],
    "billingStatus" TEXT,
    "chargeMethodExpiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppClientSecret" (
    "id" TEXT NOT NULL,
    "appClientId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "state" "SecretState" NOT NULL,
    "source" "SecretSource" NOT NULL,
    "secretCiphertext" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "verifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppClientSecret_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AmazonNotification" (
    "id" TEXT NOT NULL,
    "notificationId" TEXT NOT NULL,
    "notificationType" TEXT NOT NULL,
    "clientId" TEXT,
    "receivedVia" TEXT NOT NULL,
    "outcome" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "AmazonNotification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "tenantIds" TEXT[],
    "rateLimitPerMinute" INTEGER NOT NULL DEFAULT 600,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "tenantId" TEXT,
    "authorizationId" TEXT,
    "action" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "requestId" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailOutbox" (
    "id" TEXT NOT NULL,
    "dedupeKey" TEXT,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'QUEUED',
    "provider" TEXT NOT NULL,
    "providerMessageId" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "EmailOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT NOT NULL,
    "emailVerified" TIMESTAMP(3),
    "image" TEXT,
    "role" "UserRole" NOT NULL DEFAULT 'PARTNER',
    "tenantId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("provider","providerAccountId")
);

-- CreateTable
CREATE TABLE "Session" (
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VerificationToken_pkey" PRIMARY KEY ("identifier","token")
);

-- CreateIndex
CREATE UNIQUE INDEX "DataKey_tenantId_key" ON "DataKey"("tenantId");

-- CreateIndex
CREATE INDEX "DataKey_masterKeyId_idx" ON "DataKey"("masterKeyId");

-- CreateIndex
CREATE INDEX "Tenant_name_idx" ON "Tenant"("name");

-- CreateIndex
CREATE INDEX "Tenant_contactEmail_idx" ON "Tenant"("contactEmail");

-- CreateIndex
CREATE INDEX "Authorization_region_sellingPartnerId_idx" ON "Authorization"("region", "sellingPartnerId");

-- CreateIndex
CREATE INDEX "Authorization_status_idx" ON "Authorization"("status");

-- CreateIndex
CREATE INDEX "Authorization_renewalDueAt_idx" ON "Authorization"("renewalDueAt");

-- CreateIndex
CREATE INDEX "Authorization_lastUsedAt_idx" ON "Authorization"("lastUsedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Authorization_tenantId_region_key" ON "Authorization"("tenantId", "region");

-- CreateIndex
CREATE UNIQUE INDEX "OAuthState_stateHash_key" ON "OAuthState"("stateHash");

-- CreateIndex
CREATE INDEX "OAuthState_expiresAt_idx" ON "OAuthState"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "AccessTokenCache_cacheKey_key" ON "AccessTokenCache"("cacheKey");

-- CreateIndex
CREATE INDEX "AccessTokenCache_expiresAt_idx" ON "AccessTokenCache"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "AppClient_applicationId_key" ON "AppClient"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "AppClient_clientId_key" ON "AppClient"("clientId");

-- CreateIndex
CREATE INDEX "AppClientSecret_appClientId_state_idx" ON "AppClientSecret"("appClientId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "AppClientSecret_appClientId_version_key" ON "AppClientSecret"("appClientId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "AmazonNotification_notificationId_key" ON "AmazonNotification"("notificationId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "AuditLog_tenantId_at_idx" ON "AuditLog"("tenantId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_authorizationId_at_idx" ON "AuditLog"("authorizationId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE UNIQUE INDEX "EmailOutbox_dedupeKey_key" ON "EmailOutbox"("dedupeKey");

-- CreateIndex
CREATE INDEX "EmailOutbox_createdAt_idx" ON "EmailOutbox"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");

-- AddForeignKey
ALTER TABLE "DataKey" ADD CONSTRAINT "DataKey_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Authorization" ADD CONSTRAINT "Authorization_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OAuthState" ADD CONSTRAINT "OAuthState_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OAuthState" ADD CONSTRAINT "OAuthState_authorizationId_fkey" FOREIGN KEY ("authorizationId") REFERENCES "Authorization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessTokenCache" ADD CONSTRAINT "AccessTokenCache_authorizationId_fkey" FOREIGN KEY ("authorizationId") REFERENCES "Authorization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppClientSecret" ADD CONSTRAINT "AppClientSecret_appClientId_fkey" FOREIGN KEY ("appClientId") REFERENCES "AppClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit log is append-only: no UPDATE, DELETE or TRUNCATE, whatever the application does.
CREATE FUNCTION "audit_log_reject_change"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_reject_change"();

CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_reject_change"();
