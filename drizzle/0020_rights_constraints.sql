-- One pending export and one pending erasure per person, decided by the insert itself (ADR 014).
CREATE UNIQUE INDEX "data_exports_one_pending" ON "data_exports" USING btree ("user_id") WHERE status = 'pending';
--> statement-breakpoint
CREATE UNIQUE INDEX "erasure_requests_one_pending" ON "erasure_requests" USING btree ("user_id") WHERE status = 'pending';
--> statement-breakpoint
-- The staff member's role when they opened the data, as the person is shown it later.
ALTER TABLE "access_log" ADD COLUMN "actor_role" text;
--> statement-breakpoint
-- When the account was erased: such an account acts as nobody and names no company.
ALTER TABLE "users" ADD COLUMN "erased_at" timestamp with time zone;
