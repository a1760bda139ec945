-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "Authorization_status_renewalDueAt_idx" ON "Authorization"("status", "renewalDueAt");

-- CreateIndex
CREATE INDEX "Authorization_consecutiveFailures_idx" ON "Authorization"("consecutiveFailures");

-- CreateIndex
CREATE INDEX "Authorization_lastConnectivityOk_idx" ON "Authorization"("lastConnectivityOk");

-- CreateIndex
CREATE INDEX "Authorization_lastRefreshError_idx" ON "Authorization"("lastRefreshError");

-- CreateIndex
CREATE INDEX "Authorization_inactiveSince_idx" ON "Authorization"("inactiveSince");

-- CreateIndex
CREATE INDEX "Tenant_createdAt_idx" ON "Tenant"("createdAt");

-- CreateIndex
CREATE INDEX "Tenant_kind_createdAt_idx" ON "Tenant"("kind", "createdAt");

-- CreateIndex
-- fastupdate off: every search reads the index alone, never a growing pending list (writes to tenants are rare).
CREATE INDEX "Tenant_searchVector_idx" ON "Tenant" USING GIN ("searchVector") WITH (fastupdate = off);

-- Search for the admin tenants table, without pg_trgm (not available on PGlite): words of the tenant's
-- name, contact email and its authorizations' selling partner ids, matched by prefix (`acme:* & corp:*`)
-- through the GIN index above. Both sides are normalized by the same function, so they always agree.
CREATE FUNCTION latchkey_search_text(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(regexp_replace(coalesce(input, ''), '[^[:alnum:]]+', ' ', 'g')) $$;

CREATE FUNCTION latchkey_search_query(input text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT to_tsquery('simple', string_agg(word || ':*', ' & '))
        FROM regexp_split_to_table(trim(latchkey_search_text(input)), ' +') AS word WHERE word <> '' $$;

CREATE FUNCTION latchkey_tenant_search_vector(tenant_id text, tenant_name text, contact_email text) RETURNS tsvector
  LANGUAGE sql STABLE
  AS $$ SELECT to_tsvector('simple', latchkey_search_text(tenant_name) || ' ' || latchkey_search_text(contact_email) || ' ' ||
          coalesce((SELECT string_agg(latchkey_search_text(a."sellingPartnerId"), ' ') FROM "Authorization" a WHERE a."tenantId" = tenant_id), '')) $$;

CREATE FUNCTION latchkey_tenant_search_before_write() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    NEW."searchVector" := latchkey_tenant_search_vector(NEW."id", NEW."name", NEW."contactEmail");
    RETURN NEW;
  END $$;

CREATE TRIGGER "Tenant_search_vector"
  BEFORE INSERT OR UPDATE OF "name", "contactEmail" ON "Tenant"
  FOR EACH ROW EXECUTE FUNCTION latchkey_tenant_search_before_write();

-- Inserts and deletes of authorizations refresh their tenants' vectors once per statement (a bulk insert
-- of many authorizations is one UPDATE, not one per row); a changed selling partner id, row by row.
CREATE FUNCTION latchkey_refresh_tenant_search(tenant_ids text[]) RETURNS void
  LANGUAGE sql
  AS $$ UPDATE "Tenant" t SET "searchVector" = latchkey_tenant_search_vector(t."id", t."name", t."contactEmail") WHERE t."id" = ANY(tenant_ids) $$;

CREATE FUNCTION latchkey_authorization_search_after_insert() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    PERFORM latchkey_refresh_tenant_search(ARRAY(SELECT DISTINCT n."tenantId" FROM new_rows n WHERE n."sellingPartnerId" IS NOT NULL));
    RETURN NULL;
  END $$;

CREATE FUNCTION latchkey_authorization_search_after_delete() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    PERFORM latchkey_refresh_tenant_search(ARRAY(SELECT DISTINCT o."tenantId" FROM old_rows o WHERE o."sellingPartnerId" IS NOT NULL));
    RETURN NULL;
  END $$;

CREATE FUNCTION latchkey_authorization_search_after_update() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    PERFORM latchkey_refresh_tenant_search(ARRAY[OLD."tenantId", NEW."tenantId"]);
    RETURN NULL;
  END $$;

CREATE TRIGGER "Authorization_search_vector_insert"
  AFTER INSERT ON "Authorization" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION latchkey_authorization_search_after_insert();

CREATE TRIGGER "Authorization_search_vector_delete"
  AFTER DELETE ON "Authorization" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION latchkey_authorization_search_after_delete();

CREATE TRIGGER "Authorization_search_vector_update"
  AFTER UPDATE OF "sellingPartnerId", "tenantId" ON "Authorization"
  FOR EACH ROW WHEN (NEW."sellingPartnerId" IS DISTINCT FROM OLD."sellingPartnerId" OR NEW."tenantId" IS DISTINCT FROM OLD."tenantId")
  EXECUTE FUNCTION latchkey_authorization_search_after_update();

UPDATE "Tenant" SET "searchVector" = latchkey_tenant_search_vector("id", "name", "contactEmail");
