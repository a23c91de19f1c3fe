import { useState, type FormEvent } from 'react';
import type { Lang } from '../../i18n.tsx';
import { useI18n } from '../../i18n.tsx';
import { Select } from '../../ui/form.tsx';
import { IntervalChart } from './charts.tsx';
import { countCell, estimateCell, plain, suppressionNotes } from './cells.ts';
import { Figure } from './figure.tsx';
import { useDashboardText, type DashboardT } from './messages.ts';
import type { Dimensions, EffectMeasure, Effects } from './types.ts';
import { fmt } from './view.ts';

/**
 * Effect by group (issue 6 §4): the measure and the time point (start to end, start to follow-up)
 * are chosen here and kept in the address; each measure's chart of mean changes with CIs, its
 * sentence and its table. Smoking is a yes/no measure, shown in percentage points.
 */
export function EffectSection({ data, dims, measure, timePoint, onChoose }: {
  data: Effects; dims: Dimensions; measure: string; timePoint: string; onChoose(measure: string, timePoint: string): void;
}) {
  const t = useDashboardText();
  const [draft, setDraft] = useState({ measure, timePoint });
  const submit = (e: FormEvent) => { e.preventDefault(); onChoose(draft.measure, draft.timePoint); };
  const noErrors = {};
  return (
    <>
      <form className="dashboard-effect-choice" onSubmit={submit} aria-labelledby="effect-choose">
        <h3 id="effect-choose">{t('effect.choose')}</h3>
        <div className="field-row">
          <Select id="effect-measure" label={t('effect.measure')} value={draft.measure} onChange={(v) => setDraft((d) => ({ ...d, measure: v }))} errors={noErrors}
            options={dims.effectMeasures.map((m) => ({ value: m.key, label: m.label }))} />
          <Select id="effect-time-point" label={t('effect.timePoint')} value={draft.timePoint} onChange={(v) => setDraft((d) => ({ ...d, timePoint: v }))} errors={noErrors}
            options={dims.effectTimePoints.map((p) => ({ value: p.key, label: p.label }))} />
        </div>
        <p className="button-row"><button type="submit" className="button button-secondary">{t('effect.show')}</button></p>
      </form>
      {data.measures.map((m) => <EffectFigure key={`${m.key}-${data.timePoint}`} data={data} m={m} />)}
    </>
  );
}

function EffectFigure({ data, m }: { data: Effects; m: EffectMeasure }) {
  const t = useDashboardText();
  const { lang } = useI18n();
  const proportion = m.kind === 'proportion';
  const scale = proportion ? 100 : 1;
  const title = t('effect.title', { measure: m.label, timePoint: data.timePointLabel.toLowerCase() });
  const sentence = effectSentence(t, lang, m, data.timePoint);
  const rows = [...m.groups, { label: t('total'), effect: m.total, value: 'total', known: true, isReference: false, difference: null }];
  const reference = m.groups.find((g) => g.isReference)?.label;
  const unit = proportion ? 'pp' : m.unit;
  const scaled = (v: number | null) => (v === null ? null : v * scale);
  return (
    <Figure title={title} sentence={sentence}
      chart={<IntervalChart title={title} desc={sentence} axis={proportion ? t('effect.axisProportion') : t('effect.axis', { unit: m.unit })} series={[t('effect.mean')]}
        rows={rows.map((g) => ({ label: g.label, values: [{ value: scaled(g.effect.meanChange.value), low: scaled(g.effect.meanChange.ciLow), high: scaled(g.effect.meanChange.ciHigh) }] }))} />}
      table={{
        title, columns: [t('group'), t('effect.pairs'), t('effect.missing'), `${t('effect.mean')}, ${unit} (${t('ci')})`, `${t('effect.improved')} (${t('ci')})`,
          ...(reference ? [`${t('effect.difference', { reference })}, ${unit}`] : [])],
        rows: rows.map((g) => ({ head: g.label, cells: [
          countCell(t, g.effect.pairs, data.disclosure.threshold), countCell(t, g.effect.missing, data.disclosure.threshold),
          estimateCell(lang, g.effect.meanChange, scale, ''), estimateCell(lang, g.effect.improvedShare),
          ...(reference ? [g.isReference ? plain(t('reference')) : g.difference ? estimateCell(lang, g.difference, scale, '') : plain('–')] : []),
        ] })),
        notes: [t(`effect.population.${data.timePoint}`), thresholdNote(t, lang, m), ...(reference ? [t('effect.differenceNote')] : []), ...suppressionNotes(t, data.disclosure)],
      }} />
  );
}

function thresholdNote(t: DashboardT, lang: Lang, m: EffectMeasure): string {
  if (m.kind === 'proportion') return t('effect.quit');
  const threshold = m.relative ? `${fmt(lang, m.minimalImportantChange * 100, 0)} %` : `${fmt(lang, m.minimalImportantChange, 1)} ${m.unit}`;
  return t('effect.threshold', { threshold, direction: t(m.higherIsBetter ? 'effect.higher' : 'effect.lower') });
}

/** "WHO-5 changed from start to end by 8 points in the group …": the first known group with a change, against everyone. */
export function effectSentence(t: DashboardT, lang: Lang, m: EffectMeasure, timePoint: string): string {
  const group = m.groups.find((g) => g.known && g.effect.meanChange.value !== null);
  if (!group || m.total.meanChange.value === null) return t('sentence.none');
  const scale = m.kind === 'proportion' ? 100 : 1;
  const e = group.effect.meanChange;
  const n = (v: number | null) => (v === null ? '–' : fmt(lang, v * scale, 1).replace('-', '−'));
  const when = t(timePoint === 'follow_up' ? 'sentence.when.follow_up' : 'sentence.when.end');
  const reference = m.groups.find((g) => g.isReference);
  const d = group.difference;
  const difference = reference && d.value !== null && d.ciLow !== null && d.ciHigh !== null
    ? t('sentence.effectDifference', { reference: reference.label, difference: n(d.value), unit: m.kind === 'proportion' ? t('effect.pp') : m.unit, low: n(d.ciLow), high: n(d.ciHigh) })
    : '';
  return t(m.kind === 'proportion' ? 'sentence.effectProportion' : 'sentence.effect', {
    measure: m.label, when, change: n(e.value), unit: m.unit, group: group.label, low: n(e.ciLow), high: n(e.ciHigh),
    pairs: group.effect.pairs.count ?? '–', totalChange: n(m.total.meanChange.value),
  }) + difference;
}
