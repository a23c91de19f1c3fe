import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { tenantRead } from '../http/context.ts';
import { display } from '../domain/terminology.ts';
import { errorResponses } from '../shared/schemas.ts';
import { notFound } from '../shared/errors.ts';
import { disclosureFor, thresholdFrom } from './disclosure.ts';
import { equityDimensions, groupLabel } from './equity-dimensions.ts';
import { appliedFilters, filterColumns, type FilterName } from './equity-filters.ts';
import { buildFunnel, buildRunChart, indicatorOut } from './quality-charts.ts';
import { defaultQualityIndicators, type QualityIndicator } from './quality-indicators.ts';
import { monthlyCounts, unitCounts, unitNames } from './quality-queries.ts';
import { FunnelOut, FunnelQuery, IndicatorListOut, IndicatorParams, RunChartOut, RunChartQuery } from './quality-schemas.ts';
import type { Label } from '../domain/social-position.ts';

const tags = ['quality'];

function indicatorFor(key: string): QualityIndicator {
  const found = defaultQualityIndicators.find((i) => i.key === key);
  if (!found) throw notFound(`Kvalitetsindikator ${key}`);
  return found;
}

/** Referrals not (yet) on an offer, team or place are counted under the null key. */
const notAssigned: Label = { da: 'Ikke tildelt', en: 'Not assigned' };

function unitLabel(by: FilterName, lang: keyof Label, names: ReadonlyMap<string, string>): (unit: string) => string {
  if (by === 'referralSource') return (unit) => display('referralSources', unit) ?? unit;
  if (by === 'offer' || by === 'team' || by === 'place') return (unit) => names.get(unit) ?? (unit === 'null' ? notAssigned[lang] : unit);
  const dimension = Object.values(equityDimensions).find((d) => d.column === filterColumns[by]);
  return (unit) => (dimension ? groupLabel(dimension, unit, lang) : unit);
}

/** Quality indicators (STOPbasen style) as monthly run charts with p-chart limits and as funnel plots across units. */
export function qualityRoutes(app: Router, deps: Deps): void {
  const threshold = thresholdFrom(process.env.LIGEVEJ_SMALL_CELL_THRESHOLD);

  app.get('/api/quality/indicators', {
    config: { policy: 'statistics.read' },
    schema: { tags, summary: 'The quality indicators with their inclusion rule and target', response: { 200: IndicatorListOut, ...errorResponses } },
  }, (req) => ({ indicators: defaultQualityIndicators.map((i) => indicatorOut(i, req.lang)) }));

  app.get('/api/quality/indicators/:key/run-chart', {
    config: { policy: 'statistics.read' },
    schema: { tags, summary: 'One indicator month by month, with p-chart control limits', params: IndicatorParams, querystring: RunChartQuery, response: { 200: RunChartOut, ...errorResponses } },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    const indicator = indicatorFor(req.params.key);
    const q = req.query;
    return tenantRead(deps, req, async (tx, actor) => buildRunChart(
      { indicator: indicatorOut(indicator, req.lang), period: { from: q.from, to: q.to }, filters: appliedFilters(q) },
      indicator, await monthlyCounts(tx, q, indicator), disclosureFor(actor, threshold)));
  });

  app.get('/api/quality/indicators/:key/funnel', {
    config: { policy: 'statistics.read' },
    schema: { tags, summary: 'One indicator across units as a funnel plot (95 % and 99.8 % limits around the target)', params: IndicatorParams, querystring: FunnelQuery, response: { 200: FunnelOut, ...errorResponses } },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    const indicator = indicatorFor(req.params.key);
    const q = req.query;
    return tenantRead(deps, req, async (tx, actor) => {
      const counts = await unitCounts(tx, q, indicator, q.by);
      const names = await unitNames(tx, q.by, counts.map((c) => c.key));
      return buildFunnel({ indicator: indicatorOut(indicator, req.lang), period: { from: q.from, to: q.to }, filters: appliedFilters(q), by: q.by },
        indicator, counts, disclosureFor(actor, threshold), unitLabel(q.by, req.lang, names));
    });
  });
}
