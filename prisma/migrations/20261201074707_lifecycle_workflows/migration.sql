-- CreateTable
CREATE TABLE "LifecycleNotice" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "cycle" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "tenantId" TEXT,
    "emailed" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LifecycleNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderPreference" (
    "tenantId" TEXT NOT NULL,
    "renewalReminders" BOOLEAN NOT NULL DEFAULT true,
    "inactivityReminders" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderPreference_pkey" PRIMARY KEY ("tenantId")
);

-- CreateIndex
CREATE INDEX "LifecycleNotice_subjectId_kind_idx" ON "LifecycleNotice"("subjectId", "kind");

-- CreateIndex
CREATE INDEX "LifecycleNotice_createdAt_idx" ON "LifecycleNotice"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LifecycleNotice_kind_subjectId_cycle_stage_key" ON "LifecycleNotice"("kind", "subjectId", "cycle", "stage");

-- AddForeignKey
ALTER TABLE "ReminderPreference" ADD CONSTRAINT "ReminderPreference_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
