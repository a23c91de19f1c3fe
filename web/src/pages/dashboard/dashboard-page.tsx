import { useEffect } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { navigate, useLocation } from '../../router.tsx';
import { Alert } from '../../ui/form.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';
import { DrillDownPanel, drillHref } from './drill-down.tsx';
import { EffectSection } from './effect-section.tsx';
import { CascadeFigure, DropoutFigure, GapFigure, WaitingFigure } from './equity-sections.tsx';
import { FilterPanel, loadUnits } from './filter-panel.tsx';
import { useDashboardText } from './messages.ts';
import { FunnelFigure, RunChartFigure } from './quality-sections.tsx';
import type { Cascade, Dimensions, DropoutReasons, Effects, Funnel, Indicator, RunChart, WaitingTimes } from './types.ts';
import { apiQuery, figuresQuery, viewFrom, viewQuery, type View } from './view.ts';
import './dashboard.css';

export const DASHBOARD_PATH = '/lighed';

/**
 * The equity and quality dashboard (issue 6): filters in the address, the cascade, gaps with CIs,
 * drop-out reasons, waiting times, effects and the quality indicators, each chart with a sentence,
 * a table and exports. Loaded on demand (its own chunk), as only managers and coordinators use it.
 */
export default function DashboardPage() {
  const t = useDashboardText();
  const { lang } = useI18n();
  const { query } = useLocation();
  const view = viewFrom(query);
  const key = viewQuery(view);
  const figures = figuresQuery(view);
  usePageTitle(t('title'));
  // The defaults go into the address too, so the first view is already a shareable link.
  useEffect(() => { if (location.search.slice(1) !== key) navigate(`${DASHBOARD_PATH}?${key}`, { replace: true }); }, [key]);
  const meta = useLoad(async () => {
    const [dims, quality, units] = await Promise.all([api.get<Dimensions>('/api/equity/dimensions'), api.get<{ indicators: Indicator[] }>('/api/quality/indicators'), loadUnits()]);
    return { dims, indicators: quality.indicators, units };
  }, [lang]);
  const data = useLoad(() => loadView(view), [figures, lang]);
  const apply = (next: View) => navigate(`${DASHBOARD_PATH}?${figuresQuery(next)}`);
  const year = view.from.slice(0, 4);
  return (
    <>
      <h1 tabIndex={-1}>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <Loaded state={meta}>{(m) => <FilterPanel key={figures} view={view} dims={m.dims} indicators={m.indicators} units={m.units} onApply={apply} />}</Loaded>
      <p className="meta">{t('share')}</p>
      <p><a className="button button-secondary" href={`/api/equity/report.pdf?${new URLSearchParams({ year, dimension: view.dimension, ...view.filters })}`} download>{t('report', { year })}</a></p>
      <Loaded state={data}>{(d) => (
        <div aria-live="polite">
          {d.cascade.disclosure.suppressed && <Alert variant="info">{t('suppressed', { threshold: d.cascade.disclosure.threshold, max: d.cascade.disclosure.threshold - 1 })}</Alert>}
          <section aria-labelledby="dash-equity"><h2 id="dash-equity">{t('section.equity')}</h2>
            {d.cascade.total.counts[0]?.count === 0 ? <p>{t('none')}</p> : <><CascadeFigure data={d.cascade} cellHref={(step, group) => drillHref(view, step, group)} />
              {view.list ? <DrillDownPanel view={{ ...view, list: view.list }} cascade={d.cascade} /> : <p className="meta">{t('drill.hint')}</p>}
              <GapFigure data={d.cascade} step={view.step} /></>}
          </section>
          <section aria-labelledby="dash-why"><h2 id="dash-why">{t('section.why')}</h2>
            <DropoutFigure data={d.dropout} /><WaitingFigure data={d.waiting} />
          </section>
          <section aria-labelledby="dash-effect"><h2 id="dash-effect">{t('section.effect')}</h2>
            <Loaded state={meta}>{(m) => <EffectSection key={`${view.measure}-${view.timePoint}`} data={d.effects} dims={m.dims} measure={view.measure} timePoint={view.timePoint}
              onChoose={(measure, timePoint) => apply({ ...view, measure, timePoint })} />}</Loaded>
          </section>
          <section aria-labelledby="dash-quality"><h2 id="dash-quality">{t('section.quality')}</h2>
            <RunChartFigure data={d.run} /><FunnelFigure data={d.funnel} />
          </section>
        </div>
      )}</Loaded>
    </>
  );
}

async function loadView(v: View) {
  const q = apiQuery(v, { dimension: v.dimension });
  const [cascade, dropout, waiting, effects, run, funnel] = await Promise.all([
    api.get<Cascade>(`/api/equity/cascade?${q}&base=${v.base}`),
    api.get<DropoutReasons>(`/api/equity/dropout-reasons?${q}`),
    api.get<WaitingTimes>(`/api/equity/waiting-times?${q}`),
    api.get<Effects>(`/api/equity/effects?${q}&${new URLSearchParams({ measure: v.measure, timePoint: v.timePoint })}`),
    api.get<RunChart>(`/api/quality/indicators/${encodeURIComponent(v.indicator)}/run-chart?${apiQuery(v)}`),
    api.get<Funnel>(`/api/quality/indicators/${encodeURIComponent(v.indicator)}/funnel?${apiQuery(v, { by: v.by })}`),
  ]);
  return { cascade, dropout, waiting, effects, run, funnel };
}
