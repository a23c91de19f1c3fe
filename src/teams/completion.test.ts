import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { completionOf, missedInARow } from './completion.ts';

describe('completion (STOPbasen: at least 75 % of sessions)', () => {
  it('needs 6 of 8 sessions by default', () => {
    assert.deepEqual(completionOf(6, 8, 0), { state: 'completed', needed: 6 });
    assert.deepEqual(completionOf(5, 8, 0), { state: 'cannot_complete', needed: 6 });
  });
  it('rounds up: 75 % of 6 sessions is 4.5, so 5 are needed', () => {
    assert.equal(completionOf(4, 6, 0).state, 'cannot_complete');
    assert.equal(completionOf(5, 6, 0).state, 'completed');
  });
  it('says whether a participant can still complete, and when every remaining session is needed', () => {
    assert.equal(completionOf(2, 8, 5).state, 'on_track');
    assert.equal(completionOf(1, 8, 5).state, 'at_risk');
    assert.equal(completionOf(0, 8, 5).state, 'cannot_complete');
  });
  it('uses the offer\'s own threshold', () => {
    assert.equal(completionOf(4, 8, 0, 0.5).state, 'completed');
    assert.equal(completionOf(7, 8, 0, 1).state, 'cannot_complete');
  });
  it('never counts a team without sessions as completed', () => {
    assert.equal(completionOf(0, 0, 0).state, 'cannot_complete');
  });
});

describe('missed sessions in a row', () => {
  it('counts no-shows at the end of the record', () => {
    assert.equal(missedInARow(['present', 'absent', 'absent']), 2);
    assert.equal(missedInARow(['absent', 'absent', 'present']), 0);
    assert.equal(missedInARow([]), 0);
  });
  it('lets a notified absence neither count nor break the run', () => {
    assert.equal(missedInARow(['present', 'absent', 'excused', 'absent']), 2);
    assert.equal(missedInARow(['excused', 'excused']), 0);
  });
});
