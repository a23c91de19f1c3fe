import type { z } from 'zod';
import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { AppError, notFound, validationError } from '../shared/errors.ts';
import { updateVersioned } from '../db/versioned.ts';
import { refreshPathwayFact } from '../analytics/refresh-fact.ts';
import { attendanceOf, encounterStatusOf, type AttendanceInput, type Participant, type RollCall, type SessionOut, type TeamOut } from './team-schemas.ts';

type TeamRow = {
  id: string; name: string; intervention_code: string | null; language: string; location: string | null; capacity: number | null;
  starts_on: string | null; weekday: number | null; start_time: string | null; session_count: number | null; version: number;
  participants: number; next_id: string | null; next_number: number | null; next_start: Date | null;
  offer_id: string | null; place_id: string | null; waiting: number;
};
type SessionRow = {
  id: string; team_id: string; number: number; start_at: Date; end_at: Date; location: string | null; status: string; version: number;
  present: number; absent: number; excused: number;
};

/** A team's participants: everyone whose intervention is on the team and not cancelled or entered in error. */
const ACTIVE_MEMBER = `i.status NOT IN ('entered-in-error', 'cancelled')`;

const teamColumns = `t.id, t.name, t.intervention_code, t.language, t.location, t.capacity, t.starts_on::text AS starts_on, t.weekday,
  to_char(t.start_time, 'HH24:MI') AS start_time, t.session_count, t.version,
  (SELECT count(DISTINCT i.referral_id)::int FROM intervention i WHERE i.team_id = t.id AND ${ACTIVE_MEMBER}) AS participants,
  n.id AS next_id, n.number AS next_number, n.start_at AS next_start, t.offer_id, t.place_id,
  (SELECT count(*)::int FROM team_waiting w WHERE w.team_id = t.id AND w.status IN ('waiting', 'offered')) AS waiting`;
const nextSessionJoin = `LEFT JOIN LATERAL (SELECT ts.id, ts.number, ts.start_at FROM team_session ts
  WHERE ts.team_id = t.id AND ts.end_at >= $1 AND ts.status <> 'cancelled' ORDER BY ts.start_at LIMIT 1) n ON true`;

const teamOut = (r: TeamRow): z.infer<typeof TeamOut> => ({
  id: r.id, name: r.name, interventionCode: r.intervention_code, language: r.language, location: r.location, capacity: r.capacity,
  startsOn: r.starts_on, weekday: r.weekday, startTime: r.start_time, sessionCount: r.session_count, participants: r.participants,
  nextSession: r.next_id ? { id: r.next_id, number: r.next_number!, startAt: new Date(r.next_start!).toISOString() } : null, version: r.version,
  offerId: r.offer_id, placeId: r.place_id, waiting: r.waiting,
});

const sessionColumns = `ts.id, ts.team_id, ts.number, ts.start_at, ts.end_at, coalesce(ts.location, t.location) AS location, ts.status, ts.version,
  count(e.id) FILTER (WHERE e.status = 'finished')::int AS present,
  count(e.id) FILTER (WHERE e.status = 'no-show')::int AS absent,
  count(e.id) FILTER (WHERE e.status = 'cancelled')::int AS excused`;
const sessionFrom = `team_session ts JOIN team t ON t.id = ts.team_id
  LEFT JOIN encounter e ON e.team_session_id = ts.id AND e.status <> 'entered-in-error'`;
const sessionGroup = 'GROUP BY ts.id, ts.team_id, ts.number, ts.start_at, ts.end_at, ts.location, t.location, ts.status, ts.version';

const sessionOut = (s: SessionRow): z.infer<typeof SessionOut> => ({
  id: s.id, teamId: s.team_id, number: s.number, startAt: new Date(s.start_at).toISOString(), endAt: new Date(s.end_at).toISOString(),
  location: s.location, status: s.status, present: s.present, absent: s.absent, excused: s.excused, version: s.version,
});

/** Teams hold no citizen data themselves (only counts), so listing them is not audit-logged. */
export async function listTeams(tx: Queryable, now: Date): Promise<z.infer<typeof TeamOut>[]> {
  return (await tx.query<TeamRow>(`SELECT ${teamColumns} FROM team t ${nextSessionJoin} ORDER BY n.start_at NULLS LAST, t.name LIMIT 500`, [now.toISOString()])).rows.map(teamOut);
}

export async function readTeam(tx: Queryable, now: Date, teamId: string): Promise<{ team: z.infer<typeof TeamOut>; sessions: z.infer<typeof SessionOut>[] }> {
  const team = (await tx.query<TeamRow>(`SELECT ${teamColumns} FROM team t ${nextSessionJoin} WHERE t.id = $2`, [now.toISOString(), teamId])).rows[0];
  if (!team) throw notFound('Hold');
  const sessions = (await tx.query<SessionRow>(`SELECT ${sessionColumns} FROM ${sessionFrom} WHERE ts.team_id = $1 ${sessionGroup} ORDER BY ts.number`, [teamId])).rows;
  return { team: teamOut(team), sessions: sessions.map(sessionOut) };
}

async function sessionRow(tx: Queryable, sessionId: string, forUpdate = false) {
  if (forUpdate) await tx.query('SELECT id FROM team_session WHERE id = $1 FOR UPDATE', [sessionId]);
  const row = (await tx.query<SessionRow & { team_name: string; session_count: number | null }>(
    `SELECT ${sessionColumns}, t.name AS team_name, t.session_count FROM ${sessionFrom} WHERE ts.id = $1 ${sessionGroup}, t.name, t.session_count`, [sessionId])).rows[0];
  if (!row) throw notFound('Mødegang');
  return row;
}

