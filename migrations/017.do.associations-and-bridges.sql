-- Local association and volunteer offers (foreningstilbud), published on the public page, and the
-- bridge-building records: a citizen bridged to an association offer, followed up at 3 and 6 months.
CREATE TABLE association (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  name            text NOT NULL,
  description     text,
  website         text,
  public_contact  text,
  -- The contact person is for staff only; the public page never shows these three.
  contact_name    text,
  contact_phone   text,
  contact_email   text,
  active          boolean NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  UNIQUE (municipality_id, name)
);
SELECT isolate_by_municipality('association', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER association_history BEFORE UPDATE ON association FOR EACH ROW EXECUTE FUNCTION keep_history();

CREATE TABLE association_offer (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id     uuid NOT NULL REFERENCES municipality(id),
  association_id      uuid NOT NULL REFERENCES association(id),
  activity            text NOT NULL,
  activity_kind       text NOT NULL,
  description         text,
  place_name          text NOT NULL,
  address             text,
  area                text,
  weekdays            smallint[] NOT NULL DEFAULT '{}',
  start_time          time,
  schedule_note       text,
  languages           text[] NOT NULL DEFAULT '{da}',
  intro_course        boolean NOT NULL DEFAULT false,
  intro_note          text,
  inclusiveness       text NOT NULL CHECK (inclusiveness IN ('adapted', 'welcoming', 'ordinary')),
  inclusiveness_note  text,
  companion_available boolean NOT NULL DEFAULT false,
  links               jsonb NOT NULL DEFAULT '[]'::jsonb,
  price_note          text,
  active              boolean NOT NULL DEFAULT true,
  created_at          timestamptz NOT NULL DEFAULT now(),
  version             integer NOT NULL DEFAULT 1
);
CREATE INDEX association_offer_search ON association_offer (municipality_id, active, area, activity_kind);
SELECT isolate_by_municipality('association_offer', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER association_offer_history BEFORE UPDATE ON association_offer FOR EACH ROW EXECUTE FUNCTION keep_history();

CREATE TABLE bridge (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id      uuid NOT NULL REFERENCES municipality(id),
  citizen_id           uuid NOT NULL REFERENCES citizen(id),
  referral_id          uuid REFERENCES referral(id),
  association_offer_id uuid NOT NULL REFERENCES association_offer(id),
  bridged_on           date NOT NULL,
  companion            text NOT NULL CHECK (companion IN ('none', 'volunteer', 'staff', 'relative')),
  note                 text,
  created_by           uuid REFERENCES staff_user(id),
  status               text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'entered-in-error')),
  created_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 1
);
CREATE INDEX bridge_citizen ON bridge (municipality_id, citizen_id);
SELECT isolate_by_municipality('bridge', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER bridge_history BEFORE UPDATE ON bridge FOR EACH ROW EXECUTE FUNCTION keep_history();

CREATE TABLE bridge_follow_up (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  bridge_id       uuid NOT NULL REFERENCES bridge(id),
  months          smallint NOT NULL CHECK (months IN (3, 6)),
  due_on          date NOT NULL,
  followed_up_on  date,
  still_active    boolean,
  reason          text,
  note            text,
  recorded_by     uuid REFERENCES staff_user(id),
  version         integer NOT NULL DEFAULT 1,
  UNIQUE (bridge_id, months),
  CONSTRAINT bridge_follow_up_complete CHECK ((followed_up_on IS NULL) = (still_active IS NULL))
);
CREATE INDEX bridge_follow_up_due ON bridge_follow_up (municipality_id, followed_up_on, due_on);
SELECT isolate_by_municipality('bridge_follow_up', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER bridge_follow_up_history BEFORE UPDATE ON bridge_follow_up FOR EACH ROW EXECUTE FUNCTION keep_history();
