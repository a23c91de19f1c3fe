-- An intervention can end on its own (the citizen stops training but keeps diet counselling), and
-- then it needs the KL cancellation reason just as a pathway does: present only when the
-- intervention was cancelled or stopped.
ALTER TABLE intervention ADD COLUMN cancellation_reason text;
ALTER TABLE intervention ADD CONSTRAINT intervention_cancellation_reason_only_when_cancelled_or_stopped
  CHECK (cancellation_reason IS NULL OR status IN ('cancelled', 'stopped', 'entered-in-error'));
