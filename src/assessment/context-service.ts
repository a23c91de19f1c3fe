import type { Queryable } from '../db/database.ts';
import { diagnosisGroup } from '../domain/social-position.ts';
import { getReferralRow, type ReferralRow } from '../referrals/referral-service.ts';
import type { Questionnaire } from './fhir/questionnaire-types.ts';
import { resolveQuestionnaire } from './questionnaire-service.ts';
import type { ResponseRow } from './response-service.ts';
import { scoreResponse } from './scoring/score-response.ts';
import type { InstrumentResult } from './scoring/types.ts';
import type { AssessmentContext } from './stratification/signals.ts';
import type { LiteracyAssessment } from './literacy/chat.ts';

export interface ScoredResponse { row: ResponseRow; questionnaire: Questionnaire; results: InstrumentResult[] }
export interface LiteracyRow { id: string; areas: LiteracyAssessment['areas']; overall_rating: number; digital_literacy: string; note: string | null; assessed_at: Date; assessed_by: string | null; version: number }
export interface ObservationRow { id: string; measure: string; value: number; unit: string; loinc: string | null; time_point: string; effective_at: Date; referral_id: string }

export interface LoadedContext extends AssessmentContext {
  referral: ReferralRow;
  citizen: { id: string; sex: string; birthDate: string; preferredLanguage: string; givenName: string; familyName: string };
  /** The citizen's completed responses, newest first (all their courses). */
  responses: ScoredResponse[];
  /** The citizen's observations, newest first (all their courses). */
  observations: ObservationRow[];
  literacyRow: LiteracyRow | null;
}

/** Everything known about the citizen that the conversation and stratification read, inside the caller's transaction. */
export async function loadAssessmentContext(tx: Queryable, referralId: string): Promise<LoadedContext> {
  const referral = await getReferralRow(tx, referralId);
  const q = async <T>(sql: string, params: unknown[]) => (await tx.query<T>(sql, params)).rows;
  const [citizenRows, responseRows, observations, social, diagnoses, literacy] = await Promise.all([
    q<{ id: string; sex: string; birth_date: string; preferred_language: string; given_name: string; family_name: string }>(
      'SELECT id, sex, birth_date::text, preferred_language, given_name, family_name FROM citizen WHERE id = $1', [referral.citizen_id]),
    q<ResponseRow>(`SELECT * FROM questionnaire_response WHERE citizen_id = $1 AND status = 'completed' ORDER BY completed_at DESC`, [referral.citizen_id]),
    q<ObservationRow>(`SELECT id, measure, value, unit, loinc, time_point, effective_at, referral_id FROM observation
        WHERE citizen_id = $1 AND status <> 'entered-in-error' ORDER BY effective_at DESC, created_at DESC`, [referral.citizen_id]),
    q<{ item: string; value: string }>(`SELECT DISTINCT ON (item) item, value FROM social_position_item WHERE citizen_id = $1 AND NOT entered_in_error
        ORDER BY item, recorded_on DESC, created_at DESC`, [referral.citizen_id]),
    q<{ system: string; code: string }>(`SELECT system, code FROM referral_diagnosis WHERE referral_id = $1 AND verification_status <> 'entered-in-error'`, [referral.id]),
    q<LiteracyRow>(`SELECT id, areas, overall_rating, digital_literacy, note, assessed_at, assessed_by, version FROM health_literacy_assessment
        WHERE referral_id = $1 AND status = 'final' ORDER BY assessed_at DESC, created_at DESC LIMIT 1`, [referral.id]),
  ]);
  const c = citizenRows[0]!;
  const responses: ScoredResponse[] = [];
  for (const row of responseRows) {
    const { questionnaire } = await resolveQuestionnaire(tx, row.questionnaire_url, row.questionnaire_version);
    responses.push({ row, questionnaire, results: scoreResponse(questionnaire, row.answers) });
  }
  const current = responses.find((r) => r.row.referral_id === referral.id) ?? responses[0];
  const measurements: Record<string, number> = {};
  for (const o of observations) if (!(o.measure in measurements)) measurements[o.measure] = Number(o.value);
  const groups = new Set(diagnoses.map((d) => diagnosisGroup(d.system, d.code)).filter((g) => g !== 'other'));
  const lit = literacy[0] ?? null;
  return {
    referral, responses, observations, literacyRow: lit,
    citizen: { id: c.id, sex: c.sex, birthDate: c.birth_date, preferredLanguage: c.preferred_language, givenName: c.given_name, familyName: c.family_name },
    results: current?.results ?? [],
    socialPosition: Object.fromEntries(social.map((s) => [s.item, s.value])),
    chronicCount: groups.size,
    measurements,
    literacy: lit ? { overallRating: lit.overall_rating, digitalLiteracy: lit.digital_literacy } : null,
  };
}
