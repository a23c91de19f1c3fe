-- The scheduler (src/jobs/): every run of a time-driven job per municipality, with what it did
-- (counts only, no personal data) or the error. A run that is still 'running' is also the lease that
-- keeps a second server process from running the same job for the same municipality at the same
-- time: the partial unique index admits one running row per job; a lease older than its timeout is
-- taken over (the run is then marked failed as interrupted).
CREATE TABLE job_run (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  job             text NOT NULL,
  trigger         text NOT NULL CHECK (trigger IN ('scheduler', 'cli', 'api')),
  status          text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'ok', 'failed')),
  started_at      timestamptz NOT NULL,
  finished_at     timestamptz,
  counts          jsonb NOT NULL DEFAULT '{}',
  error           text,
  runner          text,
  version         integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX job_run_one_running ON job_run (municipality_id, job) WHERE status = 'running';
CREATE INDEX job_run_latest ON job_run (municipality_id, job, started_at DESC);
SELECT isolate_by_municipality('job_run', 'SELECT, INSERT, UPDATE');

-- Sending happens outside the transaction that claims a message: claimed_at/claim_id mark a message
-- being sent. A claim that is never resolved (the process died between claiming and recording) is
-- not sent again: it is marked failed with an unknown outcome for staff to check (at most once).
ALTER TABLE notification_outbox ADD COLUMN claimed_at timestamptz;
ALTER TABLE notification_outbox ADD COLUMN claim_id uuid;
CREATE INDEX notification_outbox_claimed ON notification_outbox (municipality_id, claimed_at) WHERE claimed_at IS NOT NULL;
