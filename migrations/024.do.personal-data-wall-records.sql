-- The role wall of migration 022, extended from identities to the health records themselves:
-- a caller without access to personal data sees no referral, contact, course, encounter,
-- measurement, condition, questionnaire answer, need, assessment or earlier version of any of them.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['referral', 'referral_diagnosis', 'contact_attempt', 'pathway', 'intervention', 'condition', 'encounter',
    'observation', 'social_position_item', 'questionnaire_response', 'record_history', 'citizen_need', 'health_literacy_assessment', 'stratification']
  LOOP
    EXECUTE format('CREATE POLICY personal_data_wall ON %I AS RESTRICTIVE USING (personal_data_allowed()) WITH CHECK (personal_data_allowed())', t);
  END LOOP;
END
$$;
