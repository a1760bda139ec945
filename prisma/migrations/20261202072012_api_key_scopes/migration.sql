-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "scopes" TEXT[];

-- Keys made before scopes existed keep what they could do: every scope a key can hold (client-secret
-- rotation never was one, and no key can hold it now).
UPDATE "ApiKey" SET "scopes" = ARRAY['access_tokens', 'restricted_data_tokens', 'outcomes', 'grantless_notifications']::TEXT[];
