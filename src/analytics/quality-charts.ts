import type { Label } from '../domain/social-position.ts';
import { funnelPlot, pChart } from '../statistics/control-limits.ts';
import type { HiddenBecause } from '../statistics/suppression.ts';
import { hiddenCells, type DisclosureRule } from './disclosure.ts';
import type { QualityIndicator } from './quality-indicators.ts';
import type { FunnelOut, RunChartOut } from './quality-schemas.ts';

export interface IndicatorCount { key: string; denominator: number; numerator: number }

export const indicatorOut = (i: QualityIndicator, lang: keyof Label) => ({
  key: i.key, name: i.name[lang], description: i.description[lang], periodBy: i.periodBy,
  target: i.target, higherIsBetter: i.higherIsBetter, minimumDenominator: i.minimumDenominator,
});

/** Every calendar month (YYYY-MM) from the month of `from` to the month of `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

/**
 * Rates with their counts, protected as a units × (denominator, numerator) table whose column totals
 * are known; a rate is hidden when either count is.
 */
function protectedPoints(points: readonly IndicatorCount[], rule: DisclosureRule, minimum: number) {
  const marks = hiddenCells(rule, points.map((p) => [p.denominator, p.numerator]), 2);
  const cell = (n: number, hidden: HiddenBecause | null) => ({ count: hidden ? null : n, hidden });
  return points.map((p, i) => {
    const [dh = null, nh = null] = marks.cells[i]!;
    const hidden = dh !== null || nh !== null;
    return { hidden, denominator: cell(p.denominator, dh), numerator: cell(p.numerator, nh), tooFew: p.denominator < minimum };
  });
}

type RunContext = Pick<RunChartOut, 'indicator' | 'period' | 'filters'>;

/** A monthly run chart with p-chart limits; empty months are kept so the time axis has no gaps. */
export function buildRunChart(context: RunContext, indicator: QualityIndicator, counts: readonly IndicatorCount[], rule: DisclosureRule): RunChartOut {
  const byMonth = new Map(counts.map((c) => [c.key, c]));
  const points = monthsBetween(context.period.from, context.period.to).map((key) => byMonth.get(key) ?? { key, denominator: 0, numerator: 0 });
  const chart = pChart(points.map((p) => ({ key: p.key, n: p.denominator, events: p.numerator })));
  const shown = protectedPoints(points, rule, indicator.minimumDenominator);
  return {
    ...context, disclosure: rule, centre: chart.centre,
    months: chart.points.map((p, i) => {
      const s = shown[i]!;
      return {
        month: p.key, denominator: s.denominator, numerator: s.numerator, tooFew: s.tooFew,
        rate: s.hidden ? null : p.rate, limits: s.hidden ? null : p.limits, signal: s.hidden ? null : p.signal,
      };
    }),
  };
}

type FunnelContext = Pick<FunnelOut, 'indicator' | 'period' | 'filters' | 'by'>;

/** A funnel plot of units around the target (or the pooled rate), so small units are not judged on noise. */
export function buildFunnel(context: FunnelContext, indicator: QualityIndicator, counts: readonly IndicatorCount[], rule: DisclosureRule, unitLabel: (unit: string) => string): FunnelOut {
  // Sorted by what staff read (names, the Danish way), so a table of teams or places is in alphabetical order.
  const collator = new Intl.Collator('da-DK');
  const units = [...counts].sort((a, b) => collator.compare(unitLabel(a.key), unitLabel(b.key)) || a.key.localeCompare(b.key));
  const funnel = funnelPlot(units.map((u) => ({ key: u.key, n: u.denominator, events: u.numerator })), indicator.target);
  const shown = protectedPoints(units, rule, indicator.minimumDenominator);
  return {
    ...context, disclosure: rule, centre: funnel.centre, curve: funnel.curve,
    units: funnel.points.map((p, i) => {
      const s = shown[i]!;
      return {
        unit: p.key, label: unitLabel(p.key), denominator: s.denominator, numerator: s.numerator, tooFew: s.tooFew,
        // The limits depend on n, so they are hidden with it.
        rate: s.hidden ? null : p.rate, limits95: s.denominator.hidden ? null : p.limits95, limits998: s.denominator.hidden ? null : p.limits998,
        alert: s.hidden ? null : p.alert, signal: s.hidden ? null : p.signal,
      };
    }),
  };
}
