import type { Queryable } from '../db/database.ts';
import { resolveQuestionnaire } from '../assessment/questionnaire-service.ts';
import type { AnswerEntry, Questionnaire } from '../assessment/fhir/questionnaire-types.ts';
import { scoreResponse } from '../assessment/scoring/score-response.ts';
import { buildPathwayFact, factRow, pathwayFactColumns, type CourseSnapshot } from './pathway-fact.ts';
import { selfReportValues, type SelfReport } from './self-reports.ts';

const iso = (d: Date | string | null): string | null => (d === null ? null : typeof d === 'string' ? d : d.toISOString().slice(0, 10));

/** Reads one course as of now, inside the caller's transaction. */
export async function loadCourseSnapshot(tx: Queryable, referralId: string): Promise<CourseSnapshot | null> {
  const ref = (await tx.query<{ id: string; municipality_id: string; citizen_id: string; received_at: Date; source_code: string; stage: string; closed_reason: string | null; birth_date: Date | string; sex: string }>(
    `SELECT r.id, r.municipality_id, r.citizen_id, r.received_at, r.source_code, r.stage, r.closed_reason, c.birth_date::text AS birth_date, c.sex
       FROM referral r JOIN citizen c ON c.id = r.citizen_id WHERE r.id = $1`, [referralId])).rows[0];
  if (!ref) return null;
  const q = <T>(sql: string, params: unknown[] = [referralId]) => tx.query<T>(sql, params).then((r) => r.rows);
  const [diagnoses, contacts, encounters, pathways, interventions, observations, social] = await Promise.all([
    q<{ system: string; code: string; verification_status: string }>('SELECT system, code, verification_status FROM referral_diagnosis WHERE referral_id = $1 ORDER BY position, id'),
    q<{ attempted_at: Date; outcome: string; entered_in_error: boolean }>('SELECT attempted_at, outcome, entered_in_error FROM contact_attempt WHERE referral_id = $1'),
    q<{ purpose: string; start_at: Date; status: string }>('SELECT purpose, start_at, status FROM encounter WHERE referral_id = $1'),
    q<{ status: string; granted_on: string; ended_on: string | null; cancellation_reason: string | null }>(
      'SELECT status, granted_on::text, ended_on::text, cancellation_reason FROM pathway WHERE referral_id = $1 ORDER BY created_at'),
    q<{ start_date: string | null; status: string }>('SELECT start_date::text, status FROM intervention WHERE referral_id = $1'),
    q<{ measure: string; value: number; time_point: string; status: string; effective_at: Date }>(
      'SELECT measure, value, time_point, status, effective_at FROM observation WHERE referral_id = $1'),
    q<{ item: string; value: string }>(
      `SELECT DISTINCT ON (item) item, value FROM social_position_item
        WHERE citizen_id = $1 AND NOT entered_in_error ORDER BY item, recorded_on DESC, created_at DESC`, [ref.citizen_id]),
  ]);
  return {
    referral: { id: ref.id, municipalityId: ref.municipality_id, citizenId: ref.citizen_id, receivedAt: new Date(ref.received_at), sourceCode: ref.source_code, stage: ref.stage, closedReason: ref.closed_reason },
    citizen: { birthDate: iso(ref.birth_date as string)!, sex: ref.sex },
    diagnoses: diagnoses.map((d) => ({ system: d.system, code: d.code, verificationStatus: d.verification_status })),
    contactAttempts: contacts.map((c) => ({ attemptedAt: new Date(c.attempted_at), outcome: c.outcome, enteredInError: c.entered_in_error })),
    encounters: encounters.map((e) => ({ purpose: e.purpose, startAt: new Date(e.start_at), status: e.status })),
    pathways: pathways.map((p) => ({ status: p.status, grantedOn: p.granted_on, endedOn: p.ended_on, cancellationReason: p.cancellation_reason })),
    interventions: interventions.map((i) => ({ startDate: i.start_date, status: i.status })),
    observations: observations.map((o) => ({ measure: o.measure, value: Number(o.value), timePoint: o.time_point, status: o.status, effectiveAt: new Date(o.effective_at) })),
    socialPosition: Object.fromEntries(social.map((s) => [s.item, s.value])),
    supportLevel: (await q<{ final_level: string }>(
      `SELECT final_level FROM stratification WHERE referral_id = $1 AND status = 'final' ORDER BY decided_at DESC, created_at DESC LIMIT 1`))[0]?.final_level ?? null,
    bridges: (await q<{ bridged_on: string; status: string }>('SELECT bridged_on::text AS bridged_on, status FROM bridge WHERE referral_id = $1'))
      .map((b) => ({ bridgedOn: b.bridged_on, status: b.status })),
    selfReports: await loadSelfReports(tx, referralId),
    team: (await q<{ id: string; offer_id: string | null; place_id: string | null }>(
      `SELECT t.id, t.offer_id, t.place_id FROM intervention i JOIN team t ON t.id = i.team_id
        WHERE i.referral_id = $1 AND i.status <> 'entered-in-error' ORDER BY i.created_at, i.id LIMIT 1`)).map((t) => ({ id: t.id, offerId: t.offer_id, placeId: t.place_id }))[0] ?? null,
  };
}

/** The referral's completed questionnaire responses, each scored with the questionnaire version it answered. */
async function loadSelfReports(tx: Queryable, referralId: string): Promise<SelfReport[]> {
  const rows = (await tx.query<{ time_point: string; completed_at: Date; answers: AnswerEntry[]; questionnaire_url: string; questionnaire_version: string }>(
    `SELECT time_point, completed_at, answers, questionnaire_url, questionnaire_version FROM questionnaire_response
      WHERE referral_id = $1 AND status = 'completed'`, [referralId])).rows;
  const questionnaires = new Map<string, Questionnaire>();
  const reports: SelfReport[] = [];
  for (const r of rows) {
    const key = `${r.questionnaire_url}|${r.questionnaire_version}`;
    if (!questionnaires.has(key)) questionnaires.set(key, (await resolveQuestionnaire(tx, r.questionnaire_url, r.questionnaire_version)).questionnaire);
    reports.push({ timePoint: r.time_point, completedAt: new Date(r.completed_at), ...selfReportValues(scoreResponse(questionnaires.get(key)!, r.answers)) });
  }
  return reports;
}

const upsertSql = `INSERT INTO pathway_fact (${pathwayFactColumns.join(', ')}, updated_at)
  VALUES (${pathwayFactColumns.map((_, i) => `$${i + 1}`).join(', ')}, now())
  ON CONFLICT (referral_id) DO UPDATE SET ${pathwayFactColumns.filter((c) => c !== 'referral_id').map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()`;

/** Rewrites the fact row of a referral; call it in the same transaction as every write to the course. */
export async function refreshPathwayFact(tx: Queryable, referralId: string): Promise<void> {
  const snapshot = await loadCourseSnapshot(tx, referralId);
  if (!snapshot) return;
  await tx.query(upsertSql, factRow(buildPathwayFact(snapshot)));
}

/** A citizen's social position feeds every one of their referrals' facts. */
export async function refreshFactsOfCitizen(tx: Queryable, citizenId: string): Promise<void> {
  const referrals = await tx.query<{ id: string }>('SELECT id FROM referral WHERE citizen_id = $1', [citizenId]);
  for (const r of referrals.rows) await refreshPathwayFact(tx, r.id);
}
