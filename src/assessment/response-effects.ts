import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { refreshPathwayFact } from '../analytics/refresh-fact.ts';
import type { Questionnaire } from './fhir/questionnaire-types.ts';
import type { ResponseRow } from './response-service.ts';

/**
 * What a completed (or corrected) response means for the rest of the record. Runs in the same
 * transaction as the write. `questionnaire` is null when the response was marked entered in error.
 */
export async function afterCompletion(tx: Queryable, _actor: Actor, _now: Date, row: ResponseRow, _questionnaire: Questionnaire | null): Promise<void> {
  await refreshPathwayFact(tx, row.referral_id);
}
