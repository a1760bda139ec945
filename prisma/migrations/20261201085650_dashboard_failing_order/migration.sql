-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "hasFailingAuthorization" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Tenant_hasFailingAuthorization_createdAt_id_idx" ON "Tenant"("hasFailingAuthorization", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Tenant_hasFailingAuthorization_name_id_idx" ON "Tenant"("hasFailingAuthorization", "name", "id");

-- Hand-written (Prisma cannot express functions or triggers). "Failing" is the admin table's condition
-- (lib/tenants/list-tenant-authorizations.ts FAILING_SQL): refreshes failing, the last test failed, or the
-- last refresh left an error; NULL counts as not failing, as it does in the table's WHERE.
CREATE FUNCTION latchkey_authorization_failing(consecutive_failures integer, last_connectivity_ok boolean, last_refresh_error text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(consecutive_failures > 0 OR last_connectivity_ok = false OR last_refresh_error IS NOT NULL, false) $$;

-- The tenants' rows are locked first (in id order, so two writers cannot deadlock), then the flag is computed
-- by a second statement, whose fresh snapshot sees what a concurrent writer of the same tenant committed.
CREATE FUNCTION latchkey_refresh_tenant_failing(tenant_ids text[]) RETURNS void
  LANGUAGE plpgsql
  AS $$ BEGIN
    IF coalesce(array_length(tenant_ids, 1), 0) = 0 THEN RETURN; END IF;
    PERFORM 1 FROM "Tenant" t WHERE t."id" = ANY(tenant_ids) ORDER BY t."id" FOR UPDATE;
    UPDATE "Tenant" t SET "hasFailingAuthorization" = f.failing
    FROM (SELECT t2."id", EXISTS (SELECT 1 FROM "Authorization" a WHERE a."tenantId" = t2."id"
            AND latchkey_authorization_failing(a."consecutiveFailures", a."lastConnectivityOk", a."lastRefreshError")) AS failing
          FROM "Tenant" t2 WHERE t2."id" = ANY(tenant_ids)) f
    WHERE t."id" = f."id" AND t."hasFailingAuthorization" IS DISTINCT FROM f.failing;
  END $$;

CREATE FUNCTION latchkey_authorization_failing_after_insert() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    PERFORM latchkey_refresh_tenant_failing(ARRAY(SELECT DISTINCT n."tenantId" FROM new_rows n
      WHERE latchkey_authorization_failing(n."consecutiveFailures", n."lastConnectivityOk", n."lastRefreshError")));
    RETURN NULL;
  END $$;

CREATE FUNCTION latchkey_authorization_failing_after_delete() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    PERFORM latchkey_refresh_tenant_failing(ARRAY(SELECT DISTINCT o."tenantId" FROM old_rows o
      WHERE latchkey_authorization_failing(o."consecutiveFailures", o."lastConnectivityOk", o."lastRefreshError")));
    RETURN NULL;
  END $$;

CREATE FUNCTION latchkey_authorization_failing_after_update() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    PERFORM latchkey_refresh_tenant_failing(ARRAY[OLD."tenantId", NEW."tenantId"]);
    RETURN NULL;
  END $$;

CREATE TRIGGER "Authorization_failing_insert"
  AFTER INSERT ON "Authorization" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION latchkey_authorization_failing_after_insert();

CREATE TRIGGER "Authorization_failing_delete"
  AFTER DELETE ON "Authorization" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION latchkey_authorization_failing_after_delete();

-- Only a change of failing-ness (or of tenant) touches the tenant: an ordinary refresh or test does not.
CREATE TRIGGER "Authorization_failing_update"
  AFTER UPDATE OF "consecutiveFailures", "lastConnectivityOk", "lastRefreshError", "tenantId" ON "Authorization"
  FOR EACH ROW WHEN (
    latchkey_authorization_failing(OLD."consecutiveFailures", OLD."lastConnectivityOk", OLD."lastRefreshError")
      IS DISTINCT FROM latchkey_authorization_failing(NEW."consecutiveFailures", NEW."lastConnectivityOk", NEW."lastRefreshError")
    OR NEW."tenantId" IS DISTINCT FROM OLD."tenantId")
  EXECUTE FUNCTION latchkey_authorization_failing_after_update();

UPDATE "Tenant" t SET "hasFailingAuthorization" = true
WHERE EXISTS (SELECT 1 FROM "Authorization" a WHERE a."tenantId" = t."id"
  AND latchkey_authorization_failing(a."consecutiveFailures", a."lastConnectivityOk", a."lastRefreshError"));
