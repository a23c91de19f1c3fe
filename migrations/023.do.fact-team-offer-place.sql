-- The team a referral's group intervention runs on, with its catalogue offer and place, so the equity
-- cascade can be filtered by offer, team and location (issue 6). Filled for existing rows below.
ALTER TABLE pathway_fact ADD COLUMN team_id uuid;
ALTER TABLE pathway_fact ADD COLUMN offer_id uuid;
ALTER TABLE pathway_fact ADD COLUMN place_id uuid;
CREATE INDEX pathway_fact_offer ON pathway_fact (municipality_id, offer_id, referred_at);

UPDATE pathway_fact f SET team_id = t.team_id, offer_id = t.offer_id, place_id = t.place_id
  FROM (SELECT DISTINCT ON (i.referral_id) i.referral_id, tm.id AS team_id, tm.offer_id, tm.place_id
          FROM intervention i JOIN team tm ON tm.id = i.team_id
         WHERE i.status <> 'entered-in-error'
         ORDER BY i.referral_id, i.created_at, i.id) t
 WHERE t.referral_id = f.referral_id;
