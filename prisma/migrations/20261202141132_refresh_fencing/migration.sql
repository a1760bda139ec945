-- AlterTable
ALTER TABLE "AccessTokenCache" ADD COLUMN     "leaseGeneration" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Authorization_status_lastRefreshAt_idx" ON "Authorization"("status", "lastRefreshAt");
