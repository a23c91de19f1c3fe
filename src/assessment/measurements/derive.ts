import type { Flag } from '../scoring/types.ts';

/** BMI = weight (kg) / height (m)², one decimal; null unless both are given and positive. */
export function bmi(weightKg: number | null | undefined, heightCm: number | null | undefined): number | null {
  if (typeof weightKg !== 'number' || typeof heightCm !== 'number' || !(weightKg > 0) || !(heightCm > 0)) return null;
  const m = heightCm / 100;
  return Math.round((weightKg / (m * m)) * 10) / 10;
}

/**
 * The HbA1c categories used in the seeds (mmol/mol): < 48, 48-52, 53-57, 58-75, > 75. Laboratories
 * report whole numbers; a decimal value belongs to the band its whole part falls in (52.6 → 48-52),
 * except that anything above 75 is > 75.
 */
export type Hba1cCategory = '<48' | '48-52' | '53-57' | '58-75' | '>75';
export function hba1cCategory(value: number): Hba1cCategory {
  if (value > 75) return '>75';
  if (value < 48) return '<48';
  if (value < 53) return '48-52';
  if (value < 58) return '53-57';
  return '58-75';
}

/** WHO adult BMI classes. */
export type BmiCategory = 'underweight' | 'normal' | 'overweight' | 'obese';
export function bmiCategory(value: number): BmiCategory {
  if (value < 18.5) return 'underweight';
  if (value < 25) return 'normal';
  if (value < 30) return 'overweight';
  return 'obese';
}

/** Flags the conversation view shows beside a measurement. `sex` is needed for waist. */
export function measurementFlags(measure: string, value: number, ctx: { sex?: string | undefined } = {}): Flag[] {
  switch (measure) {
    case 'hba1c': {
      const category = hba1cCategory(value);
      if (category === '>75') return [{ code: 'hba1c.very_high', severity: 'concern', params: { value, category } }];
      if (category === '58-75') return [{ code: 'hba1c.high', severity: 'attention', params: { value, category } }];
      return [];
    }
    case 'bmi': {
      const category = bmiCategory(value);
      if (category === 'obese') return [{ code: 'bmi.obese', severity: 'attention', params: { value } }];
      if (category === 'underweight') return [{ code: 'bmi.underweight', severity: 'attention', params: { value } }];
      return [];
    }
    case 'systolic': return value >= 180 ? [{ code: 'bp.very_high', severity: 'concern', params: { value } }] : value >= 140 ? [{ code: 'bp.high', severity: 'attention', params: { value } }] : [];
    case 'diastolic': return value >= 110 ? [{ code: 'bp.very_high', severity: 'concern', params: { value } }] : value >= 90 ? [{ code: 'bp.high', severity: 'attention', params: { value } }] : [];
    case 'waist': {
      const limit = ctx.sex === 'female' ? 88 : ctx.sex === 'male' ? 102 : null;
      return limit !== null && value >= limit ? [{ code: 'waist.high', severity: 'attention', params: { value, limit } }] : [];
    }
    case 'exhaled_co': return value > 10 ? [{ code: 'co.smoking', severity: 'info', params: { value } }] : [];
    default: return [];
  }
}
