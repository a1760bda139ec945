-- CreateEnum
CREATE TYPE "IdentityConflictKind" AS ENUM ('CLAIMED_ELSEWHERE', 'FINGERPRINT_CHANGED');

-- AlterEnum
ALTER TYPE "AuthorizationStatus" ADD VALUE 'IDENTITY_CONFLICT';

-- AlterTable
ALTER TABLE "Authorization" ADD COLUMN     "accountFingerprint" JSONB;

-- CreateTable
CREATE TABLE "IdentityConflict" (
    "id" TEXT NOT NULL,
    "kind" "IdentityConflictKind" NOT NULL,
    "authorizationId" TEXT NOT NULL,
    "heldById" TEXT,
    "region" "Region" NOT NULL,
    "sellingPartnerId" TEXT NOT NULL,
    "claimedFingerprint" JSONB,
    "heldFingerprint" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "resolution" TEXT,

    CONSTRAINT "IdentityConflict_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IdentityConflict_authorizationId_resolvedAt_idx" ON "IdentityConflict"("authorizationId", "resolvedAt");

-- CreateIndex
CREATE INDEX "IdentityConflict_heldById_resolvedAt_idx" ON "IdentityConflict"("heldById", "resolvedAt");

-- CreateIndex
CREATE INDEX "IdentityConflict_resolvedAt_idx" ON "IdentityConflict"("resolvedAt");

-- AddForeignKey
ALTER TABLE "IdentityConflict" ADD CONSTRAINT "IdentityConflict_authorizationId_fkey" FOREIGN KEY ("authorizationId") REFERENCES "Authorization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityConflict" ADD CONSTRAINT "IdentityConflict_heldById_fkey" FOREIGN KEY ("heldById") REFERENCES "Authorization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
