-- The consent, disclosure and access ledgers are append-only. No code path may change or remove a
-- row; the only exception is erasure replacing a person's id with a pseudonym, through
-- mandi_pseudonymise_ledgers() below, which changes nothing but that id.
CREATE FUNCTION mandi_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  subject_column text := TG_ARGV[0];
BEGIN
  IF TG_OP = 'UPDATE'
     AND coalesce(current_setting('mandi.pseudonymise_subject', true), '') <> ''
     AND current_setting('mandi.pseudonymise_subject', true) = to_jsonb(OLD) ->> subject_column
     AND (to_jsonb(NEW) - subject_column) = (to_jsonb(OLD) - subject_column) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE FUNCTION mandi_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: TRUNCATE refused', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER consent_events_append_only BEFORE UPDATE OR DELETE ON consent_events
  FOR EACH ROW EXECUTE FUNCTION mandi_append_only('user_id');
--> statement-breakpoint
CREATE TRIGGER consent_events_no_truncate BEFORE TRUNCATE ON consent_events
  FOR EACH STATEMENT EXECUTE FUNCTION mandi_refuse_truncate();
--> statement-breakpoint
CREATE TRIGGER disclosures_append_only BEFORE UPDATE OR DELETE ON disclosures
  FOR EACH ROW EXECUTE FUNCTION mandi_append_only('subject_user_id');
--> statement-breakpoint
CREATE TRIGGER disclosures_no_truncate BEFORE TRUNCATE ON disclosures
  FOR EACH STATEMENT EXECUTE FUNCTION mandi_refuse_truncate();
--> statement-breakpoint
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION mandi_append_only('subject_user_id');
--> statement-breakpoint
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION mandi_refuse_truncate();
--> statement-breakpoint
-- Erasure: replace a person's id with a pseudonym in every ledger, in the caller's transaction.
-- Returns the number of ledger rows pseudonymised.
CREATE FUNCTION mandi_pseudonymise_ledgers(subject uuid, pseudonym uuid) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  total integer := 0;
  n integer;
BEGIN
  PERFORM set_config('mandi.pseudonymise_subject', subject::text, true);
  UPDATE consent_events SET user_id = pseudonym WHERE user_id = subject;
  GET DIAGNOSTICS n = ROW_COUNT; total := total + n;
  UPDATE disclosures SET subject_user_id = pseudonym WHERE subject_user_id = subject;
  GET DIAGNOSTICS n = ROW_COUNT; total := total + n;
  UPDATE access_log SET subject_user_id = pseudonym WHERE subject_user_id = subject;
  GET DIAGNOSTICS n = ROW_COUNT; total := total + n;
  PERFORM set_config('mandi.pseudonymise_subject', '', true);
  RETURN total;
END
$$;
