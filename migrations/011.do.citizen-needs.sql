-- What a citizen needs from an offer, for matching: barriers (transport, childcare, needs a companion)
-- and preferred times, weekdays and areas. One row per citizen, versioned; history keeps old answers.
CREATE TABLE citizen_need (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id    uuid NOT NULL REFERENCES municipality(id),
  citizen_id         uuid NOT NULL REFERENCES citizen(id),
  barriers           text[] NOT NULL DEFAULT '{}',
  preferred_times    text[] NOT NULL DEFAULT '{}',
  preferred_weekdays smallint[] NOT NULL DEFAULT '{}',
  preferred_areas    text[] NOT NULL DEFAULT '{}',
  note               text,
  recorded_by        uuid REFERENCES staff_user(id),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  version            integer NOT NULL DEFAULT 1,
  UNIQUE (municipality_id, citizen_id)
);
SELECT isolate_by_municipality('citizen_need', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER citizen_need_history BEFORE UPDATE ON citizen_need FOR EACH ROW EXECUTE FUNCTION keep_history();
