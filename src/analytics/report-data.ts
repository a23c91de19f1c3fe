import type { Queryable } from '../db/database.ts';
import { thresholdFrom, type DisclosureRule } from './disclosure.ts';
import { buildDropoutReasons } from './dropout-reasons.ts';
import { buildEffects } from './effect-by-group.ts';
import { buildCascade } from './equity-cascade.ts';
import { equityContext } from './equity-context.ts';
import type { CascadeOut } from './equity-schemas.ts';
import type { DropoutReasonsOut, EffectsOut, WaitingTimesOut } from './equity-detail-schemas.ts';
import { equityDimensions, type EquityDimensionKey } from './equity-dimensions.ts';
import type { EquityFilter } from './equity-filters.ts';
import { cascadeCounts, completerMeasures, dropoutCounts, waitingTimes } from './equity-queries.ts';
import { buildRunChart, indicatorOut } from './quality-charts.ts';
import { defaultQualityIndicators } from './quality-indicators.ts';
import { monthlyCounts } from './quality-queries.ts';
import type { RunChartOut } from './quality-schemas.ts';
import { buildWaitingTimes } from './waiting-times.ts';

/** Everything the annual report shows, read as the equity endpoints read it (same queries, same suppression). */
export interface ReportData {
  year: number; municipality: string; filter: EquityFilter; dimension: EquityDimensionKey;
  cascade: CascadeOut; cascadeFromReferred: CascadeOut; dropout: DropoutReasonsOut; waiting: WaitingTimesOut;
  /** Effect by group from start to end and from start to follow-up. */
  effects: EffectsOut[]; runCharts: RunChartOut[];
}

export const reportThreshold = (): number => thresholdFrom(process.env.LIGEVEJ_SMALL_CELL_THRESHOLD);

export async function reportData(tx: Queryable, municipalityId: string, filter: EquityFilter, key: EquityDimensionKey, year: number, rule: DisclosureRule): Promise<ReportData> {
  const lang = 'da';
  const d = equityDimensions[key];
  const context = equityContext(filter, key, lang);
  const counts = await cascadeCounts(tx, filter, d);
  const municipality = (await tx.query<{ name: string }>('SELECT name FROM municipality WHERE id = $1', [municipalityId])).rows[0]?.name ?? '';
  const runCharts: RunChartOut[] = [];
  for (const indicator of defaultQualityIndicators) {
    runCharts.push(buildRunChart({ indicator: indicatorOut(indicator, lang), period: context.period, filters: context.filters }, indicator, await monthlyCounts(tx, filter, indicator), rule));
  }
  return {
    year, municipality, filter, dimension: key,
    cascade: buildCascade({ ...context, base: 'previous' }, d, counts, rule, lang),
    cascadeFromReferred: buildCascade({ ...context, base: 'referred' }, d, counts, rule, lang),
    dropout: buildDropoutReasons({ ...context, phase: 'all' }, d, await dropoutCounts(tx, filter, d, 'all'), rule, lang),
    waiting: buildWaitingTimes(context, d, await waitingTimes(tx, filter, d), rule, lang),
    effects: [
      buildEffects({ ...context, timePoint: 'end' }, d, await completerMeasures(tx, filter, d, 'end'), rule, lang),
      buildEffects({ ...context, timePoint: 'follow_up' }, d, await completerMeasures(tx, filter, d, 'follow_up'), rule, lang),
    ],
    runCharts,
  };
}
