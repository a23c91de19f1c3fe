import { useI18n } from '../../i18n.tsx';
import { FunnelSvg, RunChartSvg } from './charts.tsx';
import { countCell, plain, suppressionNotes } from './cells.ts';
import { Figure } from './figure.tsx';
import { useDashboardText, type DashboardT } from './messages.ts';
import { funnelSentence, runSentence } from './sentences.ts';
import type { Funnel, RunChart } from './types.ts';
import { pct } from './view.ts';

const signalText = (t: DashboardT, tooFew: boolean, signal: string | null) =>
  (tooFew ? t('signal.tooFew') : signal === 'above' ? t('signal.above') : signal === 'below' ? t('signal.below') : signal === 'within' ? t('signal.within') : '–');

/** A quality indicator month by month (p-chart) and across units (funnel plot). */
export function RunChartFigure({ data }: { data: RunChart }) {
  const t = useDashboardText();
  const { lang } = useI18n();
  const title = t('run.title', { name: data.indicator.name });
  const sentence = runSentence(t, lang, data);
  const th = data.disclosure.threshold;
  return (
    <Figure title={title} sentence={sentence}
      chart={<RunChartSvg title={title} desc={sentence} axis={t('run.axis')} centre={data.centre} target={data.indicator.target}
        points={data.months.map((m) => ({ label: m.month, rate: m.rate, lower: m.limits?.lower ?? null, upper: m.limits?.upper ?? null }))} />}
      table={{
        title, columns: [t('run.month'), t('run.numerator'), t('run.denominator'), t('rate'), t('run.lower'), t('run.upper'), t('run.signal')],
        rows: data.months.map((m) => ({ head: m.month, cells: [
          countCell(t, m.numerator, th), countCell(t, m.denominator, th), plain(pct(lang, m.rate)),
          plain(pct(lang, m.limits?.lower ?? null)), plain(pct(lang, m.limits?.upper ?? null)), plain(signalText(t, m.tooFew, m.signal)),
        ] })),
        notes: [`${t('run.centre')}: ${pct(lang, data.centre)}; ${t('run.target')}: ${pct(lang, data.indicator.target)}. ${data.indicator.description}`, ...suppressionNotes(t, data.disclosure)],
      }} />
  );
}

export function FunnelFigure({ data }: { data: Funnel }) {
  const t = useDashboardText();
  const { lang } = useI18n();
  const title = t('funnel.title', { name: data.indicator.name });
  const sentence = funnelSentence(t, lang, data);
  const th = data.disclosure.threshold;
  return (
    <Figure title={title} sentence={sentence}
      chart={<FunnelSvg title={title} desc={sentence} axis={t('funnel.axis')} centre={data.centre} curve={data.curve}
        units={data.units.flatMap((u) => (u.rate !== null && u.denominator.count !== null ? [{ label: u.label, n: u.denominator.count, rate: u.rate }] : []))} />}
      table={{
        title, columns: [t('funnel.unit'), t('run.numerator'), t('run.denominator'), t('rate'), '95 %', '99,8 %', t('run.signal')],
        rows: data.units.map((u) => ({ head: u.label, cells: [
          countCell(t, u.numerator, th), countCell(t, u.denominator, th), plain(pct(lang, u.rate)),
          plain(u.limits95 ? `${pct(lang, u.limits95.lower)}–${pct(lang, u.limits95.upper)}` : '–'),
          plain(u.limits998 ? `${pct(lang, u.limits998.lower)}–${pct(lang, u.limits998.upper)}` : '–'), plain(signalText(t, u.tooFew, u.signal)),
        ] })),
        notes: suppressionNotes(t, data.disclosure),
      }} />
  );
}
