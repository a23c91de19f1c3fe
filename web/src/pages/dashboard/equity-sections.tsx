import { useI18n } from '../../i18n.tsx';
import { GroupedBars, IntervalChart } from './charts.tsx';
import { countCell, estimateCell, plain, suppressionNotes } from './cells.ts';
import { DataTable, Figure } from './figure.tsx';
import { useDashboardText } from './messages.ts';
import { cascadeSentence, dropoutSentence, gapSentence, waitingSentence } from './sentences.ts';
import type { Cascade, DropoutReasons, Quartiles, WaitingTimes } from './types.ts';
import { fmt, pct } from './view.ts';

/** The equity figures: the cascade, the gap at one step with the summary measures, drop-out reasons, waiting times (effects: effect-section.tsx). */
export function CascadeFigure({ data, cellHref }: { data: Cascade; cellHref?: (step: string, group: string) => string }) {
  const t = useDashboardText();
  const { lang } = useI18n();
  const known = data.groups.filter((g) => g.known);
  const steps = data.steps.slice(1);
  const values = steps.map((s) => known.map((g) => data.comparisons.find((c) => c.step === s.key)?.groups.find((x) => x.value === g.value)?.rate.value ?? null));
  const title = t('cascade.title');
  const th = data.disclosure.threshold;
  return (
    <Figure title={title} sentence={cascadeSentence(t, data)}
      chart={<GroupedBars title={title} desc={cascadeSentence(t, data)} axis={t('cascade.axis')} categories={steps.map((s) => s.label)} series={known.map((g) => g.label)} values={values} />}
      table={{
        title, columns: [data.dimension.label, ...data.steps.map((s) => s.label)],
        rows: [
          ...data.groups.map((g) => ({ head: g.label, cells: g.counts.map((c, j) => {
            const shown = countCell(t, c, th);
            const cell = cellHref && c.count ? { ...shown, href: cellHref(c.step, g.value), hrefLabel: t('drill.open') } : shown;
            const rate = j === 0 ? null : data.comparisons.find((x) => x.step === c.step)?.groups.find((x) => x.value === g.value)?.rate.value ?? null;
            return rate === null ? cell : { ...cell, text: `${cell.text} (${pct(lang, rate)})` };
          }) })),
          { head: t('total'), cells: data.total.counts.map((c) => countCell(t, c, th)) },
          { head: t('cascade.unknown'), cells: data.unknown.map((u) => plain(pct(lang, u.share))) },
        ],
        notes: [t('cascade.steps'), ...suppressionNotes(t, data.disclosure)],
      }} />
  );
}

export function GapFigure({ data, step }: { data: Cascade; step: string }) {
  const t = useDashboardText();
  const { lang } = useI18n();
  const c = data.comparisons.find((x) => x.step === step) ?? data.comparisons.at(-1)!;
  const stepLabel = data.steps.find((s) => s.key === c.step)?.label ?? c.step;
  const label = (v: string) => data.groups.find((g) => g.value === v)?.label ?? v;
  const title = t('gap.title', { step: stepLabel });
  const sentence = gapSentence(t, data, c);
  const rows = c.groups.map((g) => ({
    head: `${label(g.value)}${g.isReference ? ` (${t('reference')})` : ''}`,
    cells: [g.n === null ? { text: '–', note: t('hiddenComplementary') } : plain(g.n), g.events === null ? plain('–') : plain(g.events),
      estimateCell(lang, g.rate), estimateCell(lang, g.difference, 100, ''), estimateCell(lang, g.ratio, 1, ''), plain(g.uncertain ? t('uncertain') : '')],
  }));
  return (
    <>
      <Figure title={title} sentence={sentence}
        chart={<IntervalChart title={title} desc={sentence} axis={t('gap.axis')} series={[t('difference')]}
          rows={c.groups.filter((g) => !g.isReference).map((g) => ({ label: label(g.value), values: [{ value: g.difference.value === null ? null : g.difference.value * 100, low: g.difference.ciLow === null ? null : g.difference.ciLow * 100, high: g.difference.ciHigh === null ? null : g.difference.ciHigh * 100 }] }))} />}
        table={{ title, columns: [t('group'), t('n'), stepLabel, `${t('rate')} (${t('ci')})`, `${t('difference')} (${t('ci')})`, `${t('ratio')} (${t('ci')})`, t('note')], rows, notes: suppressionNotes(t, data.disclosure) }} />
      <MeasuresTable data={data} step={c.step} stepLabel={stepLabel} />
    </>
  );
}

