-- Issue 6: the "bridged" step of the equity cascade and the effect measures at end and follow-up.
-- bridged_at: the earliest bridged_on of the referral's bridges to an association offer (not entered
-- in error). The measure columns hold the newest valid value at each time point: measurements and
-- WHO-5 from observation, self-rated health (1 excellent … 5 poor), physical activity (minutes a
-- week) and smoking (1 smoker, 0 not) from the completed questionnaire responses. Existing rows get
-- bridged_at and the measurements below; the self-reported values are filled by the next write to
-- the course (refreshPathwayFact), since scoring a response needs its questionnaire definition.
ALTER TABLE pathway_fact ADD COLUMN bridged_at timestamptz;
ALTER TABLE pathway_fact ADD COLUMN hba1c_follow_up double precision;
ALTER TABLE pathway_fact ADD COLUMN weight_follow_up double precision;
ALTER TABLE pathway_fact ADD COLUMN who5_follow_up double precision;
ALTER TABLE pathway_fact ADD COLUMN bmi_baseline double precision;
ALTER TABLE pathway_fact ADD COLUMN bmi_end double precision;
ALTER TABLE pathway_fact ADD COLUMN bmi_follow_up double precision;
ALTER TABLE pathway_fact ADD COLUMN waist_baseline double precision;
ALTER TABLE pathway_fact ADD COLUMN waist_end double precision;
ALTER TABLE pathway_fact ADD COLUMN waist_follow_up double precision;
ALTER TABLE pathway_fact ADD COLUMN systolic_baseline double precision;
ALTER TABLE pathway_fact ADD COLUMN systolic_end double precision;
ALTER TABLE pathway_fact ADD COLUMN systolic_follow_up double precision;
ALTER TABLE pathway_fact ADD COLUMN diastolic_baseline double precision;
ALTER TABLE pathway_fact ADD COLUMN diastolic_end double precision;
ALTER TABLE pathway_fact ADD COLUMN diastolic_follow_up double precision;
ALTER TABLE pathway_fact ADD COLUMN srh_baseline double precision;
ALTER TABLE pathway_fact ADD COLUMN srh_end double precision;
ALTER TABLE pathway_fact ADD COLUMN srh_follow_up double precision;
ALTER TABLE pathway_fact ADD COLUMN activity_baseline double precision;
ALTER TABLE pathway_fact ADD COLUMN activity_end double precision;
ALTER TABLE pathway_fact ADD COLUMN activity_follow_up double precision;
ALTER TABLE pathway_fact ADD COLUMN smoker_baseline double precision CHECK (smoker_baseline IN (0, 1));
ALTER TABLE pathway_fact ADD COLUMN smoker_end double precision CHECK (smoker_end IN (0, 1));
ALTER TABLE pathway_fact ADD COLUMN smoker_follow_up double precision CHECK (smoker_follow_up IN (0, 1));

UPDATE pathway_fact f SET bridged_at = b.bridged_on
  FROM (SELECT referral_id, (min(bridged_on)::text || 'T00:00:00Z')::timestamptz AS bridged_on FROM bridge
         WHERE referral_id IS NOT NULL AND status <> 'entered-in-error' GROUP BY referral_id) b
 WHERE b.referral_id = f.referral_id;

UPDATE pathway_fact f SET
  hba1c_follow_up = v.hba1c_follow_up, weight_follow_up = v.weight_follow_up, who5_follow_up = v.who5_follow_up,
  bmi_baseline = v.bmi_baseline, bmi_end = v.bmi_end, bmi_follow_up = v.bmi_follow_up,
  waist_baseline = v.waist_baseline, waist_end = v.waist_end, waist_follow_up = v.waist_follow_up,
  systolic_baseline = v.systolic_baseline, systolic_end = v.systolic_end, systolic_follow_up = v.systolic_follow_up,
  diastolic_baseline = v.diastolic_baseline, diastolic_end = v.diastolic_end, diastolic_follow_up = v.diastolic_follow_up
  FROM (SELECT referral_id,
          max(value) FILTER (WHERE measure = 'hba1c' AND time_point = 'follow_up') AS hba1c_follow_up,
          max(value) FILTER (WHERE measure = 'weight' AND time_point = 'follow_up') AS weight_follow_up,
          max(value) FILTER (WHERE measure = 'who5' AND time_point = 'follow_up') AS who5_follow_up,
          max(value) FILTER (WHERE measure = 'bmi' AND time_point = 'baseline') AS bmi_baseline,
          max(value) FILTER (WHERE measure = 'bmi' AND time_point = 'end') AS bmi_end,
          max(value) FILTER (WHERE measure = 'bmi' AND time_point = 'follow_up') AS bmi_follow_up,
          max(value) FILTER (WHERE measure = 'waist' AND time_point = 'baseline') AS waist_baseline,
          max(value) FILTER (WHERE measure = 'waist' AND time_point = 'end') AS waist_end,
          max(value) FILTER (WHERE measure = 'waist' AND time_point = 'follow_up') AS waist_follow_up,
          max(value) FILTER (WHERE measure = 'systolic' AND time_point = 'baseline') AS systolic_baseline,
          max(value) FILTER (WHERE measure = 'systolic' AND time_point = 'end') AS systolic_end,
          max(value) FILTER (WHERE measure = 'systolic' AND time_point = 'follow_up') AS systolic_follow_up,
          max(value) FILTER (WHERE measure = 'diastolic' AND time_point = 'baseline') AS diastolic_baseline,
          max(value) FILTER (WHERE measure = 'diastolic' AND time_point = 'end') AS diastolic_end,
          max(value) FILTER (WHERE measure = 'diastolic' AND time_point = 'follow_up') AS diastolic_follow_up
          -- the newest valid value per measure and time point, as buildPathwayFact chooses it
          FROM (SELECT DISTINCT ON (referral_id, measure, time_point) referral_id, measure, time_point, value FROM observation
                 WHERE status <> 'entered-in-error' ORDER BY referral_id, measure, time_point, effective_at DESC) newest
         GROUP BY referral_id) v
 WHERE v.referral_id = f.referral_id;
