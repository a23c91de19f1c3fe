-- Runs are listed newest first by started_at; two runs can start at the same instant (a coarse or
-- frozen clock, a run started by hand right after the scheduler's), and ordering them by their
-- random id made "the last run" a coin toss. An insertion sequence breaks the tie.
ALTER TABLE job_run ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
DROP INDEX job_run_latest;
CREATE INDEX job_run_latest ON job_run (municipality_id, job, started_at DESC, seq DESC);
