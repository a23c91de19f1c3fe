import type { Lang } from '../../i18n.tsx';
import type { Cell, Estimate } from './types.ts';

/** Everything a dashboard view shows is in the query string, so the address is a shareable link. */
export const socialFilters: Record<string, string> = {
  education: 'education', labour_market: 'labourMarket', origin: 'origin', living_alone: 'livingAlone',
  social_housing: 'socialHousing', area_type: 'areaType', sex: 'sex', age_band: 'ageBand',
};
export const careFilters = ['referralSource', 'diagnosisGroup', 'supportLevel'] as const;
/** Offer, team and place: ids from the catalogue. */
export const unitFilters = ['offer', 'team', 'place'] as const;
const filterNames = [...careFilters, ...unitFilters, ...Object.values(socialFilters)];

export interface View {
  from: string; to: string; dimension: string; base: 'previous' | 'referred'; step: string; indicator: string; by: string;
  /** The effect section's measure and time point ('end' or 'follow_up'). */
  measure: string; timePoint: string;
  filters: Record<string, string>;
  /** The cascade cell whose referrals are listed (drill-down), if one is open. */
  list: { step: string; group: string } | null;
}

/** Last calendar year, the period an annual report covers. */
export function lastYear(today = new Date()): { from: string; to: string } {
  const y = today.getFullYear() - 1;
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

const isDate = (s: string | null): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);

export function viewFrom(query: URLSearchParams): View {
  const year = lastYear();
  const filters: Record<string, string> = {};
  for (const f of filterNames) { const v = query.get(f); if (v) filters[f] = v; }
  return {
    from: isDate(query.get('from')) ? query.get('from')! : year.from,
    to: isDate(query.get('to')) ? query.get('to')! : year.to,
    dimension: query.get('dimension') ?? 'education',
    base: query.get('base') === 'referred' ? 'referred' : 'previous',
    step: query.get('step') ?? 'completed',
    indicator: query.get('indicator') ?? 'completion',
    by: query.get('by') ?? 'referralSource',
    measure: query.get('measure') ?? 'who5',
    timePoint: query.get('timePoint') === 'follow_up' ? 'follow_up' : 'end',
    filters,
    list: query.get('listStep') && query.get('listGroup') ? { step: query.get('listStep')!, group: query.get('listGroup')! } : null,
  };
}

/** The query string of a view (for the address bar) ... */
export function viewQuery(v: View): string {
  const q = new URLSearchParams({ from: v.from, to: v.to, dimension: v.dimension, base: v.base, step: v.step, indicator: v.indicator, by: v.by, measure: v.measure, timePoint: v.timePoint, ...v.filters });
  if (v.list) { q.set('listStep', v.list.step); q.set('listGroup', v.list.group); }
  return q.toString();
}

/** The view without an open list: what the figures depend on (opening a list reloads nothing else). */
export const figuresQuery = (v: View): string => viewQuery({ ...v, list: null });

/** ... and of the API requests it makes (period, dimension, filters). */
export function apiQuery(v: View, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ from: v.from, to: v.to, ...v.filters, ...extra }).toString();
}

const locale = (lang: Lang) => (lang === 'da' ? 'da-DK' : 'en-GB');
export const fmt = (lang: Lang, value: number, digits = 1) =>
  new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
export const pct = (lang: Lang, p: number | null, digits = 1) => (p === null ? '–' : `${fmt(lang, p * 100, digits)} %`);
/** Percentage points, signed (−12,3). */
export const pp = (lang: Lang, d: number | null, digits = 1) => (d === null ? '–' : fmt(lang, d * 100, digits).replace('-', '−'));
export const ciText = (lang: Lang, e: Estimate, scale = 100, digits = 1) =>
  (e.ciLow === null || e.ciHigh === null ? '–' : `${fmt(lang, e.ciLow * scale, digits)} til ${fmt(lang, e.ciHigh * scale, digits)}`.replace(' til ', lang === 'da' ? ' til ' : ' to ').replaceAll('-', '−'));
/** A count as shown to the viewer: "<5" for small hidden ones, "–" for complementary ones. */
export const countText = (c: Cell, threshold: number) => (c.hidden === 'small' ? `<${threshold}` : c.hidden === 'complementary' || c.count === null ? '–' : String(c.count));
