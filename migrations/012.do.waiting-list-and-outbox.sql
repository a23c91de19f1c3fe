-- Messages to citizens (SMS reminders, "a place is free") wait in an outbox and are sent by a
-- dispatcher, which records the sending. Minimal until a notifier takes it over: the dedupe key keeps
-- a reminder from being queued twice. No health information goes into a message body.
CREATE TABLE notification_outbox (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  citizen_id      uuid REFERENCES citizen(id),
  channel         text NOT NULL CHECK (channel IN ('sms', 'letter', 'digital_post', 'email')),
  recipient       text,
  template        text NOT NULL,
  body            text NOT NULL,
  related_type    text,
  related_id      uuid,
  dedupe_key      text NOT NULL,
  due_at          timestamptz NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
  attempts        smallint NOT NULL DEFAULT 0,
  sent_at         timestamptz,
  provider_ref    text,
  error           text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  UNIQUE (municipality_id, dedupe_key)
);
CREATE INDEX notification_outbox_due ON notification_outbox (municipality_id, status, due_at);
CREATE INDEX notification_outbox_related ON notification_outbox (municipality_id, related_type, related_id);
SELECT isolate_by_municipality('notification_outbox', 'SELECT, INSERT, UPDATE');

-- The waiting list of a team, in the order people joined it.
CREATE TABLE team_waiting (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  team_id         uuid NOT NULL REFERENCES team(id),
  referral_id     uuid NOT NULL REFERENCES referral(id),
  citizen_id      uuid NOT NULL REFERENCES citizen(id),
  queued_at       timestamptz NOT NULL DEFAULT now(),
  status          text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'offered', 'enrolled', 'declined', 'withdrawn')),
  offered_at      timestamptz,
  note            text,
  added_by        uuid REFERENCES staff_user(id),
  version         integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX team_waiting_once ON team_waiting (team_id, referral_id) WHERE status IN ('waiting', 'offered');
CREATE INDEX team_waiting_order ON team_waiting (municipality_id, team_id, status, queued_at);
SELECT isolate_by_municipality('team_waiting', 'SELECT, INSERT, UPDATE');
CREATE TRIGGER team_waiting_history BEFORE UPDATE ON team_waiting FOR EACH ROW EXECUTE FUNCTION keep_history();

-- Offers a free place on a team to the first person waiting, once per free place: a place is taken by
-- every participant who has not stopped or been cancelled and by every outstanding offer.
CREATE FUNCTION offer_free_team_place(p_team uuid) RETURNS uuid
  LANGUAGE plpgsql AS $$
DECLARE
  cap integer;
  taken integer;
  next_entry team_waiting%ROWTYPE;
BEGIN
  SELECT capacity INTO cap FROM team WHERE id = p_team;
  IF cap IS NULL THEN RETURN NULL; END IF;
  SELECT count(DISTINCT referral_id) INTO taken FROM intervention
   WHERE team_id = p_team AND status NOT IN ('entered-in-error', 'cancelled', 'stopped', 'completed');
  taken := taken + (SELECT count(*) FROM team_waiting WHERE team_id = p_team AND status = 'offered');
  IF taken >= cap THEN RETURN NULL; END IF;
  SELECT * INTO next_entry FROM team_waiting WHERE team_id = p_team AND status = 'waiting' ORDER BY queued_at, id LIMIT 1 FOR UPDATE;
  IF NOT FOUND THEN RETURN NULL; END IF;
  UPDATE team_waiting SET status = 'offered', offered_at = now(), version = version + 1 WHERE id = next_entry.id;
  INSERT INTO notification_outbox (municipality_id, citizen_id, channel, recipient, template, body, related_type, related_id, dedupe_key, due_at)
  SELECT next_entry.municipality_id, c.id, CASE WHEN c.phone IS NULL THEN 'letter' ELSE 'sms' END, c.phone, 'waiting_list.place_free',
         'Der er blevet en plads ledig på det hold, du venter på. Ring til sundhedscentret inden 3 dage, hvis du vil have den.',
         'TeamWaiting', next_entry.id, 'place_free:' || next_entry.id, now()
    FROM citizen c WHERE c.id = next_entry.citizen_id;
  RETURN next_entry.id;
END
$$;

-- A place frees when a participant's intervention leaves the team (stopped, cancelled, entered in
-- error, or moved to another team); joining a team takes the person off its waiting list.
CREATE FUNCTION team_membership_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.team_id IS NOT NULL AND NEW.status NOT IN ('entered-in-error', 'cancelled', 'stopped')
     AND (TG_OP = 'INSERT' OR NEW.team_id IS DISTINCT FROM OLD.team_id) THEN
    UPDATE team_waiting SET status = 'enrolled', version = version + 1
     WHERE team_id = NEW.team_id AND referral_id = NEW.referral_id AND status IN ('waiting', 'offered');
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.team_id IS NOT NULL
     AND (NEW.team_id IS DISTINCT FROM OLD.team_id
          OR (NEW.status IN ('entered-in-error', 'cancelled', 'stopped') AND OLD.status NOT IN ('entered-in-error', 'cancelled', 'stopped'))) THEN
    PERFORM offer_free_team_place(OLD.team_id);
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER intervention_team_membership AFTER INSERT OR UPDATE OF status, team_id ON intervention
  FOR EACH ROW EXECUTE FUNCTION team_membership_changed();
