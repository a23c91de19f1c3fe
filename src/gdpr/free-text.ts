/**
 * Where the application keeps free text (or contact details typed in by hand) about a citizen,
 * and how the retention job finds it (pure data and rules; the SQL is in retention-service.ts).
 * A new feature table with notes about citizens belongs here; free-text.test.ts compares this list
 * with the database's own catalogue so a forgotten column fails the suite.
 */

/** How a table's rows are tied to the citizen: its citizen_id, one of their referrals, or one of their bridges. */
export type Owner = 'citizen' | 'referral' | 'bridge';

export interface FreeTextTarget {
  table: string;
  owner: Owner;
  /** Columns emptied (set to NULL). */
  clear: readonly string[];
  /** Columns that must keep a value (a CHECK requires one): replaced by a fixed word instead. */
  replace?: readonly string[];
  /** Extra assignments, e.g. marking the row as erased. `$now` is the run's time. */
  also?: string;
}

export const ANONYMISED_TEXT = 'Anonymiseret';

export const freeTextTargets: readonly FreeTextTarget[] = [
  { table: 'referral', owner: 'citizen', clear: ['reason'] },
  { table: 'contact_attempt', owner: 'referral', clear: ['note'] },
  { table: 'condition', owner: 'citizen', clear: ['note'] },
  { table: 'encounter', owner: 'citizen', clear: ['note'] }, // conversation and session notes
  { table: 'attendance_call', owner: 'citizen', clear: ['note'] },
  { table: 'citizen_need', owner: 'citizen', clear: ['note'] },
  { table: 'citizen_consent', owner: 'citizen', clear: ['note'] },
  { table: 'health_literacy_assessment', owner: 'citizen', clear: ['note'] },
  { table: 'stratification', owner: 'citizen', clear: [], replace: ['override_reason'] },
  { table: 'team_waiting', owner: 'citizen', clear: ['note'] },
  { table: 'bridge', owner: 'citizen', clear: ['note'] },
  { table: 'bridge_follow_up', owner: 'bridge', clear: ['note'] },
  { table: 'questionnaire_link', owner: 'citizen', clear: ['contact_phone'] },
  { table: 'notification_outbox', owner: 'citizen', clear: ['recipient'], replace: ['body'] },
  { table: 'campaign_contact', owner: 'citizen', clear: ['given_name', 'family_name', 'phone', 'address', 'legal_basis_note'], also: 'erased_at = coalesce(erased_at, $now), version = version + 1' },
];

/**
 * Columns of citizen-linked tables that hold codes, states or numbers, not free text: listed so the
 * catalogue test can tell a forgotten note from a code. Questionnaire answers are handled by
 * `answersWithoutFreeText`; the citizen row itself by the identity update.
 */
export const notFreeText: Readonly<Record<string, readonly string[]>> = {
  referral: ['source_code', 'stage', 'closed_reason'],
  referral_diagnosis: ['system', 'code', 'display', 'clinical_status', 'verification_status'],
  citizen_need: ['barriers', 'preferred_times', 'preferred_weekdays', 'preferred_areas'],
  contact_attempt: ['channel', 'outcome'],
  condition: ['code', 'clinical_status', 'verification_status'],
  encounter: ['purpose', 'class', 'status'],
  attendance_call: ['outcome', 'cancellation_reason'],
  health_literacy_assessment: ['areas', 'digital_literacy', 'status'],
  stratification: ['model', 'model_version', 'inputs', 'recommended_level', 'reasons', 'final_level', 'status'],
  team_waiting: ['status'],
  bridge: ['companion', 'status'],
  bridge_follow_up: ['reason'],
  questionnaire_link: ['questionnaire_url', 'questionnaire_version', 'time_point', 'token_hash', 'language', 'channel'],
  notification_outbox: ['channel', 'template', 'related_type', 'dedupe_key', 'status', 'provider_ref', 'error'],
  campaign_contact: ['source', 'legal_basis'],
  citizen_consent: ['purpose', 'state', 'method'],
  intervention: ['fsiii_code', 'local_code', 'local_display', 'delivery_type', 'status', 'cancellation_reason'],
  pathway: ['category', 'status', 'cancellation_reason'],
  observation: ['measure', 'loinc', 'unit', 'time_point', 'status'],
  social_position_item: ['item', 'value', 'source'],
  questionnaire_response: ['questionnaire_url', 'questionnaire_version', 'time_point', 'mode', 'status', 'language', 'answers', 'derived'],
  questionnaire_task: ['time_point', 'status'],
  pathway_fact: ['stage', 'outcome', 'dropout_reason', 'referral_source', 'diagnosis_group', 'sex', 'age_band', 'education', 'education_group', 'labour_market',
    'origin', 'living_alone', 'social_housing', 'area_type', 'interpreter_needed', 'support_level'],
  kl_report: ['bundle_encrypted', 'content_hash', 'resource_hashes', 'issues', 'status', 'response_body', 'rejection_reason'],
  audit_event: ['actor_role', 'action', 'resource_type', 'purpose', 'detail', 'prev_hash', 'hash'],
};

interface AnswerEntry { linkId: string; answer: Record<string, unknown>[] }

/**
 * A questionnaire response's answers without what the citizen wrote in their own words
 * (valueString): coded, numeric, boolean and date answers stay, so scores and statistics remain.
 * Questions left without an answer are dropped. Pure.
 */
export function answersWithoutFreeText(answers: readonly AnswerEntry[]): { answers: AnswerEntry[]; removed: number } {
  let removed = 0;
  const kept: AnswerEntry[] = [];
  for (const entry of answers) {
    const values = entry.answer.filter((a) => {
      const text = 'valueString' in a;
      if (text) removed += 1;
      return !text;
    });
    if (values.length > 0) kept.push({ ...entry, answer: values });
  }
  return { answers: kept, removed };
}
