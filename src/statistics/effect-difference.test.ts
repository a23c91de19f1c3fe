import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { meanChangeDifference, prevalenceChangeDifference } from './effect-difference.ts';
import { estimate, noEstimate } from './estimate.ts';
import { near, nearEstimate } from './approx.test-helper.ts';

describe('difference in effect between two groups', () => {
  it('Welch: unequal SDs and sizes', () => {
    // Group: mean 5, sd 4, 10 pairs; reference: mean 8, sd 2, 20 pairs.
    // va = 16/10 = 1.6, vb = 4/20 = 0.2, se = sqrt(1.8) = 1.3416408
    // ν = 1.8² / (1.6²/9 + 0.2²/19) = 3.24 / (0.2844444 + 0.0021053) = 11.3069
    const d = meanChangeDifference({ meanChange: estimate(5), sd: 4, pairs: 10 }, { meanChange: estimate(8), sd: 2, pairs: 20 });
    const nu = 3.24 / (2.56 / 9 + 0.04 / 19);
    near(nu, 11.30688, 1e-4);
    // t_{0.975, 11.3069} ≈ 2.1916 (between t(11) = 2.2010 and t(12) = 2.1788)
    const half = d.ciHigh! - (-3);
    assert.ok(half / Math.sqrt(1.8) > 2.1788 && half / Math.sqrt(1.8) < 2.2010, `t ${half / Math.sqrt(1.8)}`);
    assert.equal(d.value, -3);
    near(d.ciLow, -3 - half, 1e-12);
  });

  it('equal SDs and sizes: ν = 2(m−1) and the pooled t interval', () => {
    // Both sd 3, 8 pairs: se = sqrt(9/8 + 9/8) = 1.5, ν = 14, t_{0.975,14} = 2.144786688
    const d = meanChangeDifference({ meanChange: estimate(2), sd: 3, pairs: 8 }, { meanChange: estimate(-1), sd: 3, pairs: 8 });
    nearEstimate(d, [3, 3 - 2.144786688 * 1.5, 3 + 2.144786688 * 1.5], 1e-6);
  });

  it('is null without a mean, and has no interval with one pair or no SD', () => {
    assert.deepEqual(meanChangeDifference({ meanChange: noEstimate, sd: null, pairs: 0 }, { meanChange: estimate(1), sd: 1, pairs: 5 }), noEstimate);
    assert.deepEqual(meanChangeDifference({ meanChange: estimate(4), sd: null, pairs: 1 }, { meanChange: estimate(1), sd: 1, pairs: 5 }), estimate(3));
  });

  it('prevalence changes: the normal combination of the two intervals\' standard errors', () => {
    // Group −0.10 (−0.20; 0.00), reference −0.30 (−0.40; −0.20): se 0.1/1.96 each, half = 1.96·sqrt(2)·0.1/1.96 = 0.141421
    const d = prevalenceChangeDifference({ meanChange: estimate(-0.1, -0.2, 0), sd: null, pairs: 50 }, { meanChange: estimate(-0.3, -0.4, -0.2), sd: null, pairs: 60 });
    nearEstimate(d, [0.2, 0.2 - 0.1414214, 0.2 + 0.1414214], 1e-6);
    const noInterval = prevalenceChangeDifference({ meanChange: estimate(-0.1), sd: null, pairs: 1 }, { meanChange: estimate(-0.3, -0.4, -0.2), sd: null, pairs: 60 });
    near(noInterval.value, 0.2, 1e-12);
    assert.deepEqual([noInterval.ciLow, noInterval.ciHigh], [null, null]);
  });
});
