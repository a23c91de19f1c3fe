import type { z } from 'zod';
import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { isConversationIntervention } from '../domain/terminology.ts';
import { validationError, type FieldProblem } from '../shared/errors.ts';
import { referencesExist, type ReferralRow } from '../referrals/referral-service.ts';
import { encounterProblems, insertConditions, insertEncounter, insertObservations, observationProblems } from '../records/record-writes.ts';
import { courseStep } from './course-step.ts';
import { scheduleAfterEnd } from '../assessment/links/task-service.ts';
import type { ClarifyingConversation, ContactAttemptCreate, CourseClose, FollowUp, PathwayEnd, PathwayGrant, PathwayStart } from './course-schemas.ts';

const fail = (problems: FieldProblem[]): void => { if (problems.length) throw validationError(problems); };

export function recordContactAttempt(tx: Queryable, actor: Actor, now: Date, referralId: string, input: z.infer<typeof ContactAttemptCreate>): Promise<ReferralRow> {
  return courseStep(tx, actor, now, referralId, input.version, { type: 'record_contact', reached: input.outcome === 'reached' }, async (referral) => {
    await tx.query(
      `INSERT INTO contact_attempt (municipality_id, referral_id, attempted_at, channel, outcome, note, performed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [actor.municipalityId, referral.id, input.attemptedAt, input.channel, input.outcome, input.note ?? null, actor.userId],
    );
    return { channel: input.channel, outcome: input.outcome };
  });
}

export function holdClarifyingConversation(tx: Queryable, actor: Actor, now: Date, referralId: string, input: z.infer<typeof ClarifyingConversation>): Promise<ReferralRow> {
  fail([...encounterProblems(input), ...observationProblems(input.observations, 'observations')]);
  return courseStep(tx, actor, now, referralId, input.version, { type: 'hold_clarifying_conversation' }, async (referral) => {
    // A booked (planned) conversation becomes the one held; otherwise the conversation is recorded now.
    const booked = (await tx.query<{ id: string }>(
      `SELECT id FROM encounter WHERE referral_id = $1 AND purpose = 'clarifying_conversation' AND status = 'planned' ORDER BY start_at LIMIT 1`, [referral.id])).rows[0];
    const encounterId = booked
      ? (await tx.query<{ id: string }>(
        `UPDATE encounter SET status = 'finished', class = $2, start_at = $3, end_at = $4, note = coalesce($5, note), performed_by = $6,
           version = version + 1, updated_at = now() WHERE id = $1 RETURNING id`,
        [booked.id, input.class, input.startAt, input.endAt, input.note ?? null, actor.userId])).rows[0]!.id
      : await insertEncounter(tx, actor, referral, { ...input, purpose: 'clarifying_conversation', status: 'finished' });
    await insertObservations(tx, actor, referral, input.observations, { timePoint: 'baseline', effectiveAt: input.startAt, encounterId });
    await insertConditions(tx, actor, referral, input.conditions, input.startAt.slice(0, 10));
    return { encounterId };
  });
}

export function grantPathway(tx: Queryable, actor: Actor, now: Date, referralId: string, input: z.infer<typeof PathwayGrant>): Promise<ReferralRow> {
  return courseStep(tx, actor, now, referralId, input.version, { type: 'grant_pathway' }, async (referral) => {
    fail(await referencesExist(tx, [
      { path: 'coordinatorId', table: 'staff_user', id: input.coordinatorId },
      { path: 'performerOrganizationId', table: 'organization', id: input.performerOrganizationId },
      ...input.interventions.flatMap((iv, i) => [
        { path: `interventions.${i}.teamId`, table: 'team', id: iv.teamId },
        { path: `interventions.${i}.performerUserId`, table: 'staff_user', id: iv.performerUserId },
        ...iv.conditionIds.map((c, j) => ({ path: `interventions.${i}.conditionIds.${j}`, table: 'condition', id: c })),
      ]),
    ]));
    const pathwayId = (await tx.query<{ id: string }>(
      `INSERT INTO pathway (municipality_id, citizen_id, referral_id, category, granted_on, status, coordinator_id, performer_organization_id)
       VALUES ($1, $2, $3, $4, $5, 'not-started', $6, $7) RETURNING id`,
      [actor.municipalityId, referral.citizen_id, referral.id, input.category, input.grantedOn, input.coordinatorId ?? null, input.performerOrganizationId ?? null],
    )).rows[0]!.id;
    for (const iv of input.interventions) {
      // KL Gateway: conversations (afklarende, behovs-, afsluttende samtale) are never based on a pathway.
      const basedOnPathway = !(iv.fsiiiCode && isConversationIntervention(iv.fsiiiCode));
      const interventionId = (await tx.query<{ id: string }>(
        `INSERT INTO intervention (municipality_id, citizen_id, referral_id, pathway_id, fsiii_code, local_code, local_display, delivery_type,
           performer_organization_id, performer_user_id, team_id, granted_on, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'not-started') RETURNING id`,
        [actor.municipalityId, referral.citizen_id, referral.id, basedOnPathway ? pathwayId : null, iv.fsiiiCode ?? null, iv.localCode ?? null,
          iv.localDisplay ?? null, iv.deliveryType, input.performerOrganizationId ?? null, iv.performerUserId ?? null, iv.teamId ?? null, input.grantedOn],
      )).rows[0]!.id;
      for (const conditionId of iv.conditionIds) {
        await tx.query('INSERT INTO intervention_condition (municipality_id, intervention_id, condition_id) VALUES ($1, $2, $3)', [actor.municipalityId, interventionId, conditionId]);
      }
    }
    return { pathwayId, interventions: input.interventions.length };
  });
}

export function startPathway(tx: Queryable, actor: Actor, now: Date, referralId: string, input: z.infer<typeof PathwayStart>): Promise<ReferralRow> {
  return courseStep(tx, actor, now, referralId, input.version, { type: 'start_pathway' }, async (referral) => {
    await tx.query(`UPDATE pathway SET status = 'in-progress', version = version + 1, updated_at = now() WHERE referral_id = $1 AND status = 'not-started'`, [referral.id]);
    await tx.query(
      `UPDATE intervention SET status = 'in-progress', start_date = coalesce(start_date, $2), version = version + 1, updated_at = now()
        WHERE referral_id = $1 AND status = 'not-started'`, [referral.id, input.startDate]);
  });
}

export function endPathway(tx: Queryable, actor: Actor, now: Date, referralId: string, input: z.infer<typeof PathwayEnd>): Promise<ReferralRow> {
  const event = { type: 'end_pathway' as const, outcome: input.outcome, ...(input.cancellationReason ? { cancellationReason: input.cancellationReason } : {}) };
  return courseStep(tx, actor, now, referralId, input.version, event, async (referral) => {
    const reason = input.outcome === 'completed' ? null : input.cancellationReason ?? null;
    await tx.query(
      `UPDATE pathway SET status = $2, ended_on = $3, cancellation_reason = $4, version = version + 1, updated_at = now()
        WHERE referral_id = $1 AND status IN ('not-started', 'scheduled', 'in-progress', 'on-hold')`,
      [referral.id, input.outcome, input.endedOn, reason]);
    await tx.query(
      `UPDATE intervention SET status = $2, end_date = $3, cancellation_reason = $4, version = version + 1, updated_at = now()
        WHERE referral_id = $1 AND status IN ('not-started', 'scheduled', 'in-progress', 'on-hold')`,
      [referral.id, input.outcome, input.endedOn, reason]);
    await scheduleAfterEnd(tx, actor.municipalityId, referral, input.endedOn, input.outcome);
    return { outcome: input.outcome };
  });
}

export function recordFollowUp(tx: Queryable, actor: Actor, now: Date, referralId: string, input: z.infer<typeof FollowUp>): Promise<ReferralRow> {
  fail([...encounterProblems(input), ...observationProblems(input.observations, 'observations')]);
  return courseStep(tx, actor, now, referralId, input.version, { type: 'follow_up' }, async (referral) => {
    const encounterId = await insertEncounter(tx, actor, referral, { ...input, purpose: 'follow_up', status: 'finished' });
    await insertObservations(tx, actor, referral, input.observations, { timePoint: 'follow_up', effectiveAt: input.startAt, encounterId });
    return { encounterId };
  });
}

export function closeCourse(tx: Queryable, actor: Actor, now: Date, referralId: string, input: z.infer<typeof CourseClose>): Promise<ReferralRow> {
  return courseStep(tx, actor, now, referralId, input.version, { type: 'close', cancellationReason: input.cancellationReason }, async () => undefined);
}

export function markReferralEnteredInError(tx: Queryable, actor: Actor, now: Date, referralId: string, version: number): Promise<ReferralRow> {
  return courseStep(tx, actor, now, referralId, version, { type: 'mark_entered_in_error' }, async (referral) => {
    await tx.query(`UPDATE pathway SET status = 'entered-in-error', cancellation_reason = NULL, version = version + 1, updated_at = now() WHERE referral_id = $1`, [referral.id]);
    await tx.query(`UPDATE intervention SET status = 'entered-in-error', version = version + 1, updated_at = now() WHERE referral_id = $1`, [referral.id]);
  });
}
