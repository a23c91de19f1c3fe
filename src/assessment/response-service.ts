import type { z } from 'zod';
import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { AppError, notFound, validationError } from '../shared/errors.ts';
import { getReferralRow } from '../referrals/referral-service.ts';
import type { AnswerEntry, Questionnaire } from './fhir/questionnaire-types.ts';
import { checkAnswers, nestAnswers } from './engine/answers.ts';
import { answerMap } from './engine/enable-when.ts';
import { defaultQuestionnaire, type ResponseMode, type TimePoint } from './builtin.ts';
import { resolveQuestionnaire } from './questionnaire-service.ts';
import { afterCompletion } from './response-effects.ts';
import type { ResponseOut, ResponseUpdate } from './response-schemas.ts';
import { scoreResponse } from './scoring/score-response.ts';
import { resultOut } from './scoring/results-out.ts';
import type { Language } from '../shared/i18n.ts';

export interface ResponseRow {
  id: string; municipality_id: string; citizen_id: string; referral_id: string; pathway_id: string | null;
  questionnaire_url: string; questionnaire_version: string; time_point: TimePoint; mode: ResponseMode;
  status: 'in-progress' | 'completed' | 'entered-in-error'; language: string; answers: AnswerEntry[];
  authored_at: Date; completed_at: Date | null; author_id: string | null; version: number; derived?: Record<string, string[]>;
}

