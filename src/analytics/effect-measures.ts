import type { Label } from '../domain/social-position.ts';
import type { ImprovementRule } from '../statistics/paired-effect.ts';

/** The time points an effect compares with the start: the end of the course, or the follow-up. */
export const effectTimePoints = ['end', 'follow_up'] as const;
export type EffectTimePoint = (typeof effectTimePoints)[number];
export const timePointLabels: Record<EffectTimePoint, Label> = {
  end: { da: 'Start til slut', en: 'Start to end' },
  follow_up: { da: 'Start til opfølgning', en: 'Start to follow-up' },
};

interface EffectMeasure {
  /** pathway_fact holds `${column}_baseline`, `${column}_end` and `${column}_follow_up`. */
  column: string;
  unit: Label;
  label: Label;
  /** 'mean': paired mean difference with a t CI; 'proportion': a yes/no measure (1 yes, 0 no), change in prevalence with Newcombe's paired CI. */
  kind: 'mean' | 'proportion';
  rule: ImprovementRule;
}

/**
 * The effect measures issue 6 names, with what counts as an important improvement and why:
 * - WHO-5: at least +10 points, the minimal important change equity-measures.md fixes.
 * - Self-rated health (1 excellent … 5 poor): one category better, the smallest change the
 *   five-point question can show, and the one usually reported for it.
 * - Weight: at least 5 % lower than at start, the loss the Danish Health Authority and the diabetes
 *   prevention trials treat as clinically relevant. BMI: the same 5 % (height does not change, so a
 *   5 % lower BMI is a 5 % lower weight).
 * - Waist: at least 5 cm smaller, about the change linked to a lower cardiometabolic risk and larger
 *   than the measurement error of a tape measure (2-3 cm).
 * - Systolic blood pressure: at least 5 mmHg lower, the reduction the Blood Pressure Lowering
 *   Treatment Trialists' meta-analysis (Lancet 2021) links to about 10 % fewer cardiovascular events.
 * - Diastolic blood pressure: at least 3 mmHg lower, the diastolic reduction that accompanied 5 mmHg
 *   systolic in those trials.
 * - HbA1c: at least 5 mmol/mol lower (about 0.5 %-points, the change usually called clinically relevant).
 * - Physical activity: at least +30 minutes a week, one more half-hour session, a fifth of the WHO's
 *   150 minutes; smaller changes are within the recall error of a self-reported week.
 * - Smoking: a smoker at start who no longer smokes (daily or occasional smoking counts as smoking).
 */
export const effectMeasures = {
  who5: { column: 'who5', kind: 'mean', unit: { da: 'point', en: 'points' }, label: { da: 'Trivsel (WHO-5)', en: 'Well-being (WHO-5)' }, rule: { higherIsBetter: true, minimalImportantChange: 10 } },
  srh: { column: 'srh', kind: 'mean', unit: { da: 'kategorier (1-5)', en: 'categories (1-5)' }, label: { da: 'Selvvurderet helbred', en: 'Self-rated health' }, rule: { higherIsBetter: false, minimalImportantChange: 1 } },
  weight: { column: 'weight', kind: 'mean', unit: { da: 'kg', en: 'kg' }, label: { da: 'Vægt', en: 'Weight' }, rule: { higherIsBetter: false, minimalImportantChange: 0.05, relative: true } },
  bmi: { column: 'bmi', kind: 'mean', unit: { da: 'kg/m²', en: 'kg/m²' }, label: { da: 'BMI', en: 'BMI' }, rule: { higherIsBetter: false, minimalImportantChange: 0.05, relative: true } },
  waist: { column: 'waist', kind: 'mean', unit: { da: 'cm', en: 'cm' }, label: { da: 'Taljemål', en: 'Waist' }, rule: { higherIsBetter: false, minimalImportantChange: 5 } },
  systolic: { column: 'systolic', kind: 'mean', unit: { da: 'mmHg', en: 'mmHg' }, label: { da: 'Blodtryk, systolisk', en: 'Blood pressure, systolic' }, rule: { higherIsBetter: false, minimalImportantChange: 5 } },
  diastolic: { column: 'diastolic', kind: 'mean', unit: { da: 'mmHg', en: 'mmHg' }, label: { da: 'Blodtryk, diastolisk', en: 'Blood pressure, diastolic' }, rule: { higherIsBetter: false, minimalImportantChange: 3 } },
  hba1c: { column: 'hba1c', kind: 'mean', unit: { da: 'mmol/mol', en: 'mmol/mol' }, label: { da: 'Langtidsblodsukker (HbA1c)', en: 'HbA1c' }, rule: { higherIsBetter: false, minimalImportantChange: 5 } },
  activity: { column: 'activity', kind: 'mean', unit: { da: 'min./uge', en: 'min/week' }, label: { da: 'Fysisk aktivitet', en: 'Physical activity' }, rule: { higherIsBetter: true, minimalImportantChange: 30 } },
  smoking: { column: 'smoker', kind: 'proportion', unit: { da: 'procentpoint', en: 'percentage points' }, label: { da: 'Rygning', en: 'Smoking' }, rule: { higherIsBetter: false, minimalImportantChange: 1 } },
} as const satisfies Record<string, EffectMeasure>;

export type EffectMeasureKey = keyof typeof effectMeasures;
export const effectMeasureKeys = Object.keys(effectMeasures) as [EffectMeasureKey, ...EffectMeasureKey[]];

/** The fact columns a measure's pair is read from (constants, never from input). */
export const pairColumns = (key: EffectMeasureKey, timePoint: EffectTimePoint): { before: string; after: string } =>
  ({ before: `${effectMeasures[key].column}_baseline`, after: `${effectMeasures[key].column}_${timePoint}` });
