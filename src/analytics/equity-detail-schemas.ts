import { z } from 'zod';
import { Cell, DimensionKey, DimensionOut, Disclosure, EstimateOut, Filters, Period, withOrderedPeriod } from './equity-schemas.ts';
import { EquityFilterQuery } from './equity-filters.ts';
import { effectMeasureKeys, effectTimePoints } from './effect-measures.ts';

/** Requests and responses of the equity detail endpoints: waiting times, drop-out reasons, effect by group. */
export const DimensionQuery = withOrderedPeriod(EquityFilterQuery.extend({ dimension: DimensionKey.default('education') }));
export type DimensionQuery = z.infer<typeof DimensionQuery>;
export const DropoutQuery = withOrderedPeriod(EquityFilterQuery.extend({
  dimension: DimensionKey.default('education'),
  phase: z.enum(['all', 'before_start', 'after_start']).default('all').describe('Drop-outs before the course started, after, or both'),
}));
export type DropoutQuery = z.infer<typeof DropoutQuery>;

export const EffectsQuery = withOrderedPeriod(EquityFilterQuery.extend({
  dimension: DimensionKey.default('education'),
  timePoint: z.enum(effectTimePoints).default('end')
    .describe('Compare the start with the end of the course (among completers) or with the follow-up (among followed-up completers)'),
  measure: z.enum(effectMeasureKeys).optional().describe('Only this measure (default: every measure)'),
}));
export type EffectsQuery = z.infer<typeof EffectsQuery>;

const Head = { period: Period, filters: Filters, dimension: DimensionOut, disclosure: Disclosure };
const GroupHead = { value: z.string(), label: z.string(), known: z.boolean() };

export const Quartiles = z.object({
  n: z.number().int().nullable(), hidden: Cell.shape.hidden,
  p25: z.number().nullable(), median: z.number().nullable(), p75: z.number().nullable(),
}).describe('Days; quartiles by linear interpolation (percentile_cont); hidden with n');
export const WaitingTimesOut = z.object({
  ...Head,
  groups: z.array(z.object({ ...GroupHead, toContact: Quartiles, toStart: Quartiles })),
  total: z.object({ toContact: Quartiles, toStart: Quartiles }),
});
export type WaitingTimesOut = z.infer<typeof WaitingTimesOut>;

const ReasonCell = Cell.extend({ reason: z.string(), share: z.number().nullable().describe('Share of the group\'s drop-outs') });
export const DropoutReasonsOut = z.object({
  ...Head, phase: z.enum(['all', 'before_start', 'after_start']),
  reasons: z.array(z.object({ code: z.string(), label: z.string() })),
  groups: z.array(z.object({ ...GroupHead, total: Cell, reasons: z.array(ReasonCell) })),
  total: z.object({ total: Cell, reasons: z.array(ReasonCell) }),
});
export type DropoutReasonsOut = z.infer<typeof DropoutReasonsOut>;

const Effect = z.object({
  pairs: Cell.describe('People in the population (completers; for follow-up, followed-up completers) with both values'),
  missing: Cell.describe('People in the population without a complete pair'),
  improved: Cell.describe('Pairs with at least the minimal important improvement (smoking: quit)'),
  meanChange: EstimateOut.describe('Mean of later − start with a t-based 95 % CI; for a yes/no measure the change in prevalence (a proportion) with Newcombe\'s paired CI'),
  sd: z.number().nullable(), improvedShare: EstimateOut, uncertain: z.boolean(),
});
export const EffectsOut = z.object({
  ...Head,
  timePoint: z.enum(effectTimePoints), timePointLabel: z.string(),
  measures: z.array(z.object({
    key: z.enum(effectMeasureKeys), label: z.string(), unit: z.string(), kind: z.enum(['mean', 'proportion']), higherIsBetter: z.boolean(),
    minimalImportantChange: z.number(), relative: z.boolean().describe('The minimal change is a fraction of the start value'),
    reference: z.string().nullable().describe('The group the others are compared with: the named reference, else the most advantaged known group (ordered dimensions), else the known group with the most pairs'),
    groups: z.array(z.object({
      ...GroupHead, effect: Effect, isReference: z.boolean(),
      difference: EstimateOut.describe('Does the effect differ? This group\'s mean change minus the reference group\'s, with a Welch 95 % CI (yes/no measures: the change in prevalence, normal approximation from the two paired intervals); null for the reference and when either group is hidden'),
    })), total: Effect,
  })),
});
export type EffectsOut = z.infer<typeof EffectsOut>;
