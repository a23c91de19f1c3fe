import type { Queryable } from '../db/database.ts';
import { TIME_ZONE } from '../worklists/calendar.ts';
import { filterColumns, filterSql, type EquityFilter, type FilterName } from './equity-filters.ts';
import { conditionSql, type QualityIndicator } from './quality-indicators.ts';
import type { IndicatorCount } from './quality-charts.ts';

function countsSql(indicator: QualityIndicator, key: string, where: string): string {
  const denominator = conditionSql(indicator.denominator);
  return `SELECT ${key} AS key, count(*) FILTER (WHERE ${denominator})::int AS denominator,
                 count(*) FILTER (WHERE ${denominator} AND ${conditionSql(indicator.numerator)})::int AS numerator
            FROM pathway_fact WHERE ${where} GROUP BY 1`;
}

const toCounts = (rows: { key: string; denominator: number; numerator: number }[]): IndicatorCount[] =>
  rows.map((r) => ({ key: String(r.key), denominator: Number(r.denominator), numerator: Number(r.numerator) }));

/** Denominator and numerator per local calendar month of the indicator's date. */
export async function monthlyCounts(tx: Queryable, filter: EquityFilter, indicator: QualityIndicator): Promise<IndicatorCount[]> {
  const { where, params } = filterSql(filter, indicator.periodBy);
  return toCounts((await tx.query<{ key: string; denominator: number; numerator: number }>(
    countsSql(indicator, `to_char(${indicator.periodBy} AT TIME ZONE '${TIME_ZONE}', 'YYYY-MM')`, where), params)).rows);
}

/** Denominator and numerator per unit (a filter column's value) over the whole period. */
export async function unitCounts(tx: Queryable, filter: EquityFilter, indicator: QualityIndicator, by: FilterName): Promise<IndicatorCount[]> {
  const { where, params } = filterSql(filter, indicator.periodBy);
  return toCounts((await tx.query<{ key: string; denominator: number; numerator: number }>(countsSql(indicator, filterColumns[by], where), params)).rows)
    .filter((c) => c.denominator > 0);
}

/** The tables offer, team and place ids point to, and the name staff know each by (constants, never from input). */
const unitTables: Partial<Record<FilterName, { table: string; name: string }>> = {
  offer: { table: 'offer', name: 'internal_name' },
  team: { table: 'team', name: 'name' },
  place: { table: 'place', name: 'name' },
};

/** Names of the offers, teams or places a funnel compares (own municipality only, through row-level security); empty for code-valued units. */
export async function unitNames(tx: Queryable, by: FilterName, ids: readonly string[]): Promise<Map<string, string>> {
  const unit = unitTables[by];
  const uuids = ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
  if (!unit || uuids.length === 0) return new Map();
  const rows = (await tx.query<{ id: string; name: string }>(`SELECT id::text AS id, ${unit.name} AS name FROM ${unit.table} WHERE id = ANY($1::uuid[])`, [uuids])).rows;
  return new Map(rows.map((r) => [r.id, r.name]));
}
