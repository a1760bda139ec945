-- CreateEnum
CREATE TYPE "RotationStatus" AS ENUM ('REQUESTED', 'COMPLETED', 'FAILED', 'OVERDUE');

-- CreateTable
CREATE TABLE "SecretRotation" (
    "id" TEXT NOT NULL,
    "appClientId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT NOT NULL,
    "actorType" "ActorType" NOT NULL,
    "requestedBy" TEXT,
    "status" "RotationStatus" NOT NULL DEFAULT 'REQUESTED',
    "notificationReceivedAt" TIMESTAMP(3),
    "verifiedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "newSecretVersion" INTEGER,
    "error" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SecretRotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppClientAlert" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppClientAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationIngestReceipt" (
    "signatureHash" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationIngestReceipt_pkey" PRIMARY KEY ("signatureHash")
);

-- CreateIndex
CREATE INDEX "SecretRotation_appClientId_startedAt_idx" ON "SecretRotation"("appClientId", "startedAt");

-- CreateIndex
CREATE INDEX "SecretRotation_status_idx" ON "SecretRotation"("status");

-- CreateIndex
CREATE INDEX "AppClientAlert_raisedAt_idx" ON "AppClientAlert"("raisedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AppClientAlert_kind_windowStart_key" ON "AppClientAlert"("kind", "windowStart");

-- CreateIndex
CREATE INDEX "NotificationIngestReceipt_receivedAt_idx" ON "NotificationIngestReceipt"("receivedAt");

-- AddForeignKey
ALTER TABLE "SecretRotation" ADD CONSTRAINT "SecretRotation_appClientId_fkey" FOREIGN KEY ("appClientId") REFERENCES "AppClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;
