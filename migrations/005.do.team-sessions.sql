-- A team (hold) meets in sessions (mødegange). Each participant's attendance at a session is an
-- Encounter with purpose 'session' linked to the session: present = finished, absent = no-show,
-- excused (afbud) = cancelled, not yet called = planned. One encounter per participant and session.
ALTER TABLE team ADD COLUMN weekday smallint CHECK (weekday BETWEEN 1 AND 7);
ALTER TABLE team ADD COLUMN start_time time;
ALTER TABLE team ADD COLUMN session_count smallint CHECK (session_count > 0);
ALTER TABLE team ADD COLUMN instructor_id uuid REFERENCES staff_user(id);

CREATE TABLE team_session (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  team_id         uuid NOT NULL REFERENCES team(id),
  number          smallint NOT NULL CHECK (number > 0),
  start_at        timestamptz NOT NULL,
  end_at          timestamptz NOT NULL,
  location        text,
  status          text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  CONSTRAINT team_session_period_order CHECK (end_at >= start_at),
  UNIQUE (team_id, number)
);
CREATE INDEX team_session_time ON team_session (municipality_id, start_at);
SELECT isolate_by_municipality('team_session', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER team_session_history BEFORE UPDATE ON team_session FOR EACH ROW EXECUTE FUNCTION keep_history();

ALTER TABLE encounter ADD COLUMN team_session_id uuid REFERENCES team_session(id);
CREATE UNIQUE INDEX encounter_one_per_session ON encounter (team_session_id, referral_id)
  WHERE team_session_id IS NOT NULL AND status <> 'entered-in-error';
CREATE INDEX intervention_team ON intervention (municipality_id, team_id);
