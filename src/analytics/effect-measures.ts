import type { Label } from '../domain/social-position.ts';
import type { ImprovementRule } from '../statistics/paired-effect.ts';

/**
 * The effect measures pathway_fact holds as start and end values, with what counts as an important
 * improvement: WHO-5 at least +10 points (equity-measures.md); HbA1c at least 5 mmol/mol lower (about
 * 0.5 %-points, the change usually called clinically relevant); weight at least 5 % lower than at start.
 */
export const effectMeasures = {
  who5: { before: 'who5_baseline', after: 'who5_end', unit: 'score', label: { da: 'Trivsel (WHO-5)', en: 'Well-being (WHO-5)' }, rule: { higherIsBetter: true, minimalImportantChange: 10 } },
  hba1c: { before: 'hba1c_baseline', after: 'hba1c_end', unit: 'mmol/mol', label: { da: 'Langtidsblodsukker (HbA1c)', en: 'HbA1c' }, rule: { higherIsBetter: false, minimalImportantChange: 5 } },
  weight: { before: 'weight_baseline', after: 'weight_end', unit: 'kg', label: { da: 'Vægt', en: 'Weight' }, rule: { higherIsBetter: false, minimalImportantChange: 0.05, relative: true } },
} as const satisfies Record<string, { before: string; after: string; unit: string; label: Label; rule: ImprovementRule }>;

export type EffectMeasureKey = keyof typeof effectMeasures;
