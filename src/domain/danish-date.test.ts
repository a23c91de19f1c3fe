import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDanishDate, parseDanishDate, parseDanishTime } from './danish-date.ts';

describe('Danish dates (dd.mm.åååå)', () => {
  it('reads a date typed the Danish way, short or in full, with dots, dashes, slashes, spaces or none', () => {
    for (const typed of ['23.11.2026', '23-11-2026', '23/11/2026', '23 11 2026', '23112026', ' 23.11.2026 ']) assert.equal(parseDanishDate(typed), '2026-11-23', typed);
    assert.equal(parseDanishDate('1.3.2026'), '2026-03-01');
    assert.equal(parseDanishDate('2026-03-01'), '2026-03-01', 'a pasted ISO date');
  });
  it('refuses what is not a real date, naming none of it a date', () => {
    for (const typed of ['31.02.2026', '29.02.2026', '00.01.2026', '12.13.2026', '11.23.2026', '23.11.26', '2026-02-30', '', 'i går', '23.11.2026x']) assert.equal(parseDanishDate(typed), null, typed);
    assert.equal(parseDanishDate('29.02.2028'), '2028-02-29', 'a leap day');
  });
  it('writes an ISO date as dd.mm.åååå, and leaves anything else as it is', () => {
    assert.equal(formatDanishDate('2026-03-01'), '01.03.2026');
    assert.equal(formatDanishDate('31.02.2026'), '31.02.2026');
    assert.equal(formatDanishDate(''), '');
  });
  it('reads a time of day on the 24-hour clock, with a colon, a dot or nothing between hours and minutes', () => {
    for (const [typed, time] of [['14:30', '14:30'], ['14.30', '14:30'], ['9.05', '09:05'], ['1430', '14:30'], ['00:00', '00:00'], [' 23:59 ', '23:59']]) assert.equal(parseDanishTime(typed!), time, typed);
    for (const typed of ['24:00', '12:60', '2:5', '12', '2 PM', '', '12:30:00']) assert.equal(parseDanishTime(typed), null, typed);
  });
});
