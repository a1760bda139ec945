-- CreateTable
-- Hand-edited: COLLATE "C" (byte order), so the words with a prefix are one range of the primary key
-- whatever the database's collation (Prisma cannot express a column collation).
CREATE TABLE "TenantSearchWord" (
    "word" TEXT COLLATE "C" NOT NULL,

    CONSTRAINT "TenantSearchWord_pkey" PRIMARY KEY ("word")
);

-- Hand-written (Prisma cannot express functions or triggers). Every lexeme that enters a tenant's
-- searchVector is recorded once; words are never removed (a stale word only expands to a term that matches
-- nothing), so the vocabulary is always a superset of what the vectors hold.
CREATE FUNCTION latchkey_tenant_search_words_after_write() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    INSERT INTO "TenantSearchWord" ("word")
    SELECT DISTINCT w FROM new_rows n, unnest(tsvector_to_array(n."searchVector")) AS w
    ORDER BY w
    ON CONFLICT ("word") DO NOTHING;
    RETURN NULL;
  END $$;

CREATE TRIGGER "Tenant_search_words_insert"
  AFTER INSERT ON "Tenant" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION latchkey_tenant_search_words_after_write();

CREATE TRIGGER "Tenant_search_words_update"
  AFTER UPDATE ON "Tenant" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION latchkey_tenant_search_words_after_write();

-- The search query, same meaning as before (every typed word matches the beginning of a word, all must
-- match), written so the GIN index can skip: a prefix with at most 32 known words becomes their exact OR
-- ('out' -> 'outdoor' | 'outfitters'), which GIN intersects by skipping through posting lists, instead of a
-- prefix match, which reads every posting of every matching word (linear in the table). A prefix with more
-- known words, or none, stays a prefix match. STABLE now (it reads the vocabulary): the app builds the query
-- first and passes it as a constant, so the planner estimates its matches from the GIN statistics.
CREATE OR REPLACE FUNCTION latchkey_search_query(input text) RETURNS tsquery
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT string_agg(term, ' & ')::tsquery
        FROM (
          SELECT coalesce(
                   (SELECT '(' || string_agg(quote_literal(v."word"), ' | ') || ')'
                    FROM (SELECT s."word" FROM "TenantSearchWord" s
                          WHERE s."word" >= p.word COLLATE "C" AND s."word" < (p.word || chr(1114111)) COLLATE "C"
                          ORDER BY s."word" LIMIT 33) v
                    HAVING count(*) BETWEEN 1 AND 32),
                   quote_literal(p.word) || ':*') AS term
          -- LIMIT: a search is at most 100 characters, so at most 50 words; it also keeps the planner's estimate
          -- (1,000 rows from a set-returning function) from reaching the JIT threshold.
          FROM (SELECT w AS word FROM regexp_split_to_table(trim(latchkey_search_text(input)), ' +') AS w WHERE w <> '' LIMIT 100) p
        ) terms $$;

INSERT INTO "TenantSearchWord" ("word")
SELECT DISTINCT w FROM "Tenant" t, unnest(tsvector_to_array(t."searchVector")) AS w
ON CONFLICT ("word") DO NOTHING;
