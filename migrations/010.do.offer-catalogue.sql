-- The offer catalogue (tilbud) and the places offers are delivered at. A team (hold) is an offer at a
-- place, time and language; teams made before the catalogue existed keep offer_id NULL.
CREATE TABLE place (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  name            text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('health_centre', 'health_house', 'mobile', 'community', 'online')),
  area            text,
  address         text,
  accessibility   text,
  active          boolean NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  UNIQUE (municipality_id, name)
);
SELECT isolate_by_municipality('place', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER place_history BEFORE UPDATE ON place FOR EACH ROW EXECUTE FUNCTION keep_history();

CREATE TABLE offer (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id      uuid NOT NULL REFERENCES municipality(id),
  internal_name        text NOT NULL,
  public_name          text NOT NULL,
  description          text,
  intervention_codes   text[] NOT NULL CHECK (cardinality(intervention_codes) > 0),
  diseases             text[] NOT NULL DEFAULT '{}',
  delivery_mode        text NOT NULL CHECK (delivery_mode IN ('group', 'individual', 'digital')),
  languages            text[] NOT NULL DEFAULT '{da}' CHECK (cardinality(languages) > 0),
  gender_specific      text CHECK (gender_specific IN ('male', 'female')),
  time_of_day          text CHECK (time_of_day IN ('morning', 'afternoon', 'evening')),
  session_minutes      smallint NOT NULL CHECK (session_minutes > 0),
  session_count        smallint NOT NULL CHECK (session_count > 0),
  capacity             smallint CHECK (capacity > 0),
  support_level        text NOT NULL DEFAULT 'standard' CHECK (support_level IN ('light', 'standard', 'extended')),
  features             text[] NOT NULL DEFAULT '{}',
  accessibility        text,
  price_dkk            numeric(10, 2) NOT NULL DEFAULT 0 CHECK (price_dkk >= 0),
  -- An easier or more-support variant points at the offer it varies.
  variant_of           uuid REFERENCES offer(id),
  variant_kind         text CHECK (variant_kind IN ('easier', 'more_support')),
  completion_threshold numeric(3, 2) NOT NULL DEFAULT 0.75 CHECK (completion_threshold > 0 AND completion_threshold <= 1),
  active               boolean NOT NULL DEFAULT true,
  created_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 1,
  CONSTRAINT offer_variant_kind_iff_variant CHECK ((variant_of IS NULL) = (variant_kind IS NULL)),
  UNIQUE (municipality_id, internal_name)
);
SELECT isolate_by_municipality('offer', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER offer_history BEFORE UPDATE ON offer FOR EACH ROW EXECUTE FUNCTION keep_history();

CREATE TABLE offer_place (
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  offer_id        uuid NOT NULL REFERENCES offer(id),
  place_id        uuid NOT NULL REFERENCES place(id),
  PRIMARY KEY (offer_id, place_id)
);
SELECT isolate_by_municipality('offer_place', 'SELECT, INSERT, DELETE');

ALTER TABLE team ADD COLUMN offer_id uuid REFERENCES offer(id);
ALTER TABLE team ADD COLUMN place_id uuid REFERENCES place(id);
ALTER TABLE team ADD COLUMN session_minutes smallint CHECK (session_minutes > 0);
CREATE INDEX team_offer ON team (municipality_id, offer_id, starts_on);

CREATE TABLE team_instructor (
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  team_id         uuid NOT NULL REFERENCES team(id),
  staff_user_id   uuid NOT NULL REFERENCES staff_user(id),
  PRIMARY KEY (team_id, staff_user_id)
);
SELECT isolate_by_municipality('team_instructor', 'SELECT, INSERT, DELETE');
