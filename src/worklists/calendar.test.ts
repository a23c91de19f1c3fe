import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, daysBetween, localDate, startOfDay, weekOf } from './calendar.ts';

describe('local calendar days (Europe/Copenhagen)', () => {
  it('knows the local date of an instant near midnight, summer and winter', () => {
    assert.equal(localDate(new Date('2026-03-01T23:30:00Z')), '2026-03-02'); // CET, UTC+1
    assert.equal(localDate(new Date('2026-07-01T21:59:00Z')), '2026-07-01'); // CEST, UTC+2
    assert.equal(localDate(new Date('2026-07-01T22:00:00Z')), '2026-07-02');
  });
  it('finds the instant local midnight begins, across daylight saving changes', () => {
    assert.equal(startOfDay('2026-03-02').toISOString(), '2026-03-01T23:00:00.000Z');
    assert.equal(startOfDay('2026-07-02').toISOString(), '2026-07-01T22:00:00.000Z');
    assert.equal(startOfDay('2026-03-29').toISOString(), '2026-03-28T23:00:00.000Z'); // the day summer time begins
    assert.equal(startOfDay('2026-03-30').toISOString(), '2026-03-29T22:00:00.000Z');
  });
  it('counts days and finds the Monday-to-Sunday week', () => {
    assert.equal(addDays('2026-02-27', 3), '2026-03-02');
    assert.equal(daysBetween('2026-02-20', '2026-03-02'), 10);
    assert.deepEqual(weekOf('2026-03-02'), { monday: '2026-03-02', nextMonday: '2026-03-09' });
    assert.deepEqual(weekOf('2026-03-08'), { monday: '2026-03-02', nextMonday: '2026-03-09' });
  });
});
