-- KL Gateway §119 reporting: every report run, each citizen's report in it, and the gateway's answer.
-- Nothing is deleted: a report stays as it was sent; the next run reports what changed since the
-- citizen's last accepted report.
CREATE TABLE kl_report_run (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  started_at      timestamptz NOT NULL,
  finished_at     timestamptz,
  started_by      uuid REFERENCES staff_user(id),
  status          text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'completed', 'failed')),
  citizens        integer NOT NULL DEFAULT 0,
  reports         integer NOT NULL DEFAULT 0,
  invalid         integer NOT NULL DEFAULT 0
);
CREATE INDEX kl_report_run_time ON kl_report_run (municipality_id, started_at DESC);
SELECT isolate_by_municipality('kl_report_run', 'SELECT, INSERT, UPDATE');

CREATE TABLE kl_report (
  id               uuid PRIMARY KEY,  -- also the Bundle's id and the idempotency key towards the gateway
  municipality_id  uuid NOT NULL REFERENCES municipality(id),
  run_id           uuid NOT NULL REFERENCES kl_report_run(id),
  citizen_id       uuid NOT NULL REFERENCES citizen(id),
  created_at       timestamptz NOT NULL,
  -- The exact Bundle as sent. It holds the CPR number, so it is encrypted like citizen.cpr_encrypted.
  bundle_encrypted text NOT NULL,
  -- Hash of the resources sent (not the timestamp), so an unchanged report is not queued twice.
  content_hash     text NOT NULL,
  -- "Type/id" -> hash of each resource of the citizen's full state when the report was made: once
  -- the report is accepted, this is what the gateway knows.
  resource_hashes  jsonb NOT NULL,
  resource_count   integer NOT NULL,
  issues           jsonb NOT NULL DEFAULT '[]'::jsonb,  -- validation issues (path, rule); an invalid report is never sent
  status           text NOT NULL CHECK (status IN ('invalid', 'pending', 'accepted', 'rejected', 'failed', 'superseded')),
  attempts         integer NOT NULL DEFAULT 0,
  last_attempt_at  timestamptz,
  response_status  integer,
  response_body    text,
  rejection_reason text,
  answered_at      timestamptz,
  version          integer NOT NULL DEFAULT 1
);
CREATE INDEX kl_report_citizen ON kl_report (municipality_id, citizen_id, created_at DESC);
CREATE INDEX kl_report_status ON kl_report (municipality_id, status, created_at);
CREATE INDEX kl_report_run_reports ON kl_report (run_id);
SELECT isolate_by_municipality('kl_report', 'SELECT, INSERT, UPDATE');
