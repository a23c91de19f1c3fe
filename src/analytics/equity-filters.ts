import { z } from 'zod';
import { isoDate } from '../shared/schemas.ts';
import { addDays, startOfDay } from '../worklists/calendar.ts';

/**
 * What every equity and quality query can be narrowed by: a period of local (Copenhagen) calendar
 * days, inclusive, and equality filters on pathway_fact columns. The columns are a fixed list, so
 * no SQL is ever built from a request's text.
 */
export const filterColumns = {
  referralSource: 'referral_source',
  diagnosisGroup: 'diagnosis_group',
  supportLevel: 'support_level',
  sex: 'sex',
  ageBand: 'age_band',
  education: 'education_group',
  labourMarket: 'labour_market',
  origin: 'origin',
  livingAlone: 'living_alone',
  socialHousing: 'social_housing',
  areaType: 'area_type',
  offer: 'offer_id',
  team: 'team_id',
  place: 'place_id',
} as const;
export type FilterName = keyof typeof filterColumns;

/** Offer, team and place are ids; the rest are closed code values. */
const idFilters: ReadonlySet<FilterName> = new Set(['offer', 'team', 'place']);
const filterValue = z.string().min(1).max(100);
const idValue = z.uuid();
export const EquityFilterQuery = z.object({
  from: isoDate.describe('First day of the period (local date, inclusive)'),
  to: isoDate.describe('Last day of the period (local date, inclusive)'),
  ...Object.fromEntries(Object.keys(filterColumns).map((k) => [k, (idFilters.has(k as FilterName) ? idValue : filterValue).optional()])) as
    Record<FilterName, z.ZodOptional<typeof filterValue>>,
});
export type EquityFilter = z.infer<typeof EquityFilterQuery>;

export const periodIsOrdered = (q: { from: string; to: string }): boolean => q.from <= q.to;

/** Columns a period can be taken on (referrals by when they arrived, courses by when they started or ended). */
export const periodColumns = ['referred_at', 'started_at', 'ended_at'] as const;
export type PeriodColumn = (typeof periodColumns)[number];

/** WHERE clause and parameters for the period and filters; parameter numbers start after `offset`. */
export function filterSql(filter: EquityFilter, periodColumn: PeriodColumn = 'referred_at', offset = 0): { where: string; params: unknown[] } {
  const params: unknown[] = [startOfDay(filter.from).toISOString(), startOfDay(addDays(filter.to, 1)).toISOString()];
  const conditions = [`${periodColumn} >= $${offset + 1}`, `${periodColumn} < $${offset + 2}`];
  for (const [name, column] of Object.entries(filterColumns) as [FilterName, string][]) {
    const value = filter[name];
    if (value === undefined) continue;
    params.push(value);
    conditions.push(`${column} = $${offset + params.length}`);
  }
  return { where: conditions.join(' AND '), params };
}

/** The filters that were applied, for the response (so a shared link shows what it is). */
export const appliedFilters = (filter: EquityFilter): Record<string, string> =>
  Object.fromEntries(Object.keys(filterColumns).flatMap((k) => { const v = filter[k as FilterName]; return v === undefined ? [] : [[k, v]]; }));
