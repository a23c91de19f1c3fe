-- Questionnaires are data: a municipality's own FHIR R4 Questionnaires (built-in ones ship with the
-- code and are not stored). One row per canonical url and business version; a new version is a new row.
CREATE TABLE questionnaire (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id  uuid NOT NULL REFERENCES municipality(id),
  url              text NOT NULL,
  business_version text NOT NULL,
  name             text,
  title            text NOT NULL,
  status           text NOT NULL CHECK (status IN ('draft', 'active', 'retired', 'unknown')),
  resource         jsonb NOT NULL,
  sha256           text NOT NULL,
  imported_by      uuid REFERENCES staff_user(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1,
  UNIQUE (municipality_id, url, business_version)
);
SELECT isolate_by_municipality('questionnaire', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER questionnaire_history BEFORE UPDATE ON questionnaire FOR EACH ROW EXECUTE FUNCTION keep_history();

-- A FHIR QuestionnaireResponse: the answers (flat, one entry per question, FHIR answer[x] values)
-- to one questionnaire version, at a time point of the course, given by the citizen (self), with
-- staff helping (assisted) or typed in by staff (staff).
CREATE TABLE questionnaire_response (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id       uuid NOT NULL REFERENCES municipality(id),
  citizen_id            uuid NOT NULL REFERENCES citizen(id),
  referral_id           uuid NOT NULL REFERENCES referral(id),
  pathway_id            uuid REFERENCES pathway(id),
  questionnaire_url     text NOT NULL,
  questionnaire_version text NOT NULL,
  time_point            text NOT NULL CHECK (time_point IN ('baseline', 'end', 'follow_up')),
  mode                  text NOT NULL CHECK (mode IN ('self', 'assisted', 'staff')),
  status                text NOT NULL CHECK (status IN ('in-progress', 'completed', 'entered-in-error')),
  language              text NOT NULL DEFAULT 'da',
  answers               jsonb NOT NULL DEFAULT '[]'::jsonb,
  authored_at           timestamptz NOT NULL,
  completed_at          timestamptz,
  author_id             uuid REFERENCES staff_user(id),
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  version               integer NOT NULL DEFAULT 1,
  CONSTRAINT questionnaire_response_completed_at CHECK ((status = 'completed') = (completed_at IS NOT NULL) OR status = 'entered-in-error')
);
CREATE INDEX questionnaire_response_referral ON questionnaire_response (municipality_id, referral_id, time_point);
CREATE INDEX questionnaire_response_citizen ON questionnaire_response (municipality_id, citizen_id, completed_at);
SELECT isolate_by_municipality('questionnaire_response', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER questionnaire_response_history BEFORE UPDATE ON questionnaire_response FOR EACH ROW EXECUTE FUNCTION keep_history();
