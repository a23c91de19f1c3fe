-- Issue 8: security and privacy. Roles, two-factor, lockout, single sign-on, API keys, consents,
-- retention and CPR key rotation.

-- The bridge-builder works with association offers and the citizens they follow up.
ALTER TABLE staff_user DROP CONSTRAINT staff_user_role_check;
ALTER TABLE staff_user ADD CONSTRAINT staff_user_role_check
  CHECK (role IN ('clinician', 'coordinator', 'bridge_builder', 'manager', 'admin'));

ALTER TABLE staff_user
  ADD COLUMN totp_secret_encrypted text,          -- AES-256-GCM with the vault key, never plain
  ADD COLUMN totp_enabled_at       timestamptz,
  ADD COLUMN totp_last_step        bigint,          -- the last accepted time step: a code works once
  ADD COLUMN failed_logins         integer NOT NULL DEFAULT 0,
  ADD COLUMN locked_at             timestamptz,
  ADD COLUMN password_changed_at   timestamptz,
  ADD COLUMN oidc_issuer           text,
  ADD COLUMN oidc_subject          text,
  -- Extra permissions beyond the role, e.g. a manager granted named citizen lists.
  ADD COLUMN grants                text[] NOT NULL DEFAULT '{}';
-- Administrators change accounts of their own municipality only (row-level security on staff_user).
GRANT INSERT (municipality_id, username, display_name, role, password_hash, password_changed_at) ON staff_user TO ligevej_app;
GRANT UPDATE (locked_at, failed_logins, grants, totp_secret_encrypted, totp_enabled_at, totp_last_step) ON staff_user TO ligevej_app;
CREATE UNIQUE INDEX staff_user_oidc ON staff_user (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;

-- A session that has passed the password but still owes two-factor enrolment can do nothing else.
ALTER TABLE staff_session ADD COLUMN restricted boolean NOT NULL DEFAULT false;
ALTER TABLE staff_session ADD COLUMN auth_method text NOT NULL DEFAULT 'password';

-- API keys for integrations: only a SHA-256 of the secret is kept; the key is shown once.
CREATE TABLE api_key (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  name            text NOT NULL,
  prefix          text NOT NULL UNIQUE,
  secret_hash     text NOT NULL,
  scopes          text[] NOT NULL,
  created_by      uuid REFERENCES staff_user(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  last_used_at    timestamptz,
  revoked_at      timestamptz
);
SELECT isolate_by_municipality('api_key', 'SELECT, INSERT');
GRANT UPDATE (revoked_at) ON api_key TO ligevej_app;

-- Consents: research use, national quality databases, SMS reminders. A withdrawal is a new row,
-- so the history of given and withdrawn is kept.
CREATE TABLE citizen_consent (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  citizen_id      uuid NOT NULL REFERENCES citizen(id),
  purpose         text NOT NULL CHECK (purpose IN ('research', 'quality_database', 'sms_reminders')),
  state           text NOT NULL CHECK (state IN ('given', 'withdrawn')),
  effective_on    date NOT NULL,
  method          text NOT NULL CHECK (method IN ('written', 'oral', 'digital', 'by_proxy')),
  note            text,
  recorded_by     uuid REFERENCES staff_user(id),
  recorded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX citizen_consent_citizen ON citizen_consent (municipality_id, citizen_id, purpose, recorded_at);
SELECT isolate_by_municipality('citizen_consent', 'SELECT, INSERT');

-- Retention: when a citizen's identity was removed after their period ran out.
ALTER TABLE citizen ADD COLUMN anonymised_at timestamptz;

-- Retention and key-rotation runs, with what they did (counts only, no personal data).
CREATE TABLE maintenance_run (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid REFERENCES municipality(id),
  kind            text NOT NULL CHECK (kind IN ('retention', 'cpr_key_rotation')),
  dry_run         boolean NOT NULL,
  summary         jsonb NOT NULL,
  started_at      timestamptz NOT NULL,
  finished_at     timestamptz NOT NULL
);
