-- The application role that every request runs as (SET LOCAL ROLE). It owns nothing, so
-- row-level security always applies to it. Roles are cluster-wide, hence IF NOT EXISTS.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ligevej_app') THEN
    CREATE ROLE ligevej_app NOLOGIN;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO ligevej_app;

-- The municipality whose data the current transaction may touch; NULL when unset.
CREATE FUNCTION current_municipality() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.municipality_id', true), '')::uuid $$;

CREATE TABLE municipality (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code        text NOT NULL UNIQUE,  -- the 3-digit kommunekode in production
  name        text NOT NULL,
  sor_code    text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT ON municipality TO ligevej_app;

-- Enables row-level security on a table that carries municipality_id and grants the app role
-- the given privileges. Used by every later migration that adds a table of personal data.
CREATE FUNCTION isolate_by_municipality(tbl regclass, privileges text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('CREATE POLICY municipality_isolation ON %s USING (municipality_id = current_municipality()) WITH CHECK (municipality_id = current_municipality())', tbl);
  EXECUTE format('GRANT %s ON %s TO ligevej_app', privileges, tbl);
END
$$;

-- Corrections never delete: every UPDATE of a versioned row keeps the old row here.
CREATE TABLE record_history (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  table_name      text NOT NULL,
  row_id          uuid NOT NULL,
  version         integer NOT NULL,
  data            jsonb NOT NULL,
  replaced_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX record_history_row ON record_history (municipality_id, table_name, row_id, version);
SELECT isolate_by_municipality('record_history', 'SELECT, INSERT');

CREATE FUNCTION keep_history() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO record_history (municipality_id, table_name, row_id, version, data)
  VALUES (OLD.municipality_id, TG_TABLE_NAME, OLD.id, OLD.version, to_jsonb(OLD));
  RETURN NEW;
END
$$;
