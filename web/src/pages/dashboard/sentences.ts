import type { Lang } from '../../i18n.tsx';
import type { DashboardT } from './messages.ts';
import type { Cascade, DropoutReasons, Funnel, GroupComparison, RunChart, StepComparison, WaitingTimes } from './types.ts';
import { fmt, pct } from './view.ts';

/** Plain-language sentences generated from the numbers under each chart. */
const points = (p: number) => String(Math.round(p * 100)).replace('-', '−');

/** The compared group furthest below its reference at this step (the largest gap either way if none is below). */
export function widestGap(c: StepComparison): GroupComparison | null {
  const candidates = c.groups.filter((g) => !g.isReference && !g.hidden && g.difference.value !== null && g.n !== null && c.reference !== null);
  return candidates.sort((a, b) => a.difference.value! - b.difference.value!)[0] ?? null;
}

export function gapSentence(t: DashboardT, cascade: Cascade, c: StepComparison): string {
  const g = widestGap(c);
  if (!g) return t('sentence.noGap');
  const label = (v: string) => cascade.groups.find((x) => x.value === v)?.label ?? v;
  const step = cascade.steps.find((s) => s.key === c.step)?.label ?? c.step;
  const d = g.difference;
  const size = Math.round(Math.abs(d.value!) * 100);
  if (size === 0) return t('sentence.same', { step, group: label(g.value), reference: label(c.reference!) });
  const less = d.value! < 0;
  const [low, high] = less ? [-(d.ciHigh ?? 0), -(d.ciLow ?? 0)] : [d.ciLow ?? 0, d.ciHigh ?? 0];
  return t('sentence.gap', {
    group: label(g.value), step, pp: size, direction: t(less ? 'sentence.less' : 'sentence.more'), reference: label(c.reference!),
    ci: low < 0 ? `${points(low)} ${t('ciTo')} ${points(high)}` : `${points(low)}–${points(high)}`,
    base: cascade.base === 'previous' && c.step !== 'reached' ? t('sentence.basePrevious') : '',
  });
}

export function cascadeSentence(t: DashboardT, cascade: Cascade): string {
  const worst = cascade.comparisons
    .map((c) => ({ c, g: widestGap(c) }))
    .filter((x) => x.g !== null)
    .sort((a, b) => a.g!.difference.value! - b.g!.difference.value!)[0];
  if (!worst) return t('sentence.noGap');
  return t('sentence.cascade', { step: cascade.steps.find((s) => s.key === worst.c.step)?.label ?? worst.c.step, gap: gapSentence(t, cascade, worst.c) });
}

export function dropoutSentence(t: DashboardT, lang: Lang, data: DropoutReasons): string {
  const group = data.groups.find((g) => g.known && g.total.count !== null && g.total.count > 0);
  if (!group) return t('sentence.none');
  const top = [...group.reasons].filter((r) => r.count !== null).sort((a, b) => b.count! - a.count!)[0];
  if (!top) return t('sentence.none');
  return t('sentence.dropout', { group: group.label, reason: data.reasons.find((r) => r.code === top.reason)?.label ?? top.reason, share: pct(lang, top.share, 0), n: group.total.count! });
}

export function waitingSentence(t: DashboardT, lang: Lang, data: WaitingTimes): string {
  const group = data.groups.find((g) => g.known && g.toStart.median !== null);
  if (!group || data.total.toStart.median === null) return t('sentence.none');
  return t('sentence.waiting', { group: group.label, days: fmt(lang, group.toStart.median!, 0), overall: fmt(lang, data.total.toStart.median, 0) });
}

export function runSentence(t: DashboardT, lang: Lang, data: RunChart): string {
  if (data.centre === null) return t('sentence.none');
  const signals = data.months.filter((m) => m.signal === 'above' || m.signal === 'below').length;
  return t('sentence.run', { centre: pct(lang, data.centre, 0), signals, months: data.months.length });
}

export function funnelSentence(t: DashboardT, lang: Lang, data: Funnel): string {
  if (data.centre === null) return t('sentence.none');
  const outside = data.units.filter((u) => u.signal === 'above' || u.signal === 'below').length;
  return t('sentence.funnel', { outside, units: data.units.length, centre: pct(lang, data.centre, 0) });
}
