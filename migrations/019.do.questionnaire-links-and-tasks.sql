-- A personal link lets a citizen answer a questionnaire on their own phone without an account. Only
-- a hash of the token is stored; a link serves one questionnaire at one time point, expires, is used
-- up by submitting, and can ask for the birth date as a second check (locked after repeated misses).
CREATE TABLE questionnaire_link (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id       uuid NOT NULL REFERENCES municipality(id),
  citizen_id            uuid NOT NULL REFERENCES citizen(id),
  referral_id           uuid NOT NULL REFERENCES referral(id),
  questionnaire_url     text NOT NULL,
  questionnaire_version text NOT NULL,
  time_point            text NOT NULL CHECK (time_point IN ('baseline', 'end', 'follow_up')),
  token_hash            text NOT NULL UNIQUE,
  language              text NOT NULL DEFAULT 'da',
  require_birth_date    boolean NOT NULL DEFAULT false,
  failed_checks         smallint NOT NULL DEFAULT 0,
  channel               text NOT NULL CHECK (channel IN ('sms', 'email', 'none')),
  contact_phone         text,
  expires_at            timestamptz NOT NULL,
  used_at               timestamptz,
  revoked_at            timestamptz,
  response_id           uuid REFERENCES questionnaire_response(id),
  created_by            uuid REFERENCES staff_user(id),
  created_at            timestamptz NOT NULL DEFAULT now(),
  version               integer NOT NULL DEFAULT 1
);
CREATE INDEX questionnaire_link_referral ON questionnaire_link (municipality_id, referral_id, created_at);
SELECT isolate_by_municipality('questionnaire_link', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER questionnaire_link_history BEFORE UPDATE ON questionnaire_link FOR EACH ROW EXECUTE FUNCTION keep_history();

-- Questionnaires due later in a course: the end questionnaire when a pathway ends, the follow-up six
-- months on. Open tasks past their date are the list of who has not answered.
CREATE TABLE questionnaire_task (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  citizen_id      uuid NOT NULL REFERENCES citizen(id),
  referral_id     uuid NOT NULL REFERENCES referral(id),
  time_point      text NOT NULL CHECK (time_point IN ('end', 'follow_up')),
  due_on          date NOT NULL,
  status          text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'link_sent', 'answered', 'cancelled')),
  link_id         uuid REFERENCES questionnaire_link(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  UNIQUE (referral_id, time_point)
);
CREATE INDEX questionnaire_task_due ON questionnaire_task (municipality_id, status, due_on);
SELECT isolate_by_municipality('questionnaire_task', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER questionnaire_task_history BEFORE UPDATE ON questionnaire_task FOR EACH ROW EXECUTE FUNCTION keep_history();

-- Per municipality: the phone number citizens are given when a link has expired, and how long links last.
CREATE TABLE assessment_setting (
  municipality_id uuid PRIMARY KEY REFERENCES municipality(id),
  contact_phone   text,
  link_days       smallint NOT NULL DEFAULT 14 CHECK (link_days BETWEEN 1 AND 90),
  version         integer NOT NULL DEFAULT 1
);
SELECT isolate_by_municipality('assessment_setting', 'SELECT, INSERT, UPDATE');
