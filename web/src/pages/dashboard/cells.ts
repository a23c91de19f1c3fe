import type { Lang } from '../../i18n.tsx';
import type { DashboardT } from './messages.ts';
import type { Cell, Estimate } from './types.ts';
import { countText, fmt } from './view.ts';

/** Table cells the dashboard's tables share: counts with the reason they are hidden, estimates with CIs. */
/** `href`: the cell is a link (e.g. to the list behind a count); its accessible name is the text and then `hrefLabel`. */
export interface TableCell { text: string; note?: string; href?: string; hrefLabel?: string }

export function countCell(t: DashboardT, c: Cell, threshold: number): TableCell {
  const text = countText(c, threshold);
  if (c.hidden === 'small') return { text, note: t('hiddenSmall', { threshold }) };
  if (c.hidden === 'complementary') return { text, note: t('hiddenComplementary') };
  return { text };
}

/** "45,6 % (40,1 til 51,0)", in percent of a proportion or in the measure's own unit (scale 1). */
export function estimateCell(lang: Lang, e: Estimate, scale = 100, unit = ' %', digits = 1): TableCell {
  if (e.value === null) return { text: '–' };
  const n = (v: number) => fmt(lang, v * scale, digits).replace('-', '−');
  const ci = e.ciLow !== null && e.ciHigh !== null ? ` (${n(e.ciLow)} ${lang === 'da' ? 'til' : 'to'} ${n(e.ciHigh)})` : '';
  return { text: `${n(e.value)}${unit}${ci}` };
}

export const plain = (text: string | number): TableCell => ({ text: String(text) });

/** The notes every table with suppressed cells carries. */
export const suppressionNotes = (t: DashboardT, d: { suppressed: boolean; threshold: number }): string[] =>
  (d.suppressed ? [t('suppressed', { threshold: d.threshold, max: d.threshold - 1 })] : []);
