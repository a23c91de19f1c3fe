/** The columns the demo loader writes, per table, in load order (parents before children). */
export const demoTables = {
  organization: ['id', 'municipality_id', 'id_system', 'id_value', 'name', 'kind'],
  place: ['id', 'municipality_id', 'name', 'kind', 'area', 'address', 'accessibility'],
  offer: ['id', 'municipality_id', 'internal_name', 'public_name', 'intervention_codes', 'diseases', 'delivery_mode', 'languages', 'time_of_day', 'session_minutes', 'session_count', 'capacity', 'support_level', 'features'],
  offer_place: ['municipality_id', 'offer_id', 'place_id'],
  team: ['id', 'municipality_id', 'name', 'intervention_code', 'language', 'location', 'capacity', 'starts_on', 'weekday', 'start_time', 'session_count', 'instructor_id', 'offer_id', 'place_id', 'session_minutes'],
  team_instructor: ['municipality_id', 'team_id', 'staff_user_id'],
  team_session: ['id', 'municipality_id', 'team_id', 'number', 'start_at', 'end_at', 'location', 'status'],
  citizen: ['id', 'municipality_id', 'cpr_hash', 'cpr_encrypted', 'birth_date', 'sex', 'given_name', 'family_name', 'address_line', 'postal_code', 'city', 'phone', 'preferred_language'],
  social_position_item: ['id', 'municipality_id', 'citizen_id', 'item', 'value', 'source', 'recorded_on', 'recorded_by'],
  referral: ['id', 'municipality_id', 'citizen_id', 'source_code', 'referring_organization_id', 'received_at', 'reason', 'stage', 'closed_reason', 'created_at', 'updated_at', 'version'],
  referral_diagnosis: ['id', 'municipality_id', 'referral_id', 'system', 'code', 'display', 'position'],
  contact_attempt: ['id', 'municipality_id', 'referral_id', 'attempted_at', 'channel', 'outcome', 'performed_by', 'created_at'],
  pathway: ['id', 'municipality_id', 'citizen_id', 'referral_id', 'category', 'granted_on', 'ended_on', 'status', 'cancellation_reason', 'coordinator_id', 'performer_organization_id'],
  intervention: ['id', 'municipality_id', 'citizen_id', 'referral_id', 'pathway_id', 'fsiii_code', 'delivery_type', 'performer_organization_id', 'performer_user_id', 'team_id', 'granted_on', 'start_date', 'end_date', 'status'],
  condition: ['id', 'municipality_id', 'citizen_id', 'referral_id', 'code', 'recorded_on', 'clinical_status'],
  intervention_condition: ['municipality_id', 'intervention_id', 'condition_id'],
  encounter: ['id', 'municipality_id', 'citizen_id', 'referral_id', 'pathway_id', 'intervention_id', 'team_session_id', 'purpose', 'class', 'start_at', 'end_at', 'status', 'performed_by'],
  observation: ['id', 'municipality_id', 'citizen_id', 'referral_id', 'encounter_id', 'measure', 'loinc', 'value', 'unit', 'time_point', 'effective_at', 'recorded_by'],
  questionnaire_response: ['id', 'municipality_id', 'citizen_id', 'referral_id', 'questionnaire_url', 'questionnaire_version', 'time_point', 'mode', 'status', 'language',
    'answers', 'authored_at', 'completed_at', 'author_id', 'derived'],
  bridge: ['id', 'municipality_id', 'citizen_id', 'referral_id', 'association_offer_id', 'bridged_on', 'companion', 'created_by'],
  bridge_follow_up: ['id', 'municipality_id', 'bridge_id', 'months', 'due_on', 'followed_up_on', 'still_active', 'reason', 'recorded_by'],
  pathway_fact: [] as readonly string[], // filled from pathwayFactColumns by the loader
} as const;

export type DemoTable = keyof typeof demoTables;
export type Row = unknown[];
export type TableRows = Record<DemoTable, Row[]>;

export const emptyTableRows = (): TableRows =>
  Object.fromEntries(Object.keys(demoTables).map((t) => [t, []])) as unknown as TableRows;
