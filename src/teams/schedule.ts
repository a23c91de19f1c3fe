import { addDays, TIME_ZONE } from '../worklists/calendar.ts';
import type { ClosedDay } from '../offers/holidays.ts';

/**
 * A team's session plan from a weekly pattern: the weekday and local wall-clock time (Europe/Copenhagen)
 * stay the same all season, whatever the UTC offset; closed days are skipped and the plan runs on
 * until it has the number of sessions asked for.
 */
export interface WeeklyPattern {
  /** The first date a session may fall on (YYYY-MM-DD). */
  from: string;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  /** Local start time HH:MM. */
  startTime: string;
  durationMinutes: number;
  sessionCount: number;
}

export interface PlannedSession { number: number; date: string; startAt: string; endAt: string }
export interface SkippedDate { date: string; closedDay: ClosedDay }

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

function localParts(instant: number): { date: string; time: string } {
  const p = Object.fromEntries(wallClock.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * The instant a local date and wall-clock time happen in Copenhagen. A time that does not exist (the
 * hour skipped when summer time begins) is moved forward by that hour, as clocks are; a time that
 * happens twice (when summer time ends) is its first occurrence.
 */
export function localInstant(date: string, time: string): Date {
  const naive = Date.parse(`${date}T${time}:00Z`);
  for (const offsetHours of [2, 1]) {
    const candidate = naive - offsetHours * 3_600_000;
    const shown = localParts(candidate);
    if (shown.date === date && shown.time === time) return new Date(candidate);
  }
  return new Date(naive - 3_600_000); // in the gap: CET offset lands one hour later on the wall clock
}

/** ISO weekday (1 Monday … 7 Sunday) of a date. */
export const isoWeekday = (date: string): number => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

export function generateSchedule(pattern: WeeklyPattern, closedDay: (date: string) => ClosedDay | undefined): { sessions: PlannedSession[]; skipped: SkippedDate[] } {
  const sessions: PlannedSession[] = [];
  const skipped: SkippedDate[] = [];
  let date = addDays(pattern.from, (pattern.weekday - isoWeekday(pattern.from) + 7) % 7);
  // A season never needs more than a few closed days; the bound stops a bad lookup from looping forever.
  for (let weeks = 0; sessions.length < pattern.sessionCount && weeks < pattern.sessionCount + 60; weeks++, date = addDays(date, 7)) {
    const closed = closedDay(date);
    if (closed) { skipped.push({ date, closedDay: closed }); continue; }
    sessions.push(sessionAt(sessions.length + 1, date, pattern.startTime, pattern.durationMinutes));
  }
  return { sessions, skipped };
}

/** One session at a local date and time; its end is the duration later in real (elapsed) minutes. */
export function sessionAt(number: number, date: string, startTime: string, durationMinutes: number): PlannedSession {
  const start = localInstant(date, startTime);
  return { number, date, startAt: start.toISOString(), endAt: new Date(start.getTime() + durationMinutes * 60_000).toISOString() };
}
