import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ageOn, daysInMonth, isCalendarDate, isLeapYear } from './age.ts';

describe('age', () => {
  it('knows leap years and month lengths', () => {
    assert.deepEqual([1900, 2000, 2024, 2025].map(isLeapYear), [false, true, true, false]);
    assert.equal(daysInMonth(2024, 2), 29);
    assert.equal(daysInMonth(2025, 2), 28);
    assert.equal(daysInMonth(2025, 4), 30);
    assert.equal(daysInMonth(2025, 12), 31);
  });

  it('recognises real calendar dates only', () => {
    for (const ok of ['2024-02-29', '1900-01-01', '2025-12-31']) assert.ok(isCalendarDate(ok), ok);
    for (const bad of ['2025-02-29', '1900-02-29', '2025-13-01', '2025-04-31', '2025-00-10', '2025-1-01', '20250101', '2025-01-01T00:00', '']) {
      assert.ok(!isCalendarDate(bad), bad);
    }
  });

  it('property: isCalendarDate agrees with Date for years 1000-9999', () => {
    fc.assert(fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
      const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const parsed = new Date(`${s}T00:00:00Z`);
      assert.equal(isCalendarDate(s), !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === s);
    }));
  });

  it('counts completed years', () => {
    assert.equal(ageOn('1980-06-15', '2025-06-14'), 44);
    assert.equal(ageOn('1980-06-15', '2025-06-15'), 45);
    assert.equal(ageOn('2000-02-29', '2025-02-28'), 24);
    assert.equal(ageOn('2000-02-29', '2025-03-01'), 25);
    assert.equal(ageOn('2000-02-29', '2024-02-29'), 24);
  });
});
