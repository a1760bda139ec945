-- CreateTable
CREATE TABLE "SignInRateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "SignInRateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SignInRateLimit_windowStart_idx" ON "SignInRateLimit"("windowStart");
