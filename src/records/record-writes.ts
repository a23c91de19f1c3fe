import type { z } from 'zod';
import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { measures, unconfirmedImplausible, validateMeasurement } from '../domain/measures.ts';
import { validationError, type FieldProblem } from '../shared/errors.ts';
import type { ConditionInput, ObservationInput } from '../pathways/course-schemas.ts';
import type { ReferralRow } from '../referrals/referral-service.ts';

export interface EncounterInput {
  purpose: string; class: string; startAt: string; endAt: string; status: string;
  pathwayId?: string | null; interventionId?: string | null; note?: string | undefined;
}

export function encounterProblems(e: { startAt: string; endAt: string }, prefix = ''): FieldProblem[] {
  return new Date(e.endAt) < new Date(e.startAt) ? [{ path: `${prefix}endAt`, rule: 'period.order' }] : [];
}

/** Impossible values are refused; implausible ones need `confirmed`, as on POST /api/referrals/{id}/measurements. */
export function observationProblems(list: z.infer<typeof ObservationInput>[], prefix: string): FieldProblem[] {
  return list.flatMap((o, i) => {
    const base = validateMeasurement(o.measure, o.value, o.unit);
    const unconfirmed = base.length ? null : unconfirmedImplausible(o.measure, o.value, o.confirmed);
    return [...base, ...(unconfirmed ? [unconfirmed] : [])].map((p) => ({ ...p, path: `${prefix}.${i}.${p.path}` }));
  });
}

export async function insertEncounter(tx: Queryable, actor: Actor, referral: ReferralRow, e: EncounterInput): Promise<string> {
  const problems = encounterProblems(e);
  if (problems.length) throw validationError(problems);
  return (await tx.query<{ id: string }>(
    `INSERT INTO encounter (municipality_id, citizen_id, referral_id, pathway_id, intervention_id, purpose, class, start_at, end_at, status, performed_by, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [actor.municipalityId, referral.citizen_id, referral.id, e.pathwayId ?? null, e.interventionId ?? null, e.purpose, e.class,
      e.startAt, e.endAt, e.status, actor.userId, e.note ?? null],
  )).rows[0]!.id;
}

export async function insertObservations(
  tx: Queryable, actor: Actor, referral: ReferralRow, list: z.infer<typeof ObservationInput>[],
  defaults: { timePoint: string; effectiveAt: string; encounterId: string | null },
): Promise<string[]> {
  const ids: string[] = [];
  for (const o of list) {
    ids.push((await tx.query<{ id: string }>(
      `INSERT INTO observation (municipality_id, citizen_id, referral_id, encounter_id, measure, loinc, value, unit, time_point, effective_at, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [actor.municipalityId, referral.citizen_id, referral.id, defaults.encounterId, o.measure, measures[o.measure].loinc, o.value, o.unit,
        o.timePoint ?? defaults.timePoint, o.effectiveAt ?? defaults.effectiveAt, actor.userId],
    )).rows[0]!.id);
  }
  return ids;
}

export async function insertConditions(tx: Queryable, actor: Actor, referral: ReferralRow, list: z.infer<typeof ConditionInput>[], recordedOn: string): Promise<string[]> {
  const ids: string[] = [];
  for (const c of list) {
    ids.push((await tx.query<{ id: string }>(
      `INSERT INTO condition (municipality_id, citizen_id, referral_id, code, recorded_on, clinical_status, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [actor.municipalityId, referral.citizen_id, referral.id, c.code, recordedOn, c.clinicalStatus, c.note ?? null],
    )).rows[0]!.id);
  }
  return ids;
}
