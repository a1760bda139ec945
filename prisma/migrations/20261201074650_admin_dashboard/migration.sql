-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "Authorization_status_renewalDueAt_idx" ON "Authorization"("status", "renewalDueAt");

-- CreateIndex
CREATE INDEX "Authorization_consecutiveFailures_idx" ON "Authorization"("consecutiveFailures");

-- CreateIndex
CREATE INDEX "Authorization_inactiveSince_idx" ON "Authorization"("inactiveSince");

-- CreateIndex
CREATE INDEX "Tenant_createdAt_idx" ON "Tenant"("createdAt");

-- CreateIndex
CREATE INDEX "Tenant_kind_createdAt_idx" ON "Tenant"("kind", "createdAt");

-- CreateIndex
CREATE INDEX "Tenant_searchVector_idx" ON "Tenant" USING GIN ("searchVector");

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

CREATE FUNCTION latchkey_authorization_search_after_write() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      UPDATE "Tenant" t SET "searchVector" = latchkey_tenant_search_vector(t."id", t."name", t."contactEmail") WHERE t."id" = OLD."tenantId";
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW."tenantId" IS DISTINCT FROM OLD."tenantId") THEN
      UPDATE "Tenant" t SET "searchVector" = latchkey_tenant_search_vector(t."id", t."name", t."contactEmail") WHERE t."id" = NEW."tenantId";
    END IF;
    RETURN NULL;
  END $$;

CREATE TRIGGER "Authorization_search_vector_insert"
  AFTER INSERT ON "Authorization"
  FOR EACH ROW WHEN (NEW."sellingPartnerId" IS NOT NULL) EXECUTE FUNCTION latchkey_authorization_search_after_write();

CREATE TRIGGER "Authorization_search_vector_update"
  AFTER UPDATE OF "sellingPartnerId", "tenantId" ON "Authorization"
  FOR EACH ROW WHEN (NEW."sellingPartnerId" IS DISTINCT FROM OLD."sellingPartnerId" OR NEW."tenantId" IS DISTINCT FROM OLD."tenantId")
  EXECUTE FUNCTION latchkey_authorization_search_after_write();

CREATE TRIGGER "Authorization_search_vector_delete"
  AFTER DELETE ON "Authorization"
  FOR EACH ROW WHEN (OLD."sellingPartnerId" IS NOT NULL) EXECUTE FUNCTION latchkey_authorization_search_after_write();

UPDATE "Tenant" SET "searchVector" = latchkey_tenant_search_vector("id", "name", "contactEmail");
