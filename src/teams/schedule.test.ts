import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closedDayLookup } from '../offers/holidays.ts';
import { generateSchedule, isoWeekday, localInstant } from './schedule.ts';

const holidays = closedDayLookup(2026, 2027);
const noClosedDays = () => undefined;

describe('session schedules from a weekly pattern', () => {
  it('starts on the first pattern weekday on or after the start date', () => {
    const { sessions } = generateSchedule({ from: '2026-03-04', weekday: 1, startTime: '10:00', durationMinutes: 90, sessionCount: 2 }, noClosedDays);
    assert.deepEqual(sessions.map((s) => s.date), ['2026-03-09', '2026-03-16']);
    assert.equal(isoWeekday('2026-03-09'), 1);
  });

  it('keeps 10:00 local time across the change to summer time (29 March 2026)', () => {
    const { sessions } = generateSchedule({ from: '2026-03-16', weekday: 1, startTime: '10:00', durationMinutes: 90, sessionCount: 3 }, noClosedDays);
    assert.deepEqual(sessions.map((s) => s.startAt), ['2026-03-16T09:00:00.000Z', '2026-03-23T09:00:00.000Z', '2026-03-30T08:00:00.000Z']);
    assert.equal(sessions[2]!.endAt, '2026-03-30T09:30:00.000Z');
  });

  it('keeps local time across the change back to winter time, and on the night of the change itself', () => {
    const { sessions } = generateSchedule({ from: '2026-10-18', weekday: 7, startTime: '17:30', durationMinutes: 60, sessionCount: 2 }, noClosedDays);
    assert.deepEqual(sessions.map((s) => s.startAt), ['2026-10-18T15:30:00.000Z', '2026-10-25T16:30:00.000Z']);
    assert.equal(localInstant('2026-03-29', '02:30').toISOString(), '2026-03-29T01:30:00.000Z', 'a time that does not exist moves forward an hour (03:30 CEST)');
    assert.equal(localInstant('2026-10-25', '02:30').toISOString(), '2026-10-25T00:30:00.000Z', 'a time that happens twice is its first occurrence');
  });

  it('skips Easter, Ascension and Whit Monday and still plans the number of sessions asked for', () => {
    // Thursdays from 26 March 2026: Maundy Thursday 2 April and Ascension Day 14 May are skipped.
    const thursdays = generateSchedule({ from: '2026-03-26', weekday: 4, startTime: '13:00', durationMinutes: 120, sessionCount: 8 }, holidays);
    assert.deepEqual(thursdays.skipped.map((s) => [s.date, s.closedDay.key]), [['2026-04-02', 'maundy_thursday'], ['2026-05-14', 'ascension_day']]);
    assert.equal(thursdays.sessions.length, 8);
    assert.deepEqual(thursdays.sessions.map((s) => s.number), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.equal(thursdays.sessions.at(-1)!.date, '2026-05-28', '26 Mar, 9, 16, 23, 30 Apr, 7, 21, 28 May');
    const mondays = generateSchedule({ from: '2026-03-30', weekday: 1, startTime: '10:00', durationMinutes: 90, sessionCount: 9 }, holidays);
    assert.deepEqual(mondays.skipped.map((s) => s.date), ['2026-04-06', '2026-05-25']);
    assert.ok(mondays.sessions.every((s) => isoWeekday(s.date) === 1));
  });

  it('skips the Christmas days when a Thursday team runs over New Year', () => {
    const { sessions, skipped } = generateSchedule({ from: '2026-12-17', weekday: 4, startTime: '10:00', durationMinutes: 60, sessionCount: 3 }, holidays);
    assert.deepEqual(skipped.map((s) => s.date), ['2026-12-24', '2026-12-31']);
    assert.deepEqual(sessions.map((s) => s.date), ['2026-12-17', '2027-01-07', '2027-01-14']);
  });
});
