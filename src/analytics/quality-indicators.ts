import { z } from 'zod';
import { cascadeSteps, reachedStep } from './cascade-steps.ts';
import { effectMeasureKeys, effectMeasures, pairColumns, type EffectMeasureKey } from './effect-measures.ts';
import { periodColumns } from './equity-filters.ts';

/**
 * Quality indicators as data, in the style of STOPbasen: who is counted (denominator), who met the
 * indicator (numerator), the date that places a course in a month, a target and the inclusion rule
 * (at least 20 in the denominator before a unit or month is judged). Conditions come from a closed
 * vocabulary that compiles to SQL over pathway_fact; numbers are validated before they are used.
 */
export type Condition =
  | { step: (typeof cascadeSteps)[number] }
  | { daysFromReferral: { to: 'first_contact_at' | 'started_at'; atMost: number } }
  | { ended: true }
  | { measured: EffectMeasureKey }
  | { improved: EffectMeasureKey }
  | { all: Condition[] };

const measureKey = z.enum(effectMeasureKeys);
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() => z.union([
  z.strictObject({ step: z.enum(cascadeSteps) }),
  z.strictObject({ daysFromReferral: z.strictObject({ to: z.enum(['first_contact_at', 'started_at']), atMost: z.number().int().min(0).max(3650) }) }),
  z.strictObject({ ended: z.literal(true) }),
  z.strictObject({ measured: measureKey }),
  z.strictObject({ improved: measureKey }),
  z.strictObject({ all: z.array(ConditionSchema).min(1) }),
]));

export const QualityIndicatorSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9_]+$/),
  name: z.strictObject({ da: z.string(), en: z.string() }),
  description: z.strictObject({ da: z.string(), en: z.string() }),
  denominator: ConditionSchema,
  numerator: ConditionSchema.describe('Counted only within the denominator'),
  periodBy: z.enum(periodColumns),
  target: z.number().min(0).max(1).nullable(),
  higherIsBetter: z.boolean(),
  minimumDenominator: z.number().int().min(1),
});
export type QualityIndicator = z.infer<typeof QualityIndicatorSchema>;

export const defaultQualityIndicators: QualityIndicator[] = z.array(QualityIndicatorSchema).parse([
  {
    key: 'contact_within_10_days', periodBy: 'referred_at', target: 0.9, higherIsBetter: true, minimumDenominator: 20,
    name: { da: 'Kontakt inden for 10 dage', en: 'Contact within 10 days' },
    description: { da: 'Andel af de henviste, der er kontaktet inden for 10 dage efter henvisningen.', en: 'Share of those referred who were reached within 10 days of the referral.' },
    denominator: { step: 'referred' }, numerator: { daysFromReferral: { to: 'first_contact_at', atMost: 10 } },
  },
  {
    key: 'start_within_42_days', periodBy: 'started_at', target: 0.8, higherIsBetter: true, minimumDenominator: 20,
    name: { da: 'Start inden for 6 uger', en: 'Start within 6 weeks' },
    description: { da: 'Andel af de startede, der startede højst 42 dage efter henvisningen.', en: 'Share of those who started who did so at most 42 days after the referral.' },
    denominator: { step: 'started' }, numerator: { daysFromReferral: { to: 'started_at', atMost: 42 } },
  },
  {
    key: 'completion', periodBy: 'ended_at', target: 0.75, higherIsBetter: true, minimumDenominator: 20,
    name: { da: 'Gennemførelse', en: 'Completion' },
    description: { da: 'Andel af de afsluttede forløb, der blev startet, som blev gennemført.', en: 'Share of started courses that have ended which were completed.' },
    denominator: { all: [{ step: 'started' }, { ended: true }] }, numerator: { step: 'completed' },
  },
  {
    key: 'follow_up_of_completers', periodBy: 'ended_at', target: 0.5, higherIsBetter: true, minimumDenominator: 20,
    name: { da: 'Opfølgning på gennemførte', en: 'Follow-up of completers' },
    description: { da: 'Andel af dem, der gennemførte, som er fulgt op (mål: mindst 50 %).', en: 'Share of completers who were followed up (target: at least 50 %).' },
    denominator: { step: 'completed' }, numerator: { step: 'followed_up' },
  },
  {
    key: 'bridged_of_followed_up', periodBy: 'ended_at', target: null, higherIsBetter: true, minimumDenominator: 20,
    name: { da: 'Brobygning til foreningsliv', en: 'Bridging to association life' },
    description: { da: 'Andel af de gennemførte og fulgt op, som er brobygget til et foreningstilbud.', en: 'Share of completers who were followed up who were bridged to an association offer.' },
    denominator: { step: 'followed_up' }, numerator: { step: 'bridged' },
  },
  {
    key: 'who5_measured_at_end', periodBy: 'ended_at', target: 0.8, higherIsBetter: true, minimumDenominator: 20,
    name: { da: 'WHO-5 målt ved start og slut', en: 'WHO-5 measured at start and end' },
    description: { da: 'Andel af dem, der gennemførte, med WHO-5 både ved start og slut.', en: 'Share of completers with WHO-5 at both start and end.' },
    denominator: { step: 'completed' }, numerator: { measured: 'who5' },
  },
  {
    key: 'who5_improved', periodBy: 'ended_at', target: null, higherIsBetter: true, minimumDenominator: 20,
    name: { da: 'Bedre trivsel (WHO-5 +10)', en: 'Better well-being (WHO-5 +10)' },
    description: { da: 'Andel med mindst 10 point bedre WHO-5 ved slut blandt dem med målinger ved start og slut.', en: 'Share with WHO-5 at least 10 points better at the end, among those measured at start and end.' },
    denominator: { all: [{ step: 'completed' }, { measured: 'who5' }] }, numerator: { improved: 'who5' },
  },
]);

/** SQL for a condition over pathway_fact columns. Every piece is a constant or a validated number. */
export function conditionSql(c: Condition): string {
  if ('step' in c) return reachedStep[c.step];
  if ('ended' in c) return 'ended_at IS NOT NULL';
  if ('daysFromReferral' in c) {
    const { to, atMost } = c.daysFromReferral;
    return `(${to} IS NOT NULL AND ${to} - referred_at <= interval '${Number(atMost)} days')`;
  }
  if ('all' in c) return `(${c.all.map(conditionSql).join(' AND ')})`;
  const key = 'measured' in c ? c.measured : c.improved;
  const m = effectMeasures[key];
  const { before, after } = pairColumns(key, 'end');
  const pair = `(${before} IS NOT NULL AND ${after} IS NOT NULL)`;
  if ('measured' in c) return pair;
  const change = m.rule.higherIsBetter ? `${after} - ${before}` : `${before} - ${after}`;
  const needed = 'relative' in m.rule && m.rule.relative ? `${Number(m.rule.minimalImportantChange)} * abs(${before})` : String(Number(m.rule.minimalImportantChange));
  return `(${pair} AND ${change} >= ${needed} - 1e-9)`;
}
