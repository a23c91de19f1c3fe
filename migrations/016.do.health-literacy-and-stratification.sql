-- Health literacy assessed in the conversation (the five areas of CHAT, each with structured notes
-- and a professional rating 1-4, plus an overall rating and a digital-literacy flag).
CREATE TABLE health_literacy_assessment (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id  uuid NOT NULL REFERENCES municipality(id),
  citizen_id       uuid NOT NULL REFERENCES citizen(id),
  referral_id      uuid NOT NULL REFERENCES referral(id),
  encounter_id     uuid REFERENCES encounter(id),
  areas            jsonb NOT NULL,
  overall_rating   smallint NOT NULL CHECK (overall_rating BETWEEN 1 AND 4),
  digital_literacy text NOT NULL CHECK (digital_literacy IN ('independent', 'needs_help', 'not_digital', 'unknown')),
  note             text,
  assessed_at      timestamptz NOT NULL,
  assessed_by      uuid REFERENCES staff_user(id),
  status           text NOT NULL DEFAULT 'final' CHECK (status IN ('final', 'entered-in-error')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1
);
CREATE INDEX health_literacy_referral ON health_literacy_assessment (municipality_id, referral_id, assessed_at);
SELECT isolate_by_municipality('health_literacy_assessment', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER health_literacy_history BEFORE UPDATE ON health_literacy_assessment FOR EACH ROW EXECUTE FUNCTION keep_history();

-- Stratification is decision support: the model's recommendation and its reasons are kept beside
-- the professional's final support level, and a different final level needs a reason.
CREATE TABLE stratification (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id   uuid NOT NULL REFERENCES municipality(id),
  citizen_id        uuid NOT NULL REFERENCES citizen(id),
  referral_id       uuid NOT NULL REFERENCES referral(id),
  model             text NOT NULL,
  model_version     text NOT NULL,
  inputs            jsonb NOT NULL,
  recommended_level text NOT NULL CHECK (recommended_level IN ('self_managed', 'standard', 'extended')),
  reasons           jsonb NOT NULL,
  final_level       text NOT NULL CHECK (final_level IN ('self_managed', 'standard', 'extended')),
  override_reason   text,
  decided_at        timestamptz NOT NULL,
  decided_by        uuid REFERENCES staff_user(id),
  status            text NOT NULL DEFAULT 'final' CHECK (status IN ('final', 'entered-in-error')),
  created_at        timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL DEFAULT 1,
  CONSTRAINT stratification_override_needs_reason CHECK (final_level = recommended_level OR override_reason IS NOT NULL)
);
CREATE INDEX stratification_referral ON stratification (municipality_id, referral_id, decided_at);
SELECT isolate_by_municipality('stratification', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER stratification_history BEFORE UPDATE ON stratification FOR EACH ROW EXECUTE FUNCTION keep_history();

-- The professional's final support level is a dimension of the analytics row.
ALTER TABLE pathway_fact ADD COLUMN support_level text NOT NULL DEFAULT 'unknown';
CREATE INDEX pathway_fact_support_level ON pathway_fact (municipality_id, support_level, stage);
