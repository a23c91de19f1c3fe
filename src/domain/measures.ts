/** Measurements the clarifying and closing conversations record, with units and plausible ranges. */
export interface MeasureDefinition {
  unit: string;
  loinc: string | null;
  /** Values outside are impossible and refused. */
  min: number;
  max: number;
  /** Values inside min-max but outside these are implausible: kept only when the professional confirms them. */
  plausibleMin?: number;
  plausibleMax?: number;
}

export const measures = {
  weight: { unit: 'kg', loinc: '29463-7', min: 20, max: 400, plausibleMin: 35, plausibleMax: 250 },
  height: { unit: 'cm', loinc: '8302-2', min: 100, max: 250, plausibleMin: 135, plausibleMax: 215 },
  bmi: { unit: 'kg/m2', loinc: '39156-5', min: 10, max: 100, plausibleMin: 15, plausibleMax: 60 },
  waist: { unit: 'cm', loinc: '8280-0', min: 40, max: 250, plausibleMin: 55, plausibleMax: 180 },
  systolic: { unit: 'mmHg', loinc: '8480-6', min: 50, max: 300, plausibleMin: 80, plausibleMax: 230 },
  diastolic: { unit: 'mmHg', loinc: '8462-4', min: 20, max: 200, plausibleMin: 40, plausibleMax: 140 },
  hba1c: { unit: 'mmol/mol', loinc: '59261-8', min: 15, max: 200, plausibleMin: 20, plausibleMax: 150 },
  cholesterol: { unit: 'mmol/L', loinc: '2093-3', min: 1, max: 20, plausibleMin: 2, plausibleMax: 12 },
  six_minute_walk: { unit: 'm', loinc: '64098-7', min: 0, max: 1200, plausibleMin: 30, plausibleMax: 900 },
  // No LOINC code verified for the 30-second chair stand or exhaled CO: left null rather than guessed.
  chair_stand_30s: { unit: 'count', loinc: null, min: 0, max: 60, plausibleMin: 1, plausibleMax: 40 },
  exhaled_co: { unit: 'ppm', loinc: null, min: 0, max: 150, plausibleMax: 80 },
  who5: { unit: 'score', loinc: null, min: 0, max: 100 },
} as const satisfies Record<string, MeasureDefinition>;

export type Measure = keyof typeof measures;
export const measureNames = Object.keys(measures) as Measure[];

export function validateMeasurement(measure: Measure, value: number, unit: string): { path: 'unit' | 'value'; rule: string; params: Record<string, string | number> }[] {
  const def: MeasureDefinition = measures[measure];
  if (unit !== def.unit) return [{ path: 'unit', rule: 'measure.unit', params: { unit: def.unit } }];
  if (!(value >= def.min && value <= def.max)) return [{ path: 'value', rule: 'measure.range', params: { min: def.min, max: def.max, unit: def.unit } }];
  return [];
}

/**
 * Where a value lies: impossible values are refused (as validateMeasurement does); implausible ones
 * (a typing slip like 19 kg for 91 kg) must be confirmed by the professional before they are kept.
 */
export function plausibility(measure: Measure, value: number): 'ok' | 'implausible' | 'impossible' {
  const def: MeasureDefinition = measures[measure];
  if (!(value >= def.min && value <= def.max)) return 'impossible';
  if (value < (def.plausibleMin ?? def.min) || value > (def.plausibleMax ?? def.max)) return 'implausible';
  return 'ok';
}

/**
 * The problem an implausible value has until the professional confirms it (`confirmed`), with the
 * plausible range for the message; null for a plausible, confirmed or impossible value (the last is
 * validateMeasurement's to refuse).
 */
export function unconfirmedImplausible(measure: Measure, value: number, confirmed: boolean | undefined): { path: 'value'; rule: 'measure.implausible'; params: Record<string, string | number> } | null {
  if (confirmed || plausibility(measure, value) !== 'implausible') return null;
  const def: MeasureDefinition = measures[measure];
  return { path: 'value', rule: 'measure.implausible', params: { min: def.plausibleMin ?? def.min, max: def.plausibleMax ?? def.max, unit: def.unit } };
}
