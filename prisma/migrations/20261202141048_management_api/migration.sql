-- CreateEnum
CREATE TYPE "ConnectLinkFlow" AS ENUM ('CONNECT', 'REAUTHORIZE');

-- AlterTable
ALTER TABLE "OAuthState" ADD COLUMN     "connectLinkId" TEXT;

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "metadata" JSONB;

-- CreateTable
CREATE TABLE "ConnectLink" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "sessionHash" TEXT,
    "apiKeyId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "region" "Region" NOT NULL,
    "marketplaceId" TEXT NOT NULL,
    "flow" "ConnectLinkFlow" NOT NULL,
    "returnUrl" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "openedAt" TIMESTAMP(3),
    "sessionExpiresAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "authorizationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConnectLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "id" TEXT NOT NULL,
    "apiKeyId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "responseStatus" INTEGER,
    "responseBody" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConnectLink_tokenHash_key" ON "ConnectLink"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "ConnectLink_sessionHash_key" ON "ConnectLink"("sessionHash");

-- CreateIndex
CREATE INDEX "ConnectLink_tenantId_createdAt_idx" ON "ConnectLink"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "ConnectLink_expiresAt_idx" ON "ConnectLink"("expiresAt");

-- CreateIndex
CREATE INDEX "IdempotencyKey_expiresAt_idx" ON "IdempotencyKey"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyKey_apiKeyId_key_key" ON "IdempotencyKey"("apiKeyId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_externalId_key" ON "Tenant"("externalId");

-- AddForeignKey
ALTER TABLE "OAuthState" ADD CONSTRAINT "OAuthState_connectLinkId_fkey" FOREIGN KEY ("connectLinkId") REFERENCES "ConnectLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectLink" ADD CONSTRAINT "ConnectLink_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
