import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { transition, type CourseEvent } from '../domain/pathway-state.ts';
import { AppError } from '../shared/errors.ts';
import { getReferralRow, type ReferralRow } from '../referrals/referral-service.ts';
import { refreshPathwayFact } from '../analytics/refresh-fact.ts';

/**
 * One step of the course state machine: lock the referral, check the version the user saw, check
 * the step is legal, run its effect, move the state, audit and refresh the fact row — all in the
 * caller's transaction, so a refused step changes nothing.
 */
export async function courseStep(
  tx: Queryable, actor: Actor, now: Date, referralId: string, expected: number, event: CourseEvent,
  effect: (referral: ReferralRow) => Promise<Record<string, unknown> | void>,
): Promise<ReferralRow> {
  const referral = await getReferralRow(tx, referralId, true);
  if (referral.version !== expected) {
    throw new AppError('version_conflict', 'error.version_conflict', { resource: 'Henvisning', expected, actual: referral.version });
  }
  const result = transition(referral.stage, event);
  if (!result.ok) {
    if (result.code === 'invalid_event' && result.rule) {
      throw new AppError('validation_failed', 'error.validation_failed', { count: 1 }, [{ path: result.rule === 'end.outcome' ? 'outcome' : 'cancellationReason', rule: result.rule }]);
    }
    throw new AppError('illegal_transition', 'error.illegal_transition', {
      event: event.type, current: referral.stage, allowed: result.allowed.join(', ') || '—',
    });
  }
  const detail = (await effect(referral)) ?? {};
  const closedReason = event.type === 'close' ? event.cancellationReason : referral.closed_reason;
  const updated = (await tx.query<ReferralRow>(
    'UPDATE referral SET stage = $2, closed_reason = $3, version = version + 1, updated_at = now() WHERE id = $1 RETURNING *',
    [referralId, result.state, closedReason],
  )).rows[0]!;
  await appendAudit(tx, actor, now, [{
    action: 'transition', resourceType: 'Referral', resourceId: referralId, citizenId: referral.citizen_id,
    detail: { event: event.type, from: referral.stage, to: result.state, ...detail },
  }]);
  await refreshPathwayFact(tx, referralId);
  return updated;
}
