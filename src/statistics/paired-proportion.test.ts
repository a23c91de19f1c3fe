import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pairedProportionDifference, pairedProportionEffect, pairedTable } from './paired-proportion.ts';
import { wilsonRate } from './wilson.ts';
import { near, nearEstimate, nothing } from './approx.test-helper.ts';

const pairs = (a: number, b: number, c: number, d: number) => [
  ...Array.from({ length: a }, () => ({ before: 1, after: 1 })), ...Array.from({ length: b }, () => ({ before: 1, after: 0 })),
  ...Array.from({ length: c }, () => ({ before: 0, after: 1 })), ...Array.from({ length: d }, () => ({ before: 0, after: 0 })),
];

describe('paired difference of proportions (smoking before and after)', () => {
  it('counts the four cells and the incomplete pairs', () => {
    assert.deepEqual(pairedTable([...pairs(2, 3, 1, 4), { before: 1, after: null }, { before: null, after: 0 }, { before: 2, after: 1 }]),
      { table: { a: 2, b: 3, c: 1, d: 4 }, missing: 3 });
  });

  it('Newcombe\'s interval with a positive, continuity-corrected φ', () => {
    // a = 10 smoked at both, b = 8 quit, c = 2 started, d = 30 never; m = 50.
    // p_before = 18/50 = 0.36, p_after = 12/50 = 0.24, Δ = −0.12.
    // Wilson (z = 1.95996): 18/50 → 0.2413875 to 0.4985898; 12/50 → 0.1429739 to 0.3741268.
    // ad − bc = 300 − 16 = 284 > m/2, so φ = (284 − 25)/√(18·32·12·38) = 259/√262656 = 0.5053661.
    // low  = −0.12 − √(0.0970261² − 2·0.5053661·0.0970261·0.1385898 + 0.1385898²) = −0.2425971
    // high = −0.12 + √(0.1341268² − 2·0.5053661·0.1341268·0.1186125 + 0.1186125²) = 0.0064084
    const e = pairedProportionDifference({ a: 10, b: 8, c: 2, d: 30 });
    nearEstimate(e, [-0.12, -0.2425971, 0.0064084], 1e-6);
  });

  it('a negative φ is used as it is', () => {
    // a = 1, b = 5, c = 4, d = 0; m = 10; p_before = 0.6, p_after = 0.5, Δ = −0.1.
    // ad − bc = −20, φ = −20/√(6·4·5·5) = −20/√600 = −0.8164966.
    const e = pairedProportionDifference({ a: 1, b: 5, c: 4, d: 0 });
    nearEstimate(e, [-0.1, -0.5720581, 0.4249100], 1e-6);
  });

  it('no change at all still has an interval around zero; no pairs, nothing', () => {
    const same = pairedProportionDifference({ a: 5, b: 0, c: 0, d: 15 });
    assert.equal(same.value, 0);
    assert.ok(same.ciLow! < 0 && same.ciHigh! > 0, JSON.stringify(same));
    assert.deepEqual(pairedProportionDifference({ a: 0, b: 0, c: 0, d: 0 }), nothing);
  });

  it('as an effect: quitters are the important improvement when smoking is the worse state', () => {
    const e = pairedProportionEffect([...pairs(10, 8, 2, 30), { before: 1, after: null }], true);
    assert.equal(e.pairs, 50);
    assert.equal(e.missing, 1);
    assert.equal(e.improved, 8);
    assert.deepEqual(e.improvedShare, wilsonRate({ n: 50, events: 8 }));
    near(e.meanChange.value, -0.12, 1e-12);
    assert.equal(e.sd, null);
    assert.equal(e.uncertain, false);
    assert.equal(pairedProportionEffect(pairs(10, 8, 2, 30), false).improved, 2, 'when yes is better, no → yes improves');
  });
});
