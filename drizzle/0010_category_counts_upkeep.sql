-- Each statement that writes products appends, per category, the change in its number of
-- published products. Appending (never updating a shared row) means concurrent writers, such
-- as two sellers' CSV imports into the same category, never wait on each other.
CREATE FUNCTION catalog_count_category_changes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO category_count_changes (category_id, delta)
    SELECT category_id, count(*)::int FROM added WHERE status = 'published' GROUP BY category_id;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO category_count_changes (category_id, delta)
    SELECT category_id, -count(*)::int FROM removed WHERE status = 'published' GROUP BY category_id;
  ELSE
    INSERT INTO category_count_changes (category_id, delta)
    SELECT category_id, sum(d)::int FROM (
      SELECT category_id, 1 AS d FROM added WHERE status = 'published'
      UNION ALL
      SELECT category_id, -1 AS d FROM removed WHERE status = 'published'
    ) c GROUP BY category_id HAVING sum(d) <> 0;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER products_category_counts_insert AFTER INSERT ON products
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION catalog_count_category_changes();
--> statement-breakpoint
CREATE TRIGGER products_category_counts_update AFTER UPDATE ON products
  REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_count_category_changes();
--> statement-breakpoint
CREATE TRIGGER products_category_counts_delete AFTER DELETE ON products
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION catalog_count_category_changes();
--> statement-breakpoint
-- Moves the appended changes into category_counts. Safe to run concurrently: a change row is
-- deleted, and so counted, by exactly one run.
CREATE FUNCTION catalog_fold_category_counts() RETURNS void
LANGUAGE sql AS $$
  WITH moved AS (DELETE FROM category_count_changes RETURNING category_id, delta)
  INSERT INTO category_counts (category_id, products)
  SELECT category_id, sum(delta)::int FROM moved
  WHERE category_id IN (SELECT id FROM categories)
  GROUP BY category_id
  ON CONFLICT (category_id) DO UPDATE SET products = category_counts.products + excluded.products
$$;
--> statement-breakpoint
INSERT INTO category_counts (category_id, products)
SELECT category_id, count(*)::int FROM products WHERE status = 'published' GROUP BY category_id;
