-- The attendance early warning: after two no-shows in a row a participant is on the call list until
-- someone records a call. A drop-out found this way stops the intervention with a KL cancellation reason.
CREATE TABLE attendance_call (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id     uuid NOT NULL REFERENCES municipality(id),
  intervention_id     uuid NOT NULL REFERENCES intervention(id),
  referral_id         uuid NOT NULL REFERENCES referral(id),
  citizen_id          uuid NOT NULL REFERENCES citizen(id),
  called_at           timestamptz NOT NULL,
  outcome             text NOT NULL CHECK (outcome IN ('continues', 'no_answer', 'dropped_out')),
  cancellation_reason text,
  note                text,
  performed_by        uuid REFERENCES staff_user(id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  version             integer NOT NULL DEFAULT 1,
  CONSTRAINT attendance_call_reason_iff_dropped_out CHECK ((cancellation_reason IS NOT NULL) = (outcome = 'dropped_out'))
);
CREATE INDEX attendance_call_intervention ON attendance_call (municipality_id, intervention_id, called_at);
SELECT isolate_by_municipality('attendance_call', 'SELECT, INSERT');
