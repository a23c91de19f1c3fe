import { z } from 'zod';
import type { Queryable } from '../../db/database.ts';
import type { Actor } from '../../audit/audit-log.ts';
import { appendAudit } from '../../audit/audit-log.ts';
import { measureNames, measures, plausibility, type Measure } from '../../domain/measures.ts';
import { observationProblems } from '../../records/record-writes.ts';
import { validationError, type FieldProblem } from '../../shared/errors.ts';
import { id, isoDateTime } from '../../shared/schemas.ts';
import { getReferralRow, referencesExist } from '../../referrals/referral-service.ts';
import { refreshPathwayFact } from '../../analytics/refresh-fact.ts';
import { bmi, bmiCategory, hba1cCategory } from './derive.ts';

export const MeasurementsCreate = z.strictObject({
  timePoint: z.enum(['baseline', 'end', 'follow_up', 'other']),
  effectiveAt: isoDateTime.optional().describe('Default: now'),
  encounterId: id.optional(),
  measurements: z.array(z.strictObject({
    measure: z.enum(measureNames.filter((m) => m !== 'who5' && m !== 'bmi') as [Measure, ...Measure[]]),
    value: z.number(),
    unit: z.string(),
    confirmed: z.boolean().default(false).describe('Set after the professional has checked an implausible value (refused with rule measure.implausible until then)'),
  })).min(1).max(30),
});
export const MeasurementsOut = z.object({
  observations: z.array(z.object({
    id, measure: z.string(), value: z.number(), unit: z.string(), loinc: z.string().nullable(), derived: z.boolean(),
    category: z.string().nullable().describe('HbA1c: <48, 48-52, 53-57, 58-75, >75; BMI: underweight, normal, overweight, obese'),
  })),
});

export function categoryOf(measure: string, value: number): string | null {
  if (measure === 'hba1c') return hba1cCategory(value);
  if (measure === 'bmi') return bmiCategory(value);
  return null;
}

/** Impossible values are refused; implausible ones need `confirmed` (the same rule as the observation endpoints). Pure. */
export const measurementProblems = (list: z.infer<typeof MeasurementsCreate>['measurements']): FieldProblem[] => observationProblems(list, 'measurements');

/**
 * Records the measurements of a conversation. BMI is derived when weight is measured and a height
 * is known (measured now, or the citizen's latest height), and stored as its own observation.
 */
export async function recordMeasurements(tx: Queryable, actor: Actor, now: Date, referralId: string, input: z.infer<typeof MeasurementsCreate>): Promise<z.infer<typeof MeasurementsOut>> {
  const problems = [...measurementProblems(input.measurements), ...await referencesExist(tx, [{ path: 'encounterId', table: 'encounter', id: input.encounterId }])];
  if (problems.length) throw validationError(problems);
  const referral = await getReferralRow(tx, referralId);
  const at = input.effectiveAt ?? now.toISOString();
  const rows: { measure: string; value: number; derived: boolean }[] = input.measurements.map((m) => ({ measure: m.measure, value: m.value, derived: false }));
  const weight = input.measurements.find((m) => m.measure === 'weight')?.value;
  const height = input.measurements.find((m) => m.measure === 'height')?.value ?? (await tx.query<{ value: number }>(
    `SELECT value FROM observation WHERE citizen_id = $1 AND measure = 'height' AND status <> 'entered-in-error' ORDER BY effective_at DESC LIMIT 1`,
    [referral.citizen_id])).rows[0]?.value;
  const derivedBmi = bmi(weight, height === undefined ? undefined : Number(height));
  if (derivedBmi !== null && plausibility('bmi', derivedBmi) !== 'impossible') rows.push({ measure: 'bmi', value: derivedBmi, derived: true });
  const out: z.infer<typeof MeasurementsOut>['observations'] = [];
  for (const r of rows) {
    const def = measures[r.measure as Measure];
    const idValue = (await tx.query<{ id: string }>(
      `INSERT INTO observation (municipality_id, citizen_id, referral_id, encounter_id, measure, loinc, value, unit, time_point, effective_at, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [actor.municipalityId, referral.citizen_id, referral.id, input.encounterId ?? null, r.measure, def.loinc, r.value, def.unit, input.timePoint, at, actor.userId])).rows[0]!.id;
    out.push({ id: idValue, measure: r.measure, value: r.value, unit: def.unit, loinc: def.loinc, derived: r.derived, category: categoryOf(r.measure, r.value) });
  }
  await appendAudit(tx, actor, now, [{ action: 'create', resourceType: 'Observation', citizenId: referral.citizen_id, detail: { referralId, measures: rows.map((r) => r.measure) } }]);
  await refreshPathwayFact(tx, referral.id);
  return { observations: out };
}