type ParticipantRow = {
  referral_id: string; citizen_id: string; given_name: string; family_name: string; intervention_id: string; stage: string;
  encounter_id: string | null; encounter_version: number | null; encounter_status: string | null;
};

/**
 * Who is on the roll for a session: the team's current participants whose intervention had not
 * ended before the session, plus anyone already marked at it.
 */
async function participantRows(tx: Queryable, teamId: string, sessionId: string, sessionStart: Date, referralId?: string): Promise<ParticipantRow[]> {
  return (await tx.query<ParticipantRow>(
    `SELECT DISTINCT ON (c.family_name, c.given_name, r.id) r.id AS referral_id, r.citizen_id, c.given_name, c.family_name, i.id AS intervention_id, r.stage,
            e.id AS encounter_id, e.version AS encounter_version, e.status AS encounter_status
       FROM intervention i JOIN referral r ON r.id = i.referral_id JOIN citizen c ON c.id = r.citizen_id
       LEFT JOIN encounter e ON e.team_session_id = $2 AND e.referral_id = r.id AND e.status <> 'entered-in-error'
      WHERE i.team_id = $1 AND ($4::uuid IS NULL OR r.id = $4)
        AND (e.id IS NOT NULL OR (${ACTIVE_MEMBER} AND r.stage <> 'entered_in_error' AND (i.end_date IS NULL OR i.end_date >= $3::date)))
      ORDER BY c.family_name, c.given_name, r.id, e.id NULLS LAST, i.created_at`,
    [teamId, sessionId, new Date(sessionStart).toISOString().slice(0, 10), referralId ?? null])).rows;
}

const participantOut = (p: ParticipantRow): z.infer<typeof Participant> => ({
  referralId: p.referral_id, citizenId: p.citizen_id, citizenName: `${p.given_name} ${p.family_name}`, interventionId: p.intervention_id, stage: p.stage,
  encounterId: p.encounter_id, encounterVersion: p.encounter_version, attendance: attendanceOf(p.encounter_status),
});

/** The roll for one session. Reading it shows citizens' names and attendance, so each is audit-logged. */
export async function readRollCall(tx: Queryable, actor: Actor, now: Date, sessionId: string): Promise<z.infer<typeof RollCall>> {
  const s = await sessionRow(tx, sessionId);
  const rows = await participantRows(tx, s.team_id, s.id, s.start_at);
  await appendAudit(tx, actor, now, rows.map((p) => ({ action: 'read' as const, resourceType: 'TeamSessionAttendance', resourceId: s.id, citizenId: p.citizen_id })));
  return { session: { ...sessionOut(s), teamName: s.team_name, sessionCount: s.session_count }, participants: rows.map(participantOut) };
}

const rollCallStages = ['planned', 'active', 'ended', 'followed_up'];

/**
 * Marks one participant present, absent or excused: creates their session encounter or changes its
 * status. `version` is the attendance the user saw (null = not yet called); anything else is 412.
 */
export async function markAttendance(tx: Queryable, actor: Actor, now: Date, sessionId: string, input: z.infer<typeof AttendanceInput>): Promise<z.infer<typeof Participant>> {
  const s = await sessionRow(tx, sessionId, true);
  const [p] = await participantRows(tx, s.team_id, s.id, s.start_at, input.referralId);
  if (!p) throw validationError([{ path: 'referralId', rule: 'reference.unknown' }]);
  if (!rollCallStages.includes(p.stage)) throw validationError([{ path: 'referralId', rule: 'roll_call.stage' }]);
  const status = encounterStatusOf[input.attendance];
  if (p.encounter_id) {
    if (input.version === null) throw new AppError('version_conflict', 'error.version_conflict', { resource: 'Fremmøde', expected: 0, actual: p.encounter_version! });
    await updateVersioned(tx, 'encounter', p.encounter_id, input.version, { status }, 'Fremmøde');
  } else {
    if (input.version !== null) throw new AppError('version_conflict', 'error.version_conflict', { resource: 'Fremmøde', expected: input.version, actual: 0 });
    const pathwayId = (await tx.query<{ pathway_id: string | null }>('SELECT pathway_id FROM intervention WHERE id = $1', [p.intervention_id])).rows[0]?.pathway_id ?? null;
    await tx.query(
      `INSERT INTO encounter (municipality_id, citizen_id, referral_id, pathway_id, intervention_id, purpose, class, start_at, end_at, status, performed_by, team_session_id)
       VALUES ($1, $2, $3, $4, $5, 'session', 'AMB', $6, $7, $8, $9, $10)`,
      [actor.municipalityId, p.citizen_id, p.referral_id, pathwayId, p.intervention_id, s.start_at, s.end_at, status, actor.userId, s.id]);
  }
  if (input.attendance === 'present' && s.status === 'planned') {
    await tx.query(`UPDATE team_session SET status = 'held', version = version + 1 WHERE id = $1`, [s.id]);
  }
  await appendAudit(tx, actor, now, [{
    action: p.encounter_id ? 'update' : 'create', resourceType: 'TeamSessionAttendance', resourceId: s.id, citizenId: p.citizen_id,
    detail: { attendance: input.attendance },
  }]);
  await refreshPathwayFact(tx, p.referral_id);
  const [after] = await participantRows(tx, s.team_id, s.id, s.start_at, input.referralId);
  return participantOut(after!);
}