export interface NewResponse {
  questionnaire?: { url: string; version?: string | undefined } | undefined;
  timePoint: TimePoint; mode: ResponseMode; status: 'in-progress' | 'completed'; language: string; answers: AnswerEntry[];
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const closedStages = new Set(['closed', 'entered_in_error']);

export function responseOut(row: ResponseRow, q: Questionnaire, lang: Language = 'da'): ResponseOut {
  return {
    id: row.id, referralId: row.referral_id, citizenId: row.citizen_id, pathwayId: row.pathway_id,
    questionnaire: { url: row.questionnaire_url, version: row.questionnaire_version, title: q.title ?? q.name ?? q.url },
    timePoint: row.time_point, mode: row.mode, status: row.status, language: row.language, answers: row.answers,
    missingRequired: checkAnswers(q, row.answers, { complete: false }).missingRequired,
    results: scoreResponse(q, row.answers).map((r) => resultOut(lang, r)),
    authoredAt: iso(row.authored_at)!, completedAt: iso(row.completed_at), version: row.version,
  };
}

function checked(q: Questionnaire, answers: AnswerEntry[], status: string): AnswerEntry[] {
  const result = checkAnswers(q, answers, { complete: status === 'completed' });
  if (result.problems.length) throw validationError(result.problems);
  return result.answers;
}

/** Stores answers for a referral at a time point; completing one records what the answers imply (see response-effects). */
export async function createResponse(tx: Queryable, actor: Actor, now: Date, referralId: string, input: NewResponse): Promise<{ row: ResponseRow; questionnaire: Questionnaire }> {
  const referral = await getReferralRow(tx, referralId, true);
  if (closedStages.has(referral.stage)) throw validationError([{ path: 'id', rule: 'questionnaire.referral_closed' }]);
  const ref = input.questionnaire ?? defaultQuestionnaire[input.timePoint];
  const { questionnaire } = await resolveQuestionnaire(tx, ref.url, ref.version);
  const answers = checked(questionnaire, input.answers, input.status);
  const pathwayId = (await tx.query<{ id: string }>(
    `SELECT id FROM pathway WHERE referral_id = $1 AND status <> 'entered-in-error' ORDER BY created_at DESC LIMIT 1`, [referral.id])).rows[0]?.id ?? null;
  const row = (await tx.query<ResponseRow>(
    `INSERT INTO questionnaire_response (municipality_id, citizen_id, referral_id, pathway_id, questionnaire_url, questionnaire_version,
       time_point, mode, status, language, answers, authored_at, completed_at, author_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING *`,
    [actor.municipalityId, referral.citizen_id, referral.id, pathwayId, questionnaire.url, questionnaire.version, input.timePoint, input.mode,
      input.status, input.language, JSON.stringify(answers), now, input.status === 'completed' ? now : null, actor.userId],
  )).rows[0]!;
  await appendAudit(tx, actor, now, [{ action: 'create', resourceType: 'QuestionnaireResponse', resourceId: row.id, citizenId: row.citizen_id, detail: { timePoint: row.time_point, mode: row.mode, status: row.status } }]);
  if (row.status === 'completed') await afterCompletion(tx, actor, now, row, questionnaire);
  return { row, questionnaire };
}

export async function getResponseRow(tx: Queryable, id: string, forUpdate = false): Promise<ResponseRow> {
  const row = (await tx.query<ResponseRow>(`SELECT * FROM questionnaire_response WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id])).rows[0];
  if (!row) throw notFound('Besvarelse');
  return row;
}

/** Saves more answers to an unfinished response, or completes it; a completed response is never changed (mark it entered in error instead). */
export async function updateResponse(tx: Queryable, actor: Actor, now: Date, id: string, input: z.infer<typeof ResponseUpdate>): Promise<{ row: ResponseRow; questionnaire: Questionnaire }> {
  const current = await getResponseRow(tx, id, true);
  if (current.version !== input.version) throw new AppError('version_conflict', 'error.version_conflict', { resource: 'Besvarelse', expected: input.version, actual: current.version });
  if (current.status !== 'in-progress') throw validationError([{ path: 'status', rule: 'questionnaire.response_closed' }]);
  const { questionnaire } = await resolveQuestionnaire(tx, current.questionnaire_url, current.questionnaire_version);
  const answers = checked(questionnaire, input.answers, input.status);
  const row = (await tx.query<ResponseRow>(
    `UPDATE questionnaire_response SET answers = $2, status = $3, completed_at = $4, version = version + 1, updated_at = now()
      WHERE id = $1 RETURNING *`,
    [id, JSON.stringify(answers), input.status, input.status === 'completed' ? now : null],
  )).rows[0]!;
  await appendAudit(tx, actor, now, [{ action: 'update', resourceType: 'QuestionnaireResponse', resourceId: id, citizenId: row.citizen_id, detail: { status: row.status } }]);
  if (row.status === 'completed') await afterCompletion(tx, actor, now, row, questionnaire);
  return { row, questionnaire };
}

export async function readResponse(tx: Queryable, actor: Actor, now: Date, id: string): Promise<{ row: ResponseRow; questionnaire: Questionnaire }> {
  const row = await getResponseRow(tx, id);
  const { questionnaire } = await resolveQuestionnaire(tx, row.questionnaire_url, row.questionnaire_version);
  await appendAudit(tx, actor, now, [{ action: 'read', resourceType: 'QuestionnaireResponse', resourceId: id, citizenId: row.citizen_id }]);
  return { row, questionnaire };
}

export async function listResponses(tx: Queryable, actor: Actor, now: Date, referralId: string): Promise<{ row: ResponseRow; questionnaire: Questionnaire }[]> {
  const referral = await getReferralRow(tx, referralId);
  const rows = (await tx.query<ResponseRow>('SELECT * FROM questionnaire_response WHERE referral_id = $1 ORDER BY authored_at', [referralId])).rows;
  await appendAudit(tx, actor, now, [{ action: 'read', resourceType: 'QuestionnaireResponse', citizenId: referral.citizen_id, detail: { referralId, count: rows.length } }]);
  const out = [];
  for (const row of rows) out.push({ row, questionnaire: (await resolveQuestionnaire(tx, row.questionnaire_url, row.questionnaire_version)).questionnaire });
  return out;
}

/** A correction: the response (and what it recorded) is kept but no longer counts. */
export async function markResponseEnteredInError(tx: Queryable, actor: Actor, now: Date, id: string, version: number): Promise<{ id: string; version: number }> {
  const current = await getResponseRow(tx, id, true);
  if (current.version !== version) throw new AppError('version_conflict', 'error.version_conflict', { resource: 'Besvarelse', expected: version, actual: current.version });
  const row = (await tx.query<ResponseRow>(
    `UPDATE questionnaire_response SET status = 'entered-in-error', version = version + 1, updated_at = now() WHERE id = $1 RETURNING *`, [id])).rows[0]!;
  await appendAudit(tx, actor, now, [{ action: 'correct', resourceType: 'QuestionnaireResponse', resourceId: id, citizenId: row.citizen_id, detail: { enteredInError: true } }]);
  await afterCompletion(tx, actor, now, row, null);
  return { id: row.id, version: row.version };
}

/** The response as a FHIR R4 QuestionnaireResponse. */
export function toFhirResponse(row: ResponseRow, q: Questionnaire): Record<string, unknown> {
  const status = row.status === 'completed' ? 'completed' : row.status === 'in-progress' ? 'in-progress' : 'entered-in-error';
  return {
    resourceType: 'QuestionnaireResponse', id: row.id, questionnaire: `${row.questionnaire_url}|${row.questionnaire_version}`, status,
    subject: { reference: `Patient/${row.citizen_id}` }, basedOn: row.pathway_id ? [{ reference: `CarePlan/${row.pathway_id}` }] : undefined,
    authored: iso(row.completed_at ?? row.authored_at), language: row.language,
    source: row.mode === 'staff' ? undefined : { reference: `Patient/${row.citizen_id}` },
    author: row.author_id ? { reference: `Practitioner/${row.author_id}` } : undefined,
    extension: [{ url: 'https://ligevej.dk/fhir/StructureDefinition/time-point', valueCode: row.time_point },
      { url: 'https://ligevej.dk/fhir/StructureDefinition/response-mode', valueCode: row.mode }],
    item: nestAnswers(q.item, answerMap(row.answers)),
  };
}
