CREATE TABLE staff_user (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  username        text NOT NULL UNIQUE,
  display_name    text NOT NULL,
  profession      text,
  role            text NOT NULL CHECK (role IN ('clinician', 'coordinator', 'manager', 'admin')),
  password_hash   text NOT NULL,
  active          boolean NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1
);
SELECT isolate_by_municipality('staff_user', 'SELECT');

CREATE TABLE staff_session (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash      text NOT NULL UNIQUE,
  user_id         uuid NOT NULL REFERENCES staff_user(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  last_seen_at    timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz NOT NULL,
  revoked_at      timestamptz
);

-- Append-only for the application role (SELECT, INSERT: no UPDATE, no DELETE) and hash-chained
-- per municipality, so `ligevej audit verify` finds any row altered or removed by other means.
CREATE TABLE audit_event (
  seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  chain_index     bigint NOT NULL,
  occurred_at     timestamptz NOT NULL,
  actor_id        uuid,
  actor_role      text NOT NULL,
  action          text NOT NULL,
  citizen_id      uuid,
  resource_type   text NOT NULL,
  resource_id     uuid,
  purpose         text NOT NULL,
  detail          jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash       text NOT NULL,
  hash            text NOT NULL,
  UNIQUE (municipality_id, chain_index)
);
CREATE INDEX audit_event_citizen ON audit_event (municipality_id, citizen_id, occurred_at);
SELECT isolate_by_municipality('audit_event', 'SELECT, INSERT');

CREATE TABLE idempotency_record (
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  user_id         uuid NOT NULL,
  key             text NOT NULL,
  request_hash    text NOT NULL,
  status_code     integer,
  response_body   jsonb,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, user_id, key)
);
SELECT isolate_by_municipality('idempotency_record', 'SELECT, INSERT, UPDATE');
