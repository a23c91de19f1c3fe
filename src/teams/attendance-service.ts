import type { z } from 'zod';
import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { updateVersioned } from '../db/versioned.ts';
import { notFound, validationError } from '../shared/errors.ts';
import { refreshPathwayFact } from '../analytics/refresh-fact.ts';
import { localDate } from '../worklists/calendar.ts';
import { attendanceOf, type Attendance } from './team-schemas.ts';
import { completionOf, missedInARow, MISSES_BEFORE_CALL, DEFAULT_COMPLETION_THRESHOLD } from './completion.ts';
import type { CallInput, CallListEntry, ProgressRow } from './attendance-schemas.ts';

/** A participant still on a team: intervention not ended, course granted and not closed. */
const OPEN = `i.status IN ('not-started', 'scheduled', 'in-progress', 'on-hold') AND r.stage IN ('planned', 'active')`;

type AttendanceRow = {
  intervention_id: string; intervention_version: number; intervention_status: string; referral_id: string; citizen_id: string; given_name: string;
  family_name: string; phone: string | null; team_id: string; team_name: string; number: number; start_at: Date; status: string | null; held: boolean;
};

/** Each participant's attendance at the team's non-cancelled sessions since they joined, in session order. */
async function attendanceRows(tx: Queryable, now: Date, where: string, params: unknown[]): Promise<AttendanceRow[]> {
  return (await tx.query<AttendanceRow>(
    `SELECT i.id AS intervention_id, i.version AS intervention_version, i.status AS intervention_status, i.referral_id, r.citizen_id, c.given_name, c.family_name, c.phone,
            t.id AS team_id, t.name AS team_name, ts.number, ts.start_at, e.status, ts.start_at <= $1 AS held
       FROM intervention i JOIN referral r ON r.id = i.referral_id JOIN citizen c ON c.id = r.citizen_id JOIN team t ON t.id = i.team_id
       JOIN team_session ts ON ts.team_id = t.id AND ts.status <> 'cancelled'
       LEFT JOIN encounter e ON e.team_session_id = ts.id AND e.referral_id = i.referral_id AND e.status <> 'entered-in-error'
      WHERE ${where}
      ORDER BY c.family_name, c.given_name, i.id, ts.start_at`, [now.toISOString(), ...params])).rows;
}

function byIntervention(rows: AttendanceRow[]): AttendanceRow[][] {
  const groups = new Map<string, AttendanceRow[]>();
  for (const r of rows) groups.set(r.intervention_id, [...(groups.get(r.intervention_id) ?? []), r]);
  return [...groups.values()];
}
const heldRecord = (rows: AttendanceRow[]): Attendance[] => rows.filter((r) => r.held).map((r) => attendanceOf(r.status));

/** Attendance and completion of every participant of a team (offer threshold, default 75 %). Each citizen shown is audit-logged. */
export async function teamProgress(tx: Queryable, actor: Actor, now: Date, teamId: string): Promise<{ threshold: number; participants: z.infer<typeof ProgressRow>[] }> {
  const team = (await tx.query<{ threshold: number | null }>('SELECT o.completion_threshold::float8 AS threshold FROM team t LEFT JOIN offer o ON o.id = t.offer_id WHERE t.id = $1', [teamId])).rows[0];
  if (!team) throw notFound('Hold');
  const threshold = team.threshold ?? DEFAULT_COMPLETION_THRESHOLD;
  const rows = await attendanceRows(tx, now, `i.team_id = $2 AND i.status NOT IN ('entered-in-error', 'cancelled') AND r.stage <> 'entered_in_error'`, [teamId]);
  const participants = byIntervention(rows).map((list) => {
    const first = list[0]!;
    const record = heldRecord(list);
    const count = (a: Attendance) => record.filter((x) => x === a).length;
    const remaining = list.filter((r) => !r.held).length;
    const done = completionOf(count('present'), list.length, remaining, threshold);
    return {
      referralId: first.referral_id, citizenId: first.citizen_id, citizenName: `${first.given_name} ${first.family_name}`, interventionId: first.intervention_id,
      interventionStatus: first.intervention_status, attended: count('present'), absent: count('absent'), excused: count('excused'), planned: list.length, remaining,
      needed: done.needed, completion: done.state, missedInARow: missedInARow(record),
    };
  });
  await appendAudit(tx, actor, now, participants.map((p) => ({ action: 'read' as const, resourceType: 'TeamProgress', resourceId: teamId, citizenId: p.citizenId })));
  return { threshold, participants };
}

