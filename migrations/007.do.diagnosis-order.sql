-- The first diagnosis on a referral is its main diagnosis (it sets the fact row's diagnosis group),
-- so the order the referrer gave must be kept; uuids do not sort by insertion.
ALTER TABLE referral_diagnosis ADD COLUMN position smallint NOT NULL DEFAULT 1 CHECK (position > 0);
