import type { Queryable } from '../db/database.ts';
import { TIME_ZONE } from '../worklists/calendar.ts';
import { cascadeSteps, reachedStep, type CascadeStep } from './cascade-steps.ts';
import type { DrillFact } from './drill-down.ts';
import type { EquityDimension } from './equity-dimensions.ts';
import { filterSql, type EquityFilter } from './equity-filters.ts';

/** The pathway_fact column dated by each step, where there is one (a later step can imply an undated one). */
const stepDateColumns: Partial<Record<CascadeStep, string>> = {
  referred: 'referred_at', reached: 'first_contact_at', clarified: 'clarified_at', started: 'started_at', completed: 'ended_at', followed_up: 'followed_up_at', bridged: 'bridged_at',
};

const wholeDays = (column: string) => `round(extract(epoch FROM ${column} - referred_at) / 86400)::int`;

/**
 * The referrals of one cascade cell, read from pathway_fact only in the caller's tenant transaction.
 * Dates leave the database as local months; the step rules are the cascade's own (cascade-steps.ts).
 */
export async function drillFacts(tx: Queryable, filter: EquityFilter, dimension: EquityDimension, group: string, step: CascadeStep): Promise<DrillFact[]> {
  const { where, params } = filterSql(filter);
  params.push(group);
  const dated = cascadeSteps.filter((s) => stepDateColumns[s]);
  const rows = (await tx.query<Record<string, unknown>>(
    `SELECT referral_id::text AS referral_id, citizen_id::text AS citizen_id, age_band, sex, dropout_reason,
            ${cascadeSteps.map((s) => `${reachedStep[s]} AS "r_${s}"`).join(', ')},
            ${dated.map((s) => `to_char(${stepDateColumns[s]} AT TIME ZONE '${TIME_ZONE}', 'YYYY-MM') AS "m_${s}"`).join(', ')},
            ${wholeDays('first_contact_at')} AS days_to_contact, ${wholeDays('started_at')} AS days_to_start
       FROM pathway_fact WHERE ${where} AND ${dimension.column} = $${params.length} AND ${reachedStep[step]}`, params)).rows;
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    referralId: String(r.referral_id), citizenId: String(r.citizen_id), ageBand: String(r.age_band), sex: String(r.sex),
    dropoutReason: r.dropout_reason === null ? null : String(r.dropout_reason),
    reached: Object.fromEntries(cascadeSteps.map((s) => [s, r[`r_${s}`] === true])) as Record<CascadeStep, boolean>,
    months: Object.fromEntries(dated.map((s) => [s, (r[`m_${s}`] as string | null) ?? null])),
    daysToContact: num(r.days_to_contact), daysToStart: num(r.days_to_start),
  }));
}

/** Names of citizens, for callers with access to the records (the role wall hides them from everyone else). */
export async function citizenNames(tx: Queryable, citizenIds: readonly string[]): Promise<Map<string, string>> {
  if (citizenIds.length === 0) return new Map();
  const rows = (await tx.query<{ id: string; given_name: string; family_name: string }>(
    'SELECT id::text AS id, given_name, family_name FROM citizen WHERE id = ANY($1)', [[...citizenIds]])).rows;
  return new Map(rows.map((r) => [r.id, `${r.given_name} ${r.family_name}`]));
}

/** The teams, for the dashboard's filter: names and their offer and place only (no participants). */
export async function teamChoices(tx: Queryable): Promise<{ id: string; name: string; offerId: string | null; placeId: string | null; startsOn: string | null }[]> {
  return (await tx.query<{ id: string; name: string; offerId: string | null; placeId: string | null; startsOn: string | null }>(
    `SELECT id::text AS id, name, offer_id::text AS "offerId", place_id::text AS "placeId", starts_on::text AS "startsOn"
       FROM team ORDER BY starts_on DESC NULLS LAST, name LIMIT 1000`)).rows;
}
