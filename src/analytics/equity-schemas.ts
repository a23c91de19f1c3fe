import { z } from 'zod';
import { cascadeSteps } from './cascade-steps.ts';
import { equityDimensionKeys } from './equity-dimensions.ts';
import { EquityFilterQuery, periodIsOrdered } from './equity-filters.ts';
import { summaryMeasureNames } from '../statistics/inequality.ts';

/** Response pieces shared by the equity and quality endpoints. Rates are proportions (0-1). */
export const EstimateOut = z.object({ value: z.number().nullable(), ciLow: z.number().nullable(), ciHigh: z.number().nullable() })
  .describe('A value with its 95 % confidence interval; null where undefined or hidden');
export const Hidden = z.enum(['small', 'complementary']).nullable()
  .describe('Why a count is hidden from roles without record access: "small" (1 to threshold−1, show "<threshold") or "complementary" (hidden so a total does not reveal a small one)');
export const Cell = z.object({ count: z.number().int().nullable(), hidden: Hidden });
export const Disclosure = z.object({
  suppressed: z.boolean().describe('True when small-cell suppression was applied (roles without access to the records)'),
  threshold: z.number().int(),
});
export const Period = z.object({ from: z.string(), to: z.string() });
export const Filters = z.record(z.string(), z.string()).describe('The filters applied');
export const StepKey = z.enum(cascadeSteps);
export const DimensionKey = z.enum(equityDimensionKeys);

export const DimensionOut = z.object({
  key: DimensionKey, label: z.string(), ordered: z.boolean(),
  reference: z.string().nullable().describe('The reference group named for this dimension (else the best rate is used)'),
});

export const Measures = z.object(Object.fromEntries(summaryMeasureNames.map((k) => [k, EstimateOut])) as Record<(typeof summaryMeasureNames)[number], typeof EstimateOut>);

export const withOrderedPeriod = <T extends z.ZodType<{ from: string; to: string }>>(schema: T) =>
  schema.superRefine((q, ctx) => { if (!periodIsOrdered(q)) ctx.addIssue({ code: 'custom', path: ['to'], params: { rule: 'period.order' }, message: 'period.order' }); });

export const CascadeQuery = withOrderedPeriod(EquityFilterQuery.extend({
  dimension: DimensionKey.default('education'),
  base: z.enum(['previous', 'referred']).default('previous')
    .describe('Rates at each step out of the previous step ("where do they fall behind") or out of all referred'),
}));
export type CascadeQuery = z.infer<typeof CascadeQuery>;

const GroupHead = { value: z.string(), label: z.string(), order: z.number().int().nullable(), known: z.boolean().describe('False for unknown / prefer not to say, which never enter the measures') };

export const GroupComparison = z.object({
  value: z.string(), n: z.number().int().nullable(), events: z.number().int().nullable(), rate: EstimateOut,
  difference: EstimateOut.describe('Rate minus the reference group rate (Newcombe CI)'),
  ratio: EstimateOut.describe('Rate over the reference group rate (Katz CI)'),
  isReference: z.boolean(), uncertain: z.boolean().describe('Fewer than 20 people'), hidden: z.boolean(),
});

export const StepComparison = z.object({
  step: StepKey, overall: EstimateOut.describe('All referrals in the filter, unknowns included'),
  reference: z.string().nullable(), compared: z.object({ upper: z.string(), lower: z.string() }).nullable().describe('The groups D and R compare'),
  population: z.number().int().nullable(), uncertain: z.boolean(),
  measuresHidden: z.boolean().describe('True when a hidden count would be revealed by the summary measures'),
  groups: z.array(GroupComparison), measures: Measures,
});

export const CascadeOut = z.object({
  period: Period, filters: Filters, dimension: DimensionOut, base: z.enum(['previous', 'referred']), disclosure: Disclosure,
  steps: z.array(z.object({ key: StepKey, label: z.string() })),
  groups: z.array(z.object({ ...GroupHead, counts: z.array(Cell.extend({ step: StepKey })) })),
  total: z.object({ counts: z.array(Cell.extend({ step: StepKey })) }),
  comparisons: z.array(StepComparison).describe('One per step after "referred": each group\'s rate, its gap to the reference, and the summary measures'),
  unknown: z.array(z.object({ step: StepKey, count: z.number().int().nullable(), total: z.number().int().nullable(), share: z.number().nullable() }))
    .describe('Share with unknown (or undisclosed) social position at each step'),
});
export type CascadeOut = z.infer<typeof CascadeOut>;
