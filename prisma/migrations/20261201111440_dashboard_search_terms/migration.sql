-- CreateTable
CREATE TABLE "TenantSearchTerm" (
    "word" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "tenantId" TEXT NOT NULL,

    CONSTRAINT "TenantSearchTerm_pkey" PRIMARY KEY ("word","createdAt","tenantId")
);

-- Hand-written (Prisma cannot express functions or triggers). The terms follow the tenant's searchVector
-- exactly: a tenant whose vector or creation time changes has its old terms replaced by the new ones.
-- No foreign key (a cascade would have to scan the table by tenant); deletes and truncates are followed here.
CREATE FUNCTION latchkey_tenant_search_terms_after_insert() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    INSERT INTO "TenantSearchTerm" ("word", "createdAt", "tenantId")
    SELECT DISTINCT w, n."createdAt", n."id" FROM new_rows n, unnest(tsvector_to_array(n."searchVector")) AS w
    ON CONFLICT DO NOTHING;
    RETURN NULL;
  END $$;

CREATE FUNCTION latchkey_tenant_search_terms_after_update() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    DELETE FROM "TenantSearchTerm" s
    USING (SELECT w, o."createdAt", o."id" FROM old_rows o JOIN new_rows n ON n."id" = o."id",
                  unnest(tsvector_to_array(o."searchVector")) AS w
           WHERE o."searchVector" IS DISTINCT FROM n."searchVector" OR o."createdAt" IS DISTINCT FROM n."createdAt") gone
    WHERE s."word" = gone.w AND s."createdAt" = gone."createdAt" AND s."tenantId" = gone."id";
    INSERT INTO "TenantSearchTerm" ("word", "createdAt", "tenantId")
    SELECT DISTINCT w, n."createdAt", n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id",
           unnest(tsvector_to_array(n."searchVector")) AS w
    WHERE o."searchVector" IS DISTINCT FROM n."searchVector" OR o."createdAt" IS DISTINCT FROM n."createdAt"
    ON CONFLICT DO NOTHING;
    RETURN NULL;
  END $$;

CREATE FUNCTION latchkey_tenant_search_terms_after_delete() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    DELETE FROM "TenantSearchTerm" s
    USING (SELECT w, o."createdAt", o."id" FROM old_rows o, unnest(tsvector_to_array(o."searchVector")) AS w) gone
    WHERE s."word" = gone.w AND s."createdAt" = gone."createdAt" AND s."tenantId" = gone."id";
    RETURN NULL;
  END $$;

CREATE FUNCTION latchkey_tenant_search_terms_after_truncate() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    -- Unless the same TRUNCATE already emptied it (it cannot be truncated twice in one statement).
    IF EXISTS (SELECT 1 FROM "TenantSearchTerm") THEN TRUNCATE "TenantSearchTerm"; END IF;
    RETURN NULL;
  END $$;

CREATE TRIGGER "Tenant_search_terms_insert"
  AFTER INSERT ON "Tenant" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION latchkey_tenant_search_terms_after_insert();

CREATE TRIGGER "Tenant_search_terms_update"
  AFTER UPDATE ON "Tenant" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION latchkey_tenant_search_terms_after_update();

CREATE TRIGGER "Tenant_search_terms_delete"
  AFTER DELETE ON "Tenant" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION latchkey_tenant_search_terms_after_delete();

CREATE TRIGGER "Tenant_search_terms_truncate"
  AFTER TRUNCATE ON "Tenant"
  FOR EACH STATEMENT EXECUTE FUNCTION latchkey_tenant_search_terms_after_truncate();

