-- Proactive recruitment campaigns (e.g. Langeland's smoking-cessation drive): a call list from
-- referrals or entered contacts, every attempt with channel, outcome and caller.
CREATE TABLE campaign (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  name            text NOT NULL,
  description     text,
  offer_id        uuid REFERENCES offer(id),
  team_id         uuid REFERENCES team(id),
  course_date     date,
  area            text,
  starts_on       date NOT NULL,
  ends_on         date NOT NULL,
  status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
  ended_at        timestamptz,
  created_by      uuid REFERENCES staff_user(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  CONSTRAINT campaign_period_order CHECK (ends_on >= starts_on)
);
SELECT isolate_by_municipality('campaign', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER campaign_history BEFORE UPDATE ON campaign FOR EACH ROW EXECUTE FUNCTION keep_history();

-- Contact data entered for a campaign needs a legal basis (or consent) and is erased when the
-- campaign ends unless the person enrolled. Deliberately no history trigger: an erased name must not
-- survive in record_history. The anonymous row and its attempts stay for the results per channel.
CREATE TABLE campaign_contact (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id      uuid NOT NULL REFERENCES municipality(id),
  campaign_id          uuid NOT NULL REFERENCES campaign(id),
  source               text NOT NULL CHECK (source IN ('referral', 'entered')),
  referral_id          uuid REFERENCES referral(id),
  citizen_id           uuid REFERENCES citizen(id),
  given_name           text,
  family_name          text,
  phone                text,
  address              text,
  legal_basis          text CHECK (legal_basis IN ('consent', 'public_task')),
  legal_basis_note     text,
  enrolled_referral_id uuid REFERENCES referral(id),
  erased_at            timestamptz,
  created_by           uuid REFERENCES staff_user(id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 1,
  CONSTRAINT campaign_contact_referral CHECK (source <> 'referral' OR referral_id IS NOT NULL),
  CONSTRAINT campaign_contact_legal_basis CHECK (source <> 'entered' OR legal_basis IS NOT NULL)
);
CREATE INDEX campaign_contact_campaign ON campaign_contact (municipality_id, campaign_id);
SELECT isolate_by_municipality('campaign_contact', 'SELECT, INSERT, UPDATE');

CREATE TABLE campaign_attempt (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  contact_id      uuid NOT NULL REFERENCES campaign_contact(id),
  attempted_at    timestamptz NOT NULL,
  channel         text NOT NULL CHECK (channel IN ('phone', 'letter', 'door_to_door', 'poster', 'gp')),
  outcome         text NOT NULL CHECK (outcome IN ('answered', 'no_answer', 'not_interested', 'recruited')),
  performed_by    uuid REFERENCES staff_user(id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaign_attempt_contact ON campaign_attempt (municipality_id, contact_id, attempted_at);
SELECT isolate_by_municipality('campaign_attempt', 'SELECT, INSERT');
