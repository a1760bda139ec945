-- CreateEnum
CREATE TYPE "LedgerChangeKind" AS ENUM ('ADD', 'CHANGE', 'REMOVE');

-- CreateEnum
CREATE TYPE "LedgerProposalStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" TEXT NOT NULL,
    "api" TEXT NOT NULL,
    "operationId" TEXT NOT NULL,
    "roles" TEXT[],
    "partnerKinds" "PartnerKind"[],
    "reason" TEXT NOT NULL,
    "proposedById" TEXT,
    "proposedByEmail" TEXT,
    "approvedById" TEXT,
    "approvedByEmail" TEXT,
    "approvedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerProposal" (
    "id" TEXT NOT NULL,
    "kind" "LedgerChangeKind" NOT NULL,
    "api" TEXT NOT NULL,
    "operationId" TEXT NOT NULL,
    "roles" TEXT[],
    "partnerKinds" "PartnerKind"[],
    "reason" TEXT,
    "note" TEXT,
    "status" "LedgerProposalStatus" NOT NULL DEFAULT 'PENDING',
    "pendingKey" TEXT,
    "proposedById" TEXT NOT NULL,
    "proposedByEmail" TEXT NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedByEmail" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,

    CONSTRAINT "LedgerProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_api_operationId_key" ON "LedgerEntry"("api", "operationId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerProposal_pendingKey_key" ON "LedgerProposal"("pendingKey");

-- CreateIndex
CREATE INDEX "LedgerProposal_status_proposedAt_idx" ON "LedgerProposal"("status", "proposedAt");

-- CreateIndex
CREATE INDEX "LedgerProposal_decidedAt_idx" ON "LedgerProposal"("decidedAt");
