import type { z } from 'zod';
import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import type { Language } from '../shared/i18n.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { updateVersioned } from '../db/versioned.ts';
import { notFound, validationError, type FieldProblem } from '../shared/errors.ts';
import { referencesExist } from '../referrals/referral-service.ts';
import { closedDayLookup, holidayNames } from '../offers/holidays.ts';
import { generateSchedule, sessionAt, type WeeklyPattern } from './schedule.ts';
import { readTeam } from './team-service.ts';
import type { SchedulePreview, SessionMove, TeamCreate } from './planning-schemas.ts';

/** The session plan of a weekly pattern, with the closed days it skipped named in the caller's language. */
export function previewSchedule(pattern: WeeklyPattern, skipClosedDays: boolean, lang: Language): z.infer<typeof SchedulePreview> {
  const year = Number(pattern.from.slice(0, 4));
  const closed = skipClosedDays ? closedDayLookup(year, year + 2) : () => undefined;
  const { sessions, skipped } = generateSchedule(pattern, closed);
  return { sessions, skipped: skipped.map((s) => ({ date: s.date, name: holidayNames[s.closedDay.key][lang], kind: s.closedDay.kind })) };
}

interface OfferRow { public_name: string; languages: string[]; intervention_codes: string[]; capacity: number | null; session_minutes: number; session_count: number; active: boolean }

/** Builds a team from a catalogue offer: the row, its instructors and its generated sessions. */
export async function createTeam(tx: Queryable, actor: Actor, now: Date, lang: Language, input: z.infer<typeof TeamCreate>) {
  const offer = (await tx.query<OfferRow>('SELECT public_name, languages, intervention_codes, capacity, session_minutes, session_count, active FROM offer WHERE id = $1', [input.offerId])).rows[0];
  const problems: FieldProblem[] = await referencesExist(tx, [
    { path: 'placeId', table: 'place', id: input.placeId },
    ...input.instructorIds.map((s, i) => ({ path: `instructorIds.${i}`, table: 'staff_user', id: s })),
  ]);
  if (!offer) problems.unshift({ path: 'offerId', rule: 'reference.unknown' });
  else if (!offer.languages.includes(input.language)) problems.push({ path: 'language', rule: 'team.language', params: { allowed: offer.languages.join(', ') } });
  if (problems.length) throw validationError(problems);
  const sessionMinutes = input.sessionMinutes ?? offer!.session_minutes;
  const plan = previewSchedule({ from: input.from, weekday: input.weekday, startTime: input.startTime, durationMinutes: sessionMinutes, sessionCount: input.sessionCount ?? offer!.session_count }, input.skipClosedDays, lang);
  const first = plan.sessions[0]!;
  const place = input.placeId ? (await tx.query<{ name: string }>('SELECT name FROM place WHERE id = $1', [input.placeId])).rows[0]!.name : null;
  const team = (await tx.query<{ id: string }>(
    `INSERT INTO team (municipality_id, name, intervention_code, language, location, capacity, starts_on, weekday, start_time, session_count,
       instructor_id, offer_id, place_id, session_minutes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    [actor.municipalityId, input.name ?? `${offer!.public_name}, ${weekName(first.date, lang)}`, offer!.intervention_codes[0], input.language, place,
      input.capacity ?? offer!.capacity, first.date, input.weekday, input.startTime, plan.sessions.length, input.instructorIds[0] ?? null,
      input.offerId, input.placeId, sessionMinutes])).rows[0]!;
  for (const staffId of new Set(input.instructorIds)) {
    await tx.query('INSERT INTO team_instructor (municipality_id, team_id, staff_user_id) VALUES ($1, $2, $3)', [actor.municipalityId, team.id, staffId]);
  }
  for (const s of plan.sessions) {
    await tx.query('INSERT INTO team_session (municipality_id, team_id, number, start_at, end_at) VALUES ($1, $2, $3, $4, $5)',
      [actor.municipalityId, team.id, s.number, s.startAt, s.endAt]);
  }
  await appendAudit(tx, actor, now, [{ action: 'create', resourceType: 'Team', resourceId: team.id, purpose: 'administration', detail: { sessions: plan.sessions.length, skipped: plan.skipped.map((s) => s.date) } }]);
  return { ...(await readTeam(tx, now, team.id)), skipped: plan.skipped };
}

/** "hold uge 12/2026" — Danish calendars name weeks by ISO number. */
function weekName(date: string, lang: Language): string {
  const d = new Date(`${date}T12:00:00Z`);
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / 86_400_000 / 7);
  return `${lang === 'da' ? 'hold uge' : 'team week'} ${week}/${thursday.getUTCFullYear()}`;
}

/** Moves one planned session to another local date and time; a held or cancelled session stays where it was. */
export async function moveSession(tx: Queryable, actor: Actor, now: Date, sessionId: string, input: z.infer<typeof SessionMove>) {
  const s = (await tx.query<{ team_id: string; number: number; status: string; start_at: Date; end_at: Date; marked: number }>(
    `SELECT ts.team_id, ts.number, ts.status, ts.start_at, ts.end_at,
            (SELECT count(*)::int FROM encounter e WHERE e.team_session_id = ts.id AND e.status <> 'entered-in-error') AS marked
       FROM team_session ts WHERE ts.id = $1`, [sessionId])).rows[0];
  if (!s) throw notFound('Mødegang');
  if (s.status !== 'planned' || s.marked > 0) throw validationError([{ path: 'date', rule: 'session.not_movable' }]);
  const minutes = input.sessionMinutes ?? Math.round((new Date(s.end_at).getTime() - new Date(s.start_at).getTime()) / 60_000);
  const moved = sessionAt(s.number, input.date, input.startTime, minutes);
  await updateVersioned(tx, 'team_session', sessionId, input.version, {
    start_at: moved.startAt, end_at: moved.endAt, ...(input.location !== undefined ? { location: input.location } : {}),
  }, 'Mødegang');
  await appendAudit(tx, actor, now, [{ action: 'update', resourceType: 'TeamSession', resourceId: sessionId, purpose: 'administration', detail: { from: new Date(s.start_at).toISOString(), to: moved.startAt } }]);
  return readTeam(tx, now, s.team_id);
}
