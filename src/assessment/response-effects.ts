import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { measures } from '../domain/measures.ts';
import { validateSocialPositionItem } from '../domain/social-position.ts';
import { refreshFactsOfCitizen } from '../analytics/refresh-fact.ts';
import type { Questionnaire } from './fhir/questionnaire-types.ts';
import { scoreResponse, socialPositionAnswers } from './scoring/score-response.ts';
import type { ResponseRow } from './response-service.ts';
import { markTaskAnswered } from './links/task-service.ts';

export interface Derived { observations?: string[]; socialPosition?: string[] }

/**
 * What a completed response means for the rest of the record, in the same transaction: the WHO-5
 * score becomes an observation at the response's time point, the social-position answers become
 * self-reported social-position items, and the citizen's fact rows are rebuilt. When the response
 * is marked entered in error (`questionnaire` null) those records are marked entered in error too.
 */
export async function afterCompletion(tx: Queryable, actor: Actor, now: Date, row: ResponseRow, questionnaire: Questionnaire | null): Promise<void> {
  if (questionnaire === null) {
    const derived: Derived = row.derived ?? {};
    if (derived.observations?.length) await tx.query(`UPDATE observation SET status = 'entered-in-error', version = version + 1 WHERE id = ANY($1::uuid[])`, [derived.observations]);
    if (derived.socialPosition?.length) await tx.query('UPDATE social_position_item SET entered_in_error = true, version = version + 1 WHERE id = ANY($1::uuid[])', [derived.socialPosition]);
  } else {
    const derived: Derived = { observations: [], socialPosition: [] };
    const at = row.completed_at ?? now;
    const who5 = scoreResponse(questionnaire, row.answers).find((r) => r.instrument === 'who5');
    if (who5?.score !== null && who5?.score !== undefined) {
      derived.observations!.push((await tx.query<{ id: string }>(
        `INSERT INTO observation (municipality_id, citizen_id, referral_id, measure, loinc, value, unit, time_point, effective_at, recorded_by)
         VALUES ($1, $2, $3, 'who5', $4, $5, $6, $7, $8, $9) RETURNING id`,
        [row.municipality_id, row.citizen_id, row.referral_id, measures.who5.loinc, who5.score, measures.who5.unit, row.time_point, at, actor.userId])).rows[0]!.id);
    }
    const recordedOn = new Date(at).toISOString().slice(0, 10);
    const items = socialPositionAnswers(questionnaire, row.answers)
      .filter((i) => validateSocialPositionItem({ ...i, source: 'self_reported', recordedOn }).length === 0);
    for (const i of items) {
      derived.socialPosition!.push((await tx.query<{ id: string }>(
        `INSERT INTO social_position_item (municipality_id, citizen_id, item, value, source, recorded_on, recorded_by)
         VALUES ($1, $2, $3, $4, 'self_reported', $5, $6) RETURNING id`,
        [row.municipality_id, row.citizen_id, i.item, i.value, recordedOn, actor.userId])).rows[0]!.id);
    }
    await tx.query('UPDATE questionnaire_response SET derived = $2 WHERE id = $1', [row.id, JSON.stringify(derived)]);
    await markTaskAnswered(tx, row.referral_id, row.time_point);
    if (items.length) {
      await appendAudit(tx, actor, now, [{ action: 'create', resourceType: 'SocialPosition', citizenId: row.citizen_id, detail: { items: items.map((i) => i.item), source: 'self_reported', responseId: row.id } }]);
    }
  }
  await refreshFactsOfCitizen(tx, row.citizen_id);
}
