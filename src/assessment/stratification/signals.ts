import type { InstrumentResult } from '../scoring/types.ts';
import { hba1cCategory, bmiCategory } from '../measurements/derive.ts';

/** What is known about the citizen when stratifying; every part may be missing. */
export interface AssessmentContext {
  results: readonly InstrumentResult[];
  socialPosition: Readonly<Record<string, string>>;
  chronicCount: number;
  measurements: Readonly<Record<string, number>>;
  literacy: { overallRating: number; digitalLiteracy: string } | null;
}

export type Signals = Record<string, boolean>;

const value = (results: readonly InstrumentResult[], instrument: string, key: string) => results.find((r) => r.instrument === instrument)?.values[key] ?? null;
const hasFlag = (results: readonly InstrumentResult[], code: string) => results.some((r) => r.flags.some((f) => f.code === code));
const pensions = new Set(['old_age_pension']);
const working = new Set(['employed', 'student']);

/**
 * The yes/no facts stratification rules are written in, derived from answers, measurements, social
 * position and health literacy. A fact that cannot be known (no data) is false: the professional
 * sees the reasons and can add what the data does not show. Pure.
 */
export function deriveSignals(ctx: AssessmentContext): Signals {
  const r = ctx.results;
  const who5 = value(r, 'who5', 'who5');
  const labour = ctx.socialPosition.labour_market;
  const hba1c = ctx.measurements.hba1c;
  const bmi = ctx.measurements.bmi;
  const systolic = ctx.measurements.systolic;
  const diastolic = ctx.measurements.diastolic;
  return {
    who5_reduced: typeof who5 === 'number' && who5 <= 50,
    who5_depression: typeof who5 === 'number' && who5 <= 28,
    srh_poor: hasFlag(r, 'srh.poor'),
    everyday_hard: hasFlag(r, 'everyday.hard') || hasFlag(r, 'everyday.very_hard'),
    limited_by_health: hasFlag(r, 'everyday.limited'),
    lonely_often: hasFlag(r, 'network.lonely_often'),
    no_support: hasFlag(r, 'network.no_support'),
    smoker: value(r, 'smoking', 'smoker') === true,
    alcohol_above_limit: value(r, 'alcohol', 'withinLimits') === false,
    inactive: hasFlag(r, 'activity.below_who') || hasFlag(r, 'activity.inactive'),
    motivation_not_ready: hasFlag(r, 'motivation.not_ready'),
    barriers_noted: hasFlag(r, 'barriers.noted'),
    multimorbidity: ctx.chronicCount >= 2,
    hba1c_above_75: hba1c !== undefined && hba1cCategory(hba1c) === '>75',
    bp_high: (systolic !== undefined && systolic >= 140) || (diastolic !== undefined && diastolic >= 90),
    bmi_obese: bmi !== undefined && bmiCategory(bmi) === 'obese',
    education_low: ctx.socialPosition.education === 'primary',
    outside_labour_market: labour !== undefined && !working.has(labour) && !pensions.has(labour) && labour !== 'unknown' && labour !== 'prefer_not_to_say',
    lives_alone: ctx.socialPosition.living_alone === 'yes',
    interpreter_needed: ctx.socialPosition.interpreter_needed === 'yes',
    literacy_low: ctx.literacy !== null && ctx.literacy.overallRating <= 2,
    digital_low: ctx.literacy !== null && (ctx.literacy.digitalLiteracy === 'needs_help' || ctx.literacy.digitalLiteracy === 'not_digital'),
  };
}
