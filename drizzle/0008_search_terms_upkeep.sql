-- The words of a title that the lexicon keeps: lower-case runs of 3 to 40 letters. Numbers and
-- sizes ("25mm", "2") are left out: correcting them would change what the buyer asked for.
CREATE FUNCTION catalog_title_terms(title text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT DISTINCT w FROM regexp_split_to_table(lower(title), '[^[:alpha:]]+') AS w
  WHERE length(w) BETWEEN 3 AND 40
$$;
--> statement-breakpoint
-- Recounts the lexicon from published titles and drops words no published title holds any more
-- (unpublished, suspended or edited products). Run by a job and after bulk loads.
CREATE FUNCTION catalog_refresh_search_terms() RETURNS void
LANGUAGE sql AS $$
  WITH counted AS (
    SELECT w AS term, count(*)::int AS products
    FROM products p, LATERAL catalog_title_terms(p.title) AS w
    WHERE p.status = 'published'
    GROUP BY w
  ), upserted AS (
    INSERT INTO search_terms (term, products) SELECT term, products FROM counted
    ON CONFLICT (term) DO UPDATE SET products = excluded.products
    WHERE search_terms.products <> excluded.products
  )
  DELETE FROM search_terms s WHERE NOT EXISTS (SELECT 1 FROM counted c WHERE c.term = s.term)
$$;
--> statement-breakpoint
-- New words of published titles join the lexicon with the statement that writes them. Existing
-- words are left alone (DO NOTHING), so concurrent writers never queue on a hot word such as
-- "valve"; their counts are brought up to date by catalog_refresh_search_terms.
CREATE FUNCTION catalog_add_search_terms() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_terms (term, products)
  SELECT w, count(*)::int FROM written p, LATERAL catalog_title_terms(p.title) AS w
  WHERE p.status = 'published'
  GROUP BY w
  ON CONFLICT (term) DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER products_search_terms_insert AFTER INSERT ON products
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION catalog_add_search_terms();
--> statement-breakpoint
CREATE TRIGGER products_search_terms_update AFTER UPDATE ON products
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION catalog_add_search_terms();
--> statement-breakpoint
SELECT catalog_refresh_search_terms();
