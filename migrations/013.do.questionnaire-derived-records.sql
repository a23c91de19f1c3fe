-- A completed response also records what it says elsewhere: the WHO-5 score as an observation (so the
-- pathway fact and effect figures see it) and the self-reported social-position items. Their ids are
-- kept here so that marking the response entered in error corrects them too.
ALTER TABLE questionnaire_response ADD COLUMN derived jsonb NOT NULL DEFAULT '{}'::jsonb;
