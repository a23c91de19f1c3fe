import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { adviseOverbooking, probabilityMoreThan, shrunkShowRate } from './overbooking.ts';

describe('overbooking advice', () => {
  it('advises no extra places when everyone comes', () => {
    const advice = adviseOverbooking(12, Array(12).fill(1), [], 1);
    assert.deepEqual([advice.extraPlaces, advice.expectedAttendance, advice.overflowRisk], [0, 12, 0]);
  });

  it('doubles the bookings when similar participants come half the time (the seeds\' "at most 50 %")', () => {
    const advice = adviseOverbooking(12, Array(12).fill(0.5), [], 0.5);
    assert.equal(advice.extraPlaces, 12);
    assert.equal(advice.expectedWithExtra, 12);
    assert.ok(advice.overflowRisk > 0.3 && advice.overflowRisk < 0.5, `P(more than 12 of 24 come) = ${advice.overflowRisk}`);
  });

  it('uses the show rates of the people next on the waiting list, in order', () => {
    // 8 booked at 0.75 (expected 6) on 8 places; the waiting list: 0.9, 0.5, 0.5, then typical 0.75.
    const advice = adviseOverbooking(8, Array(8).fill(0.75), [0.9, 0.5, 0.5], 0.75);
    // 6 + 0.9 = 6.9, + 0.5 = 7.4, + 0.5 = 7.9; one more at 0.75 would be 8.65 > 8.
    assert.equal(advice.extraPlaces, 3);
    assert.equal(advice.expectedWithExtra, 7.9);
  });

  it('fills free places before advising extra ones', () => {
    const advice = adviseOverbooking(10, [0.8, 0.8], [], 0.8);
    assert.equal(advice.booked, 2);
    assert.equal(advice.extraPlaces, 2, '12 bookings at 0.8 expect 9.6');
  });

  it('never lets expected attendance exceed capacity (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { maxLength: 20 }), fc.double({ min: 0.05, max: 1, noNaN: true }),
      (capacity, waiting, typical) => {
        const booked = waiting.slice(0, Math.min(capacity, waiting.length));
        const advice = adviseOverbooking(capacity, booked, waiting.slice(booked.length), typical);
        assert.ok(advice.expectedWithExtra <= capacity + 0.001);
        assert.ok(advice.extraPlaces >= 0);
      }));
  });

  it('shrinks a small group\'s show rate towards the broader rate', () => {
    assert.equal(shrunkShowRate({ attended: 0, expected: 0 }, { rate: 0.8, weight: 10 }), 0.8);
    assert.equal(shrunkShowRate({ attended: 1, expected: 2 }, { rate: 0.8, weight: 10 }), 0.75);
    assert.ok(Math.abs(shrunkShowRate({ attended: 500, expected: 1000 }, { rate: 0.8, weight: 10 }) - 0.503) < 0.001);
  });

  it('computes the chance that more come than there are places', () => {
    assert.equal(probabilityMoreThan([0.5, 0.5], 1), 0.25);
    assert.equal(probabilityMoreThan([1, 1, 1], 3), 0);
  });
});