/**
 * The attendance call list: participants whose last two recorded sessions were no-shows (afbud neither
 * counts nor breaks the run), unless someone has called them since the last one. With the history.
 */
export async function attendanceCallList(tx: Queryable, actor: Actor, now: Date): Promise<z.infer<typeof CallListEntry>[]> {
  const rows = await attendanceRows(tx, now, `${OPEN} AND ts.start_at <= $1`, []);
  const calls = new Map((await tx.query<{ intervention_id: string; called_at: Date; outcome: string }>(
    `SELECT DISTINCT ON (intervention_id) intervention_id, called_at, outcome FROM attendance_call ORDER BY intervention_id, called_at DESC`)).rows.map((c) => [c.intervention_id, c]));
  const list = byIntervention(rows).flatMap((sessions) => {
    const record = heldRecord(sessions);
    const missed = missedInARow(record);
    if (missed < MISSES_BEFORE_CALL) return [];
    const lastMiss = [...sessions].reverse().find((s) => attendanceOf(s.status) === 'absent')!;
    const call = calls.get(sessions[0]!.intervention_id);
    if (call && call.outcome !== 'no_answer' && new Date(call.called_at) >= new Date(lastMiss.start_at)) return [];
    const first = sessions[0]!;
    return [{
      interventionId: first.intervention_id, interventionVersion: first.intervention_version, referralId: first.referral_id, citizenId: first.citizen_id,
      citizenName: `${first.given_name} ${first.family_name}`, phone: first.phone, teamId: first.team_id, teamName: first.team_name, missedInARow: missed,
      history: sessions.map((s) => ({ sessionNumber: s.number, startAt: new Date(s.start_at).toISOString(), attendance: attendanceOf(s.status) })),
      lastCall: call ? { calledAt: new Date(call.called_at).toISOString(), outcome: call.outcome } : null,
    }];
  });
  await appendAudit(tx, actor, now, list.map((e) => ({ action: 'search' as const, resourceType: 'Referral', resourceId: e.referralId, citizenId: e.citizenId, detail: { list: 'attendance_calls' } })));
  return list;
}

/** Records a call; a drop-out stops the intervention with the KL reason, which frees the place for the waiting list. */
export async function recordAttendanceCall(tx: Queryable, actor: Actor, now: Date, interventionId: string, input: z.infer<typeof CallInput>) {
  const iv = (await tx.query<{ referral_id: string; citizen_id: string; status: string }>('SELECT referral_id, citizen_id, status FROM intervention WHERE id = $1', [interventionId])).rows[0];
  if (!iv) throw notFound('Indsats');
  const dropped = input.outcome === 'dropped_out';
  if (dropped && !input.cancellationReason) throw validationError([{ path: 'cancellationReason', rule: 'cancellation_reason.required' }]);
  if (!dropped && input.cancellationReason) throw validationError([{ path: 'cancellationReason', rule: 'cancellation_reason.forbidden' }]);
  let status = iv.status;
  let version = input.interventionVersion;
  if (dropped) {
    const row = await updateVersioned<{ status: string; version: number }>(tx, 'intervention', interventionId, input.interventionVersion,
      { status: 'stopped', end_date: localDate(now), cancellation_reason: input.cancellationReason }, 'Indsats');
    ({ status, version } = row);
  }
  const call = (await tx.query<{ id: string; called_at: Date }>(
    `INSERT INTO attendance_call (municipality_id, intervention_id, referral_id, citizen_id, called_at, outcome, cancellation_reason, note, performed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id, called_at`,
    [actor.municipalityId, interventionId, iv.referral_id, iv.citizen_id, now.toISOString(), input.outcome, input.cancellationReason ?? null, input.note ?? null, actor.userId])).rows[0]!;
  await appendAudit(tx, actor, now, [{ action: 'create', resourceType: 'AttendanceCall', resourceId: call.id, citizenId: iv.citizen_id, detail: { outcome: input.outcome } }]);
  if (dropped) await refreshPathwayFact(tx, iv.referral_id);
  return { id: call.id, interventionId, outcome: input.outcome, calledAt: new Date(call.called_at).toISOString(), interventionStatus: status, version };
}