function MeasuresTable({ data, step, stepLabel }: { data: Cascade; step: string; stepLabel: string }) {
  const t = useDashboardText();
  const { lang } = useI18n();
  const c = data.comparisons.find((x) => x.step === step)!;
  const scaled = new Set(['d', 'sii', 'aci', 'par', 'mdm', 'mdb']);
  const title = t('measures.title', { step: stepLabel });
  return (
    <section className="dashboard-figure">
      <h3>{title}</h3>
      {c.measuresHidden && <p>{t('measures.hidden')}</p>}
      <DataTable table={{
        title, columns: [t('measures.measure'), `${t('measures.value')} (${t('ci')})`],
        rows: Object.entries(c.measures).map(([k, e]) => ({ head: k.toUpperCase(), cells: [scaled.has(k) ? estimateCell(lang, e, 100, ' pp') : estimateCell(lang, e, 1, '', 3)] })),
        notes: [...suppressionNotes(t, data.disclosure), ...(c.uncertain ? [t('uncertain')] : [])],
      }} />
    </section>
  );
}

export function DropoutFigure({ data }: { data: DropoutReasons }) {
  const t = useDashboardText();
  const { lang } = useI18n();
  const title = t('dropout.title');
  const groups = data.groups.filter((g) => g.total.count !== 0);
  const sentence = dropoutSentence(t, lang, data);
  return (
    <Figure title={title} sentence={sentence}
      chart={<GroupedBars title={title} desc={sentence} axis={t('dropout.axis')} categories={data.reasons.map((r) => r.label)} series={groups.map((g) => g.label)}
        values={data.reasons.map((r) => groups.map((g) => g.reasons.find((x) => x.reason === r.code)?.share ?? null))} />}
      table={{
        title, columns: [t('group'), t('dropout.dropouts'), ...data.reasons.map((r) => r.label)],
        rows: [...groups.map((g) => ({ g, head: g.label })), { g: { ...data.total, label: t('total') }, head: t('total') }].map(({ g, head }) => ({
          head, cells: [countCell(t, g.total, data.disclosure.threshold), ...data.reasons.map((r) => {
            const cell = g.reasons.find((x) => x.reason === r.code);
            if (!cell) return plain(0);
            const shown = countCell(t, cell, data.disclosure.threshold);
            return cell.share === null ? shown : { ...shown, text: `${shown.text} (${pct(lang, cell.share, 0)})` };
          })],
        })),
        notes: suppressionNotes(t, data.disclosure),
      }} />
  );
}

export function WaitingFigure({ data }: { data: WaitingTimes }) {
  const t = useDashboardText();
  const { lang } = useI18n();
  const title = t('waiting.title');
  const sentence = waitingSentence(t, lang, data);
  const iv = (q: Quartiles) => ({ value: q.median, low: q.p25, high: q.p75 });
  const cells = (q: Quartiles) => [countCell(t, { count: q.n, hidden: q.hidden }, data.disclosure.threshold), ...[q.median, q.p25, q.p75].map((v) => plain(v === null ? '–' : fmt(lang, v, 1)))];
  const rows = [...data.groups, { label: t('total'), ...data.total }];
  return (
    <Figure title={title} sentence={sentence}
      chart={<IntervalChart title={title} desc={sentence} axis={t('waiting.axis')} zero={false} series={[t('waiting.toContact'), t('waiting.toStart')]}
        rows={rows.map((g) => ({ label: g.label, values: [iv(g.toContact), iv(g.toStart)] }))} />}
      table={{
        title,
        columns: [t('group'), ...[t('waiting.toContact'), t('waiting.toStart')].flatMap((w) => [`${w}: n`, `${w}: ${t('waiting.median')}`, `${w}: ${t('waiting.p25')}`, `${w}: ${t('waiting.p75')}`])],
        rows: rows.map((g) => ({ head: g.label, cells: [...cells(g.toContact), ...cells(g.toStart)] })),
        notes: suppressionNotes(t, data.disclosure),
      }} />
  );
}
