-- The second wall for roles (issue 8): a request whose caller may not read personal data (a manager
-- without a grant, an API key) runs with app.personal_data = 'off', and then no citizen row is
-- visible or writable, whatever the SQL says. Unset (owner tools, bulk loads) means allowed.
CREATE FUNCTION personal_data_allowed() RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(nullif(current_setting('app.personal_data', true), ''), 'on') <> 'off' $$;

CREATE POLICY personal_data_wall ON citizen AS RESTRICTIVE
  USING (personal_data_allowed()) WITH CHECK (personal_data_allowed());
CREATE POLICY personal_data_wall ON citizen_consent AS RESTRICTIVE
  USING (personal_data_allowed()) WITH CHECK (personal_data_allowed());
