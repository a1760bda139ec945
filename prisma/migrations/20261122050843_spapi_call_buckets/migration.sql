-- CreateTable
CREATE TABLE "SpApiCallBucket" (
    "id" TEXT NOT NULL,
    "authorizationId" TEXT NOT NULL,
    "bucketStart" TIMESTAMP(3) NOT NULL,
    "operation" TEXT NOT NULL,
    "statusClass" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "latencyMsSum" INTEGER NOT NULL DEFAULT 0,
    "latencyMsMax" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SpApiCallBucket_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SpApiCallBucket_bucketStart_idx" ON "SpApiCallBucket"("bucketStart");

-- CreateIndex
CREATE UNIQUE INDEX "SpApiCallBucket_authorizationId_bucketStart_operation_statu_key" ON "SpApiCallBucket"("authorizationId", "bucketStart", "operation", "statusClass");
