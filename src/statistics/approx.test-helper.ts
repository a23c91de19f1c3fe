import assert from 'node:assert/strict';
import type { Estimate } from './estimate.ts';

/** Asserts |actual − expected| ≤ tolerance, with a message that shows both. */
export function near(actual: number | null | undefined, expected: number, tolerance = 1e-12, what = ''): void {
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) <= tolerance, `${what} expected ${expected} ± ${tolerance}, got ${actual}`);
}

export function nearEstimate(actual: Estimate, expected: [number, number | null, number | null], tolerance = 1e-12, what = ''): void {
  near(actual.value, expected[0], tolerance, `${what} value`);
  if (expected[1] === null) assert.equal(actual.ciLow, null, `${what} ciLow`);
  else near(actual.ciLow, expected[1], tolerance, `${what} ciLow`);
  if (expected[2] === null) assert.equal(actual.ciHigh, null, `${what} ciHigh`);
  else near(actual.ciHigh, expected[2], tolerance, `${what} ciHigh`);
}

export const nothing: Estimate = { value: null, ciLow: null, ciHigh: null };
