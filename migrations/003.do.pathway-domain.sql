CREATE TABLE organization (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  id_system       text NOT NULL CHECK (id_system IN ('sor', 'fk-org')),
  id_value        text NOT NULL,
  name            text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('gp', 'hospital_department', 'specialist', 'jobcentre',
                    'social_services', 'home_care', 'other_municipality', 'own_unit', 'other')),
  active          boolean NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  UNIQUE (municipality_id, id_system, id_value)
);
SELECT isolate_by_municipality('organization', 'SELECT, INSERT, UPDATE');

CREATE TABLE citizen (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id    uuid NOT NULL REFERENCES municipality(id),
  cpr_hash           text NOT NULL,
  cpr_encrypted      text NOT NULL,
  birth_date         date NOT NULL,
  sex                text NOT NULL CHECK (sex IN ('male', 'female')),
  given_name         text NOT NULL,
  family_name        text NOT NULL,
  address_line       text,
  postal_code        text,
  city               text,
  phone              text,
  preferred_language text NOT NULL DEFAULT 'da',
  deceased           boolean NOT NULL DEFAULT false,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  version            integer NOT NULL DEFAULT 1,
  UNIQUE (municipality_id, cpr_hash)
);
CREATE INDEX citizen_name ON citizen (municipality_id, lower(family_name), lower(given_name));
SELECT isolate_by_municipality('citizen', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER citizen_history BEFORE UPDATE ON citizen FOR EACH ROW EXECUTE FUNCTION keep_history();

-- Each item of social position is its own dated, sourced record; the newest non-erroneous one counts.
CREATE TABLE social_position_item (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id  uuid NOT NULL REFERENCES municipality(id),
  citizen_id       uuid NOT NULL REFERENCES citizen(id),
  item             text NOT NULL,
  value            text NOT NULL,
  source           text NOT NULL CHECK (source IN ('self_reported', 'staff_registered', 'register')),
  recorded_on      date NOT NULL,
  recorded_by      uuid,
  entered_in_error boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1
);
CREATE INDEX social_position_citizen ON social_position_item (municipality_id, citizen_id, item, recorded_on);
SELECT isolate_by_municipality('social_position_item', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER social_position_history BEFORE UPDATE ON social_position_item FOR EACH ROW EXECUTE FUNCTION keep_history();

CREATE TABLE team (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  name            text NOT NULL,
  intervention_code text,
  language        text NOT NULL DEFAULT 'da',
  location        text,
  capacity        integer CHECK (capacity > 0),
  starts_on       date,
  created_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1
);
SELECT isolate_by_municipality('team', 'SELECT, INSERT, UPDATE');

-- One referral opens one course; `stage` is the state of the pathway state machine.
CREATE TABLE referral (
  id                         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id            uuid NOT NULL REFERENCES municipality(id),
  citizen_id                 uuid NOT NULL REFERENCES citizen(id),
  source_code                text NOT NULL,
  referring_organization_id  uuid REFERENCES organization(id),
  received_at                timestamptz NOT NULL,
  reason                     text,
  replaces_id                uuid REFERENCES referral(id),
  stage                      text NOT NULL DEFAULT 'received',
  closed_reason              text,
  created_by                 uuid,
  created_at                 timestamptz NOT NULL DEFAULT now(),
  updated_at                 timestamptz NOT NULL DEFAULT now(),
  version                    integer NOT NULL DEFAULT 1
);
CREATE INDEX referral_citizen ON referral (municipality_id, citizen_id);
CREATE INDEX referral_stage ON referral (municipality_id, stage, received_at);
SELECT isolate_by_municipality('referral', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER referral_history BEFORE UPDATE ON referral FOR EACH ROW EXECUTE FUNCTION keep_history();

CREATE TABLE referral_diagnosis (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id     uuid NOT NULL REFERENCES municipality(id),
  referral_id         uuid NOT NULL REFERENCES referral(id),
  system              text NOT NULL CHECK (system IN ('SKS', 'ICPC2')),
  code                text NOT NULL,
  display             text,
  clinical_status     text NOT NULL DEFAULT 'active' CHECK (clinical_status IN ('active', 'inactive', 'resolved')),
  verification_status text NOT NULL DEFAULT 'confirmed' CHECK (verification_status IN ('confirmed', 'entered-in-error')),
  version             integer NOT NULL DEFAULT 1
);
CREATE INDEX referral_diagnosis_referral ON referral_diagnosis (municipality_id, referral_id);
SELECT isolate_by_municipality('referral_diagnosis', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER referral_diagnosis_history BEFORE UPDATE ON referral_diagnosis FOR EACH ROW EXECUTE FUNCTION keep_history();

CREATE TABLE contact_attempt (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id  uuid NOT NULL REFERENCES municipality(id),
  referral_id      uuid NOT NULL REFERENCES referral(id),
  attempted_at     timestamptz NOT NULL,
  channel          text NOT NULL CHECK (channel IN ('phone', 'letter', 'sms', 'in_person', 'digital_post')),
  outcome          text NOT NULL CHECK (outcome IN ('reached', 'no_answer', 'message_left', 'sent', 'wrong_number', 'declined')),
  note             text,
  performed_by     uuid,
  entered_in_error boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1
);
CREATE INDEX contact_attempt_referral ON contact_attempt (municipality_id, referral_id, attempted_at);
SELECT isolate_by_municipality('contact_attempt', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER contact_attempt_history BEFORE UPDATE ON contact_attempt FOR EACH ROW EXECUTE FUNCTION keep_history();

-- The §119 pathway (forløb) = KL Gateway pathway CarePlan.
CREATE TABLE pathway (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id           uuid NOT NULL REFERENCES municipality(id),
  citizen_id                uuid NOT NULL REFERENCES citizen(id),
  referral_id               uuid NOT NULL REFERENCES referral(id),
  category                  text NOT NULL CHECK (category IN ('intervention', 'follow_up')),
  granted_on                date NOT NULL,
  ended_on                  date,
  status                    text NOT NULL CHECK (status IN ('not-started', 'scheduled', 'in-progress', 'on-hold',
                              'completed', 'cancelled', 'stopped', 'unknown', 'entered-in-error')),
  cancellation_reason       text,
  coordinator_id            uuid REFERENCES staff_user(id),
  performer_organization_id uuid REFERENCES organization(id),
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now(),
  version                   integer NOT NULL DEFAULT 1,
  CONSTRAINT pathway_cancellation_reason_iff_cancelled_or_stopped
    CHECK ((cancellation_reason IS NOT NULL) = (status IN ('cancelled', 'stopped')))
);
CREATE INDEX pathway_referral ON pathway (municipality_id, referral_id);
SELECT isolate_by_municipality('pathway', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER pathway_history BEFORE UPDATE ON pathway FOR EACH ROW EXECUTE FUNCTION keep_history();

-- A planned intervention (indsats) = KL Gateway planned-intervention CarePlan.
CREATE TABLE intervention (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id           uuid NOT NULL REFERENCES municipality(id),
  citizen_id                uuid NOT NULL REFERENCES citizen(id),
  referral_id               uuid NOT NULL REFERENCES referral(id),
  pathway_id                uuid REFERENCES pathway(id),
  fsiii_code                text,
  local_code                text,
  local_display             text,
  delivery_type             text NOT NULL,
  performer_organization_id uuid REFERENCES organization(id),
  performer_user_id         uuid REFERENCES staff_user(id),
  team_id                   uuid REFERENCES team(id),
  granted_on                date NOT NULL,
  start_date                date,
  end_date                  date,
  status                    text NOT NULL CHECK (status IN ('not-started', 'scheduled', 'in-progress', 'on-hold',
                              'completed', 'cancelled', 'stopped', 'unknown', 'entered-in-error')),
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now(),
  version                   integer NOT NULL DEFAULT 1,
  CONSTRAINT intervention_has_code CHECK (fsiii_code IS NOT NULL OR local_code IS NOT NULL),
  CONSTRAINT intervention_local_code_has_display CHECK ((local_code IS NULL) = (local_display IS NULL))
);
CREATE INDEX intervention_pathway ON intervention (municipality_id, pathway_id);
CREATE INDEX intervention_referral ON intervention (municipality_id, referral_id);
SELECT isolate_by_municipality('intervention', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER intervention_history BEFORE UPDATE ON intervention FOR EACH ROW EXECUTE FUNCTION keep_history();

-- An FSIII §119 condition (tilstand) assessed by the municipality.
CREATE TABLE condition (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id     uuid NOT NULL REFERENCES municipality(id),
  citizen_id          uuid NOT NULL REFERENCES citizen(id),
  referral_id         uuid NOT NULL REFERENCES referral(id),
  code                text NOT NULL,
  recorded_on         date NOT NULL,
  clinical_status     text NOT NULL CHECK (clinical_status IN ('active', 'inactive')),
  verification_status text NOT NULL DEFAULT 'confirmed' CHECK (verification_status IN ('confirmed', 'entered-in-error')),
  note                text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  version             integer NOT NULL DEFAULT 1
);
CREATE INDEX condition_referral ON condition (municipality_id, referral_id);
SELECT isolate_by_municipality('condition', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER condition_history BEFORE UPDATE ON condition FOR EACH ROW EXECUTE FUNCTION keep_history();

CREATE TABLE intervention_condition (
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  intervention_id uuid NOT NULL REFERENCES intervention(id),
  condition_id    uuid NOT NULL REFERENCES condition(id),
  PRIMARY KEY (intervention_id, condition_id)
);
SELECT isolate_by_municipality('intervention_condition', 'SELECT, INSERT');

-- A contact: conversation, session, phone call or screen visit = KL Gateway Encounter.
CREATE TABLE encounter (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id  uuid NOT NULL REFERENCES municipality(id),
  citizen_id       uuid NOT NULL REFERENCES citizen(id),
  referral_id      uuid NOT NULL REFERENCES referral(id),
  pathway_id       uuid REFERENCES pathway(id),
  intervention_id  uuid REFERENCES intervention(id),
  purpose          text NOT NULL CHECK (purpose IN ('clarifying_conversation', 'needs_conversation', 'session',
                     'closing_conversation', 'follow_up', 'other')),
  class            text NOT NULL CHECK (class IN ('AMB', 'HH', 'VR', 'phone', 'screen')),
  start_at         timestamptz NOT NULL,
  end_at           timestamptz NOT NULL,
  status           text NOT NULL CHECK (status IN ('planned', 'arrived', 'in-progress', 'finished', 'cancelled',
                     'no-show', 'entered-in-error')),
  performed_by     uuid REFERENCES staff_user(id),
  note             text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1,
  CONSTRAINT encounter_period_order CHECK (end_at >= start_at)
);
CREATE INDEX encounter_referral ON encounter (municipality_id, referral_id, start_at);
SELECT isolate_by_municipality('encounter', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER encounter_history BEFORE UPDATE ON encounter FOR EACH ROW EXECUTE FUNCTION keep_history();

CREATE TABLE observation (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id  uuid NOT NULL REFERENCES municipality(id),
  citizen_id       uuid NOT NULL REFERENCES citizen(id),
  referral_id      uuid NOT NULL REFERENCES referral(id),
  encounter_id     uuid REFERENCES encounter(id),
  measure          text NOT NULL,
  loinc            text,
  value            double precision NOT NULL,
  unit             text NOT NULL,
  time_point       text NOT NULL CHECK (time_point IN ('baseline', 'end', 'follow_up', 'other')),
  effective_at     timestamptz NOT NULL,
  status           text NOT NULL DEFAULT 'final' CHECK (status IN ('final', 'entered-in-error')),
  recorded_by      uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1
);
CREATE INDEX observation_referral ON observation (municipality_id, referral_id, measure, time_point);
SELECT isolate_by_municipality('observation', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER observation_history BEFORE UPDATE ON observation FOR EACH ROW EXECUTE FUNCTION keep_history();
