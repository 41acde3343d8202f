CREATE TABLE "search_sellers" (
	"business_id" bigint PRIMARY KEY NOT NULL,
	"city" text NOT NULL,
	"state" text NOT NULL,
	"verified" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_sellers" ADD CONSTRAINT "search_sellers_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_sellers_city_idx" ON "search_sellers" USING btree (lower("city"));--> statement-breakpoint
CREATE INDEX "search_sellers_state_idx" ON "search_sellers" USING btree (lower("state"));--> statement-breakpoint
CREATE INDEX "products_price_desc_published_idx" ON "products" USING btree ("price_paise" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE status = 'published';