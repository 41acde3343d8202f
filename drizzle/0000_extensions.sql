-- Trigram matching for typo-tolerant search; available on PGlite and on PostgreSQL (a trusted extension).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
