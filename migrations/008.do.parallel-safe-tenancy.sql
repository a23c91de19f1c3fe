-- current_municipality() only reads a setting, which PostgreSQL copies to parallel workers. Left at the
-- default (PARALLEL UNSAFE) it is in every row-level-security policy and so forbade parallel plans for
-- every query the application runs; the pathway-fact group-by over a million rows took 2-3x longer.
ALTER FUNCTION current_municipality() PARALLEL SAFE;
