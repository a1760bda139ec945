-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "contactLocale" TEXT;
