-- CreateTable
CREATE TABLE "GatewayRateBucket" (
    "authorizationId" TEXT NOT NULL,
    "usagePlan" TEXT NOT NULL,
    "rate" DOUBLE PRECISION NOT NULL,
    "burst" INTEGER NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "GatewayRateBucket_pkey" PRIMARY KEY ("authorizationId","usagePlan")
);
