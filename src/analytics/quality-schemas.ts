import { z } from 'zod';
import { Cell, Disclosure, Filters, Period, withOrderedPeriod } from './equity-schemas.ts';
import { EquityFilterQuery, filterColumns } from './equity-filters.ts';

export const IndicatorParams = z.object({ key: z.string().regex(/^[a-z0-9_]+$/) });
export const RunChartQuery = withOrderedPeriod(EquityFilterQuery);
export type RunChartQuery = z.infer<typeof RunChartQuery>;
export const FunnelQuery = withOrderedPeriod(EquityFilterQuery.extend({
  by: z.enum(Object.keys(filterColumns) as [keyof typeof filterColumns, ...(keyof typeof filterColumns)[]]).default('referralSource')
    .describe('The units compared in the funnel: a referral source, diagnosis group or support level, or an offer, team or place (labelled by name)'),
}));
export type FunnelQuery = z.infer<typeof FunnelQuery>;

const Limits = z.object({ lower: z.number(), upper: z.number() }).nullable();
const Signal = z.enum(['above', 'below', 'within']).nullable();

export const IndicatorOut = z.object({
  key: z.string(), name: z.string(), description: z.string(), periodBy: z.string(),
  target: z.number().nullable(), higherIsBetter: z.boolean(), minimumDenominator: z.number().int(),
});
export const IndicatorListOut = z.object({ indicators: z.array(IndicatorOut) });

const Point = {
  denominator: Cell, numerator: Cell, rate: z.number().nullable(),
  tooFew: z.boolean().describe('Fewer in the denominator than the inclusion rule asks: shown, not judged'),
};
export const RunChartOut = z.object({
  indicator: IndicatorOut, period: Period, filters: Filters, disclosure: Disclosure,
  centre: z.number().nullable().describe('p-chart centre line: the pooled rate of the period'),
  months: z.array(z.object({ month: z.string(), ...Point, limits: Limits.describe('p̄ ± 3·sqrt(p̄(1−p̄)/n)'), signal: Signal })),
});
export type RunChartOut = z.infer<typeof RunChartOut>;

export const FunnelOut = z.object({
  indicator: IndicatorOut, period: Period, filters: Filters, disclosure: Disclosure, by: z.string(),
  centre: z.number().nullable().describe('The target, or the pooled rate when the indicator has none'),
  units: z.array(z.object({ unit: z.string().describe('The code or id ("null" for referrals on no offer, team or place yet)'), label: z.string().describe('The code\'s display or the offer\'s, team\'s or place\'s name'), ...Point, limits95: Limits, limits998: Limits, alert: Signal, signal: Signal })),
  curve: z.array(z.object({ n: z.number(), limits95: Limits, limits998: Limits })),
});
export type FunnelOut = z.infer<typeof FunnelOut>;
