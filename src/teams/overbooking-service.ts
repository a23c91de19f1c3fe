import type { z } from 'zod';
import type { Queryable } from '../db/database.ts';
import { notFound } from '../shared/errors.ts';
import { educationGroup, type EducationGroup } from '../domain/social-position.ts';

const educationGroups: readonly EducationGroup[] = ['low', 'medium', 'high', 'unknown'];
import { adviseOverbooking, shrunkShowRate } from './overbooking.ts';
import type { OverbookingOut } from './attendance-schemas.ts';

/** With no history at all, assume most people come; the group rates take over as soon as there is a record. */
const NO_HISTORY_RATE = 0.8;
const PRIOR_WEIGHT = 20;

const EDUCATION = `coalesce((SELECT sp.value FROM social_position_item sp WHERE sp.citizen_id = c.id AND sp.item = 'education' AND NOT sp.entered_in_error
  ORDER BY sp.recorded_on DESC, sp.created_at DESC LIMIT 1), 'unknown')`;

/**
 * Overbooking advice for a team: how often earlier participants of the same offer (or, for a team
 * outside the catalogue, the same intervention) came, per education group; then the advice for the
 * people on the team and next on its waiting list. Only counts leave this function, no names.
 */
export async function overbookingFor(tx: Queryable, now: Date, teamId: string): Promise<z.infer<typeof OverbookingOut>> {
  const team = (await tx.query<{ capacity: number | null; offer_id: string | null; intervention_code: string | null }>('SELECT capacity, offer_id, intervention_code FROM team WHERE id = $1', [teamId])).rows[0];
  if (!team) throw notFound('Hold');
  const history = (await tx.query<{ education: string; attended: number; expected: number }>(
    `SELECT ${EDUCATION} AS education, count(*) FILTER (WHERE e.status = 'finished')::int AS attended, count(*)::int AS expected
       FROM encounter e JOIN team_session ts ON ts.id = e.team_session_id JOIN team t ON t.id = ts.team_id JOIN citizen c ON c.id = e.citizen_id
      WHERE e.purpose = 'session' AND e.status IN ('finished', 'no-show', 'cancelled') AND ts.start_at < $1
        AND (($2::uuid IS NOT NULL AND t.offer_id = $2) OR ($2::uuid IS NULL AND t.intervention_code = $3))
      GROUP BY 1`, [now.toISOString(), team.offer_id, team.intervention_code])).rows;
  const groups = new Map<EducationGroup, { attended: number; expected: number }>();
  for (const h of history) {
    const g = educationGroup(h.education);
    const acc = groups.get(g) ?? { attended: 0, expected: 0 };
    groups.set(g, { attended: acc.attended + h.attended, expected: acc.expected + h.expected });
  }
  const all = [...groups.values()].reduce((s, g) => ({ attended: s.attended + g.attended, expected: s.expected + g.expected }), { attended: 0, expected: 0 });
  const typicalRate = shrunkShowRate(all, { rate: NO_HISTORY_RATE, weight: PRIOR_WEIGHT });
  const rateOfGroup = (g: EducationGroup) => shrunkShowRate(groups.get(g) ?? { attended: 0, expected: 0 }, { rate: typicalRate, weight: PRIOR_WEIGHT });
  const rateOf = (education: string) => rateOfGroup(educationGroup(education));
  const booked = (await tx.query<{ education: string }>(
    `SELECT DISTINCT ON (i.referral_id) ${EDUCATION} AS education FROM intervention i JOIN citizen c ON c.id = i.citizen_id
      WHERE i.team_id = $1 AND i.status NOT IN ('entered-in-error', 'cancelled', 'stopped', 'completed')`, [teamId])).rows;
  const waiting = (await tx.query<{ education: string }>(
    `SELECT ${EDUCATION} AS education FROM team_waiting w JOIN citizen c ON c.id = w.citizen_id
      WHERE w.team_id = $1 AND w.status IN ('waiting', 'offered') ORDER BY w.status = 'waiting', w.queued_at, w.id`, [teamId])).rows;
  const advice = adviseOverbooking(team.capacity ?? booked.length, booked.map((b) => rateOf(b.education)), waiting.map((w) => rateOf(w.education)), typicalRate);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    ...advice, waiting: waiting.length, typicalRate: round(typicalRate),
    rates: educationGroups.map((g) => ({ group: g, ...(groups.get(g) ?? { attended: 0, expected: 0 }), rate: round(rateOfGroup(g)) })),
  };
}
