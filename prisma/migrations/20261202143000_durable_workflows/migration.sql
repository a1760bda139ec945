-- CreateEnum
CREATE TYPE "WorkflowJobStatus" AS ENUM ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "WorkflowJob" (
    "id" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "eventData" JSONB NOT NULL,
    "functionId" TEXT,
    "concurrencyKey" TEXT,
    "status" "WorkflowJobStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "runAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMPTZ(6),
    "lockedBy" TEXT,
    "steps" JSONB NOT NULL DEFAULT '{}',
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(6),

    CONSTRAINT "WorkflowJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowCronClaim" (
    "functionId" TEXT NOT NULL,
    "scheduledAt" TIMESTAMPTZ(6) NOT NULL,
    "claimedBy" TEXT NOT NULL,
    "claimedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkflowCronClaim_pkey" PRIMARY KEY ("functionId","scheduledAt")
);

-- CreateIndex
CREATE INDEX "WorkflowJob_status_runAt_idx" ON "WorkflowJob"("status", "runAt");

-- CreateIndex
CREATE INDEX "WorkflowJob_concurrencyKey_status_idx" ON "WorkflowJob"("concurrencyKey", "status");
