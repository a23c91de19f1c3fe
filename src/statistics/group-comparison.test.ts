import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { katzRatio, newcombeDifference } from './group-comparison.ts';
import { Z95 } from './estimate.ts';
import { nearEstimate, nothing } from './approx.test-helper.ts';

// Wilson limits (see wilson.test.ts): 30/40 → (0.5980603857923197, 0.858128813609037); 5/20 → (0.11186170140766569, 0.468700877618744).
const high = { n: 40, events: 30 };
const low = { n: 20, events: 5 };

describe("Newcombe's hybrid score difference", () => {
  it('combines the two Wilson intervals', () => {
    // D = 0.75 − 0.25 = 0.5
    // lower = 0.5 − sqrt((0.75 − 0.59806039)² + (0.46870088 − 0.25)²) = 0.5 − sqrt(0.02308565 + 0.04783008) = 0.5 − 0.26630006
    // upper = 0.5 + sqrt((0.85812881 − 0.75)² + (0.25 − 0.11186170)²) = 0.5 + sqrt(0.01169184 + 0.01908227) = 0.5 + 0.17542528
    nearEstimate(newcombeDifference(high, low), [0.5, 0.23369994322796778, 0.6754252828713204], 1e-14);
    // Swapping the groups mirrors the interval.
    nearEstimate(newcombeDifference(low, high), [-0.5, -0.6754252828713204, -0.23369994322796778], 1e-14);
  });

  it('is null when either group has nobody', () => {
    assert.deepEqual(newcombeDifference({ n: 0, events: 0 }, low), nothing);
    assert.deepEqual(newcombeDifference(high, { n: 0, events: 0 }), nothing);
  });
});

describe("Katz's log ratio", () => {
  it('is exp(ln Q ± z·sqrt(1/e_j − 1/n_j + 1/e_ref − 1/n_ref))', () => {
    // Q = 0.75/0.25 = 3; SE = sqrt(1/30 − 1/40 + 1/5 − 1/20) = sqrt(19/120) = 0.39791121
    const se = Math.sqrt(19 / 120);
    nearEstimate(katzRatio(high, low), [3, 3 * Math.exp(-Z95 * se), 3 * Math.exp(Z95 * se)], 1e-12);
    nearEstimate(katzRatio(high, low), [3, 1.3753670519734322, 6.5437077230303275], 1e-12);
  });

  it('is null (value and interval) when either group has no events', () => {
    assert.deepEqual(katzRatio({ n: 10, events: 0 }, low), nothing);
    assert.deepEqual(katzRatio(high, { n: 10, events: 0 }), nothing);
    assert.deepEqual(katzRatio(high, { n: 0, events: 0 }), nothing);
  });
});