-- The ids of the first `max_rows` tenants matching a search, newest or oldest first (the admin table's
-- default orders). Same meaning as latchkey_search_query: every typed word matches the beginning of a word
-- of the tenant, all must match.
-- When every typed word is common (each a prefix of at most 8 known words, each with at least COMMON_TERM
-- tenants) the tenants are read in order from the terms' primary key, one ordered stream per word merged
-- and intersected, stopping after `max_rows`: the cost follows the page, not how many tenants match. A rare
-- word means few matches, which the GIN index finds faster; a prefix of many words stays a GIN prefix match.
CREATE FUNCTION latchkey_search_tenant_ids(input text, newest boolean, max_rows integer) RETURNS SETOF text
  LANGUAGE plpgsql STABLE
  -- Only a merge join reads the ordered streams lazily; the alternatives read every match first.
  SET enable_hashjoin = off SET enable_nestloop = off
  ROWS 50
  AS $$
  DECLARE
    common_term constant integer := 500;
    direction constant text := CASE WHEN newest THEN 'DESC' ELSE 'ASC' END;
    typed text[];
    prefix text;
    expansions text[];
    known integer;
    streams text[] := '{}';
    joined text;
  BEGIN
    SELECT array_agg(w) INTO typed
    FROM (SELECT w FROM regexp_split_to_table(trim(latchkey_search_text(input)), ' +') AS w WHERE w <> '' LIMIT 100) p;
    IF typed IS NULL THEN RETURN; END IF;
    IF cardinality(typed) <= 8 THEN
      FOREACH prefix IN ARRAY typed LOOP
        SELECT array_agg(v."word") INTO expansions
        FROM (SELECT s."word" FROM "TenantSearchWord" s
              WHERE s."word" >= prefix COLLATE "C" AND s."word" < (prefix || chr(1114111)) COLLATE "C"
              ORDER BY s."word" LIMIT 9) v;
        -- No known word begins so: nothing can match.
        IF expansions IS NULL THEN RETURN; END IF;
        IF cardinality(expansions) > 8 THEN streams := NULL; EXIT; END IF;
        SELECT count(*) INTO known FROM (SELECT 1 FROM "TenantSearchTerm" s WHERE s."word" = ANY(expansions) LIMIT common_term) c;
        IF known < common_term THEN streams := NULL; EXIT; END IF;
        -- One word: its key range is already in order. Several: their ranges merged in order, each tenant once.
        streams := streams || CASE WHEN cardinality(expansions) = 1
          THEN format('(SELECT s."createdAt", s."tenantId" FROM "TenantSearchTerm" s WHERE s."word" = %L ORDER BY s."createdAt" %s, s."tenantId" %s)',
                      expansions[1], direction, direction)
          ELSE format('(SELECT DISTINCT u."createdAt", u."tenantId" FROM (%s) u ORDER BY u."createdAt" %s, u."tenantId" %s)',
                      (SELECT string_agg(format('(SELECT s."createdAt", s."tenantId" FROM "TenantSearchTerm" s WHERE s."word" = %L ORDER BY s."createdAt" %s, s."tenantId" %s)', e, direction, direction), ' UNION ALL ')
                       FROM unnest(expansions) AS e),
                      direction, direction)
          END;
      END LOOP;
    END IF;
    IF streams IS NOT NULL AND cardinality(streams) > 0 THEN
      joined := streams[1] || ' t1';
      FOR i IN 2 .. cardinality(streams) LOOP
        joined := joined || format(' JOIN %s t%s USING ("createdAt", "tenantId")', streams[i], i);
      END LOOP;
      RETURN QUERY EXECUTE format('SELECT "tenantId" FROM %s ORDER BY "createdAt" %s, "tenantId" %s LIMIT %s', joined, direction, direction, max_rows);
    ELSE
      RETURN QUERY EXECUTE format('SELECT t."id" FROM "Tenant" t WHERE t."searchVector" @@ %L::tsquery ORDER BY t."createdAt" %s, t."id" %s LIMIT %s',
                                  latchkey_search_query(input)::text, direction, direction, max_rows);
    END IF;
  END $$;

INSERT INTO "TenantSearchTerm" ("word", "createdAt", "tenantId")
SELECT DISTINCT w, t."createdAt", t."id" FROM "Tenant" t, unnest(tsvector_to_array(t."searchVector")) AS w
ON CONFLICT DO NOTHING;
