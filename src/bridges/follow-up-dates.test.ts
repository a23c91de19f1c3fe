import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, followUpDueDates } from './follow-up-dates.ts';

describe('bridge-building follow-up dates', () => {
  it('follows up 3 and 6 months after the start', () => {
    assert.deepEqual(followUpDueDates('2026-03-02'), [{ months: 3, dueOn: '2026-06-02' }, { months: 6, dueOn: '2026-09-02' }]);
  });
  it('clamps to the end of a shorter month and crosses the year', () => {
    assert.equal(addMonths('2025-11-30', 3), '2026-02-28');
    assert.equal(addMonths('2027-11-30', 3), '2028-02-29');
    assert.equal(addMonths('2026-08-31', 6), '2027-02-28');
    assert.equal(addMonths('2026-10-15', 3), '2027-01-15');
  });
});
