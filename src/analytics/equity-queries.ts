import type { Queryable } from '../db/database.ts';
import { cascadeSteps, reachedStep, type CascadeStep } from './cascade-steps.ts';
import type { CascadeCounts } from './equity-cascade.ts';
import type { EquityDimension } from './equity-dimensions.ts';
import { filterSql, type EquityFilter } from './equity-filters.ts';
import { effectMeasures, pairColumns, type EffectMeasureKey, type EffectTimePoint } from './effect-measures.ts';

/**
 * The equity queries: each reads pathway_fact only, inside the caller's tenant transaction (row-level
 * security on). Column names come from constant definitions; request values are parameters.
 */
export async function cascadeCounts(tx: Queryable, filter: EquityFilter, dimension: EquityDimension): Promise<CascadeCounts[]> {
  const { where, params } = filterSql(filter);
  const rows = (await tx.query<Record<string, unknown>>(
    `SELECT ${dimension.column} AS grp, ${cascadeSteps.map((s) => `count(*) FILTER (WHERE ${reachedStep[s]})::int AS ${s}`).join(', ')}
       FROM pathway_fact WHERE ${where} GROUP BY 1`, params)).rows;
  return rows.map((r) => ({ group: String(r.grp), counts: Object.fromEntries(cascadeSteps.map((s) => [s, Number(r[s])])) as Record<CascadeStep, number> }));
}

export interface WaitingRow { group: string | null; contactN: number; contactDays: number[] | null; startN: number; startDays: number[] | null }

const days = (column: string) => `extract(epoch FROM ${column} - referred_at)::float8 / 86400`;
const quartiles = (column: string) =>
  `percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY ${days(column)}) FILTER (WHERE ${column} IS NOT NULL)`;

/** Quartiles of days from referral to first contact and to start, per group and for everyone (group null). */
export async function waitingTimes(tx: Queryable, filter: EquityFilter, dimension: EquityDimension): Promise<WaitingRow[]> {
  const { where, params } = filterSql(filter);
  const rows = (await tx.query<{ grp: string | null; total: number; contact_n: number; contact_days: number[] | null; start_n: number; start_days: number[] | null }>(
    `SELECT ${dimension.column} AS grp, GROUPING(${dimension.column})::int AS total,
            count(first_contact_at)::int AS contact_n, ${quartiles('first_contact_at')} AS contact_days,
            count(started_at)::int AS start_n, ${quartiles('started_at')} AS start_days
       FROM pathway_fact WHERE ${where} GROUP BY GROUPING SETS ((${dimension.column}), ())`, params)).rows;
  const numbers = (xs: unknown[] | null) => (xs ? xs.map(Number) : null);
  return rows.map((r) => ({
    group: Number(r.total) === 1 ? null : String(r.grp), contactN: Number(r.contact_n), contactDays: numbers(r.contact_days),
    startN: Number(r.start_n), startDays: numbers(r.start_days),
  }));
}

export type DropoutPhase = 'all' | 'before_start' | 'after_start';
const phaseCondition: Record<DropoutPhase, string> = {
  all: 'true',
  before_start: `NOT ${reachedStep.started}`,
  after_start: reachedStep.started,
};

/** Drop-outs (a KL cancellation reason on the course or the closed referral) per group and reason. */
export async function dropoutCounts(tx: Queryable, filter: EquityFilter, dimension: EquityDimension, phase: DropoutPhase): Promise<{ group: string; reason: string; count: number }[]> {
  const { where, params } = filterSql(filter);
  const rows = (await tx.query<{ grp: string; reason: string; n: number }>(
    `SELECT ${dimension.column} AS grp, dropout_reason AS reason, count(*)::int AS n
       FROM pathway_fact WHERE ${where} AND dropout_reason IS NOT NULL AND ${phaseCondition[phase]} GROUP BY 1, 2`, params)).rows;
  return rows.map((r) => ({ group: String(r.grp), reason: String(r.reason), count: Number(r.n) }));
}

export interface CompleterMeasures { group: string; values: Record<EffectMeasureKey, { before: number | null; after: number | null }> }

/**
 * Start and later values of the effect measures, with the group: at the end for everyone who
 * completed, at follow-up for the completers who were followed up (the only ones with a follow-up).
 */
export async function completerMeasures(tx: Queryable, filter: EquityFilter, dimension: EquityDimension, timePoint: EffectTimePoint = 'end'): Promise<CompleterMeasures[]> {
  const { where, params } = filterSql(filter);
  const keys = Object.keys(effectMeasures) as EffectMeasureKey[];
  const columns = keys.flatMap((k) => Object.values(pairColumns(k, timePoint)));
  const population = timePoint === 'end' ? reachedStep.completed : reachedStep.followed_up;
  const rows = (await tx.query<Record<string, unknown>>(
    `SELECT ${dimension.column} AS grp, ${columns.join(', ')} FROM pathway_fact WHERE ${where} AND ${population}`, params)).rows;
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    group: String(r.grp),
    values: Object.fromEntries(keys.map((k) => { const c = pairColumns(k, timePoint); return [k, { before: num(r[c.before]), after: num(r[c.after]) }]; })) as CompleterMeasures['values'],
  }));
}
