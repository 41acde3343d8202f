-- search_sellers follows businesses: every insert, and every change of city, state or GST
-- verification, is copied in the same transaction. Deletes cascade through the foreign key.
CREATE FUNCTION catalog_sync_search_seller() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_sellers (business_id, city, state, verified)
  VALUES (NEW.id, NEW.city, NEW.state, NEW.gstin_verified_at IS NOT NULL)
  ON CONFLICT (business_id) DO UPDATE
    SET city = excluded.city, state = excluded.state, verified = excluded.verified;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER businesses_search_sellers_insert AFTER INSERT ON businesses
  FOR EACH ROW EXECUTE FUNCTION catalog_sync_search_seller();
--> statement-breakpoint
CREATE TRIGGER businesses_search_sellers_update AFTER UPDATE OF city, state, gstin_verified_at ON businesses
  FOR EACH ROW EXECUTE FUNCTION catalog_sync_search_seller();
--> statement-breakpoint
INSERT INTO search_sellers (business_id, city, state, verified)
SELECT id, city, state, gstin_verified_at IS NOT NULL FROM businesses;
