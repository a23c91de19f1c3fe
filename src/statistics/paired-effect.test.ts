import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isImportantImprovement, pairedEffect, pairedEffectFromSummary } from './paired-effect.ts';
import { wilsonRate } from './wilson.ts';
import { near, nearEstimate, nothing } from './approx.test-helper.ts';

const who5 = { higherIsBetter: true, minimalImportantChange: 10 };

describe('paired effect of a programme', () => {
  it('mean change with a t interval, the share improved, and the missing pairs', () => {
    // Complete pairs: 50→62, 40→45, 60→72, 55→55: changes 12, 5, 12, 0; m = 4, mean = 29/4 = 7.25.
    // Deviations 4.75, −2.25, 4.75, −7.25; Σ² = 22.5625 + 5.0625 + 22.5625 + 52.5625 = 102.75; sd = sqrt(102.75/3) = 5.85235
    // t_{0.975, 3} = 3.182446305284263; half = 3.182446305284263 · 5.8523500 / 2 = 9.3123947
    const e = pairedEffect([
      { before: 50, after: 62 }, { before: 40, after: 45 }, { before: 60, after: 72 }, { before: 55, after: 55 },
      { before: 70, after: null }, { before: null, after: 50 },
    ], who5);
    const sd = Math.sqrt(102.75 / 3);
    const half = (3.182446305284263 * sd) / 2;
    assert.equal(e.pairs, 4);
    assert.equal(e.missing, 2);
    near(e.sd, sd, 1e-12);
    nearEstimate(e.meanChange, [7.25, 7.25 - half, 7.25 + half], 1e-10);
    near(e.meanChange.ciLow, -2.0623947, 1e-6);
    assert.equal(e.improved, 2, '12 and 12 are at least 10 points');
    assert.deepEqual(e.improvedShare, wilsonRate({ n: 4, events: 2 }));
    assert.equal(e.uncertain, true);
  });

  it('one pair has a mean but no interval; no pairs, nothing', () => {
    const one = pairedEffect([{ before: 50, after: 65 }, { before: 40, after: null }], who5);
    assert.deepEqual(one.meanChange, { value: 15, ciLow: null, ciHigh: null });
    assert.equal(one.sd, null);
    assert.equal(one.missing, 1);
    const none = pairedEffect([{ before: null, after: 60 }], who5);
    assert.deepEqual(none.meanChange, nothing);
    assert.deepEqual(none.improvedShare, nothing);
    assert.equal(none.pairs, 0);
  });

  it('identical changes give a zero-width interval', () => {
    const e = pairedEffect([{ before: 1, after: 3 }, { before: 5, after: 7 }, { before: 2, after: 4 }], who5);
    nearEstimate(e.meanChange, [2, 2, 2], 1e-12);
  });

  it('judges improvement by direction, and relative changes against the first value', () => {
    const hba1c = { higherIsBetter: false, minimalImportantChange: 5 };
    assert.equal(isImportantImprovement(60, 52, hba1c), true, '−8 mmol/mol');
    assert.equal(isImportantImprovement(55, 53, hba1c), false, '−2 mmol/mol');
    assert.equal(isImportantImprovement(50, 60, hba1c), false, 'a rise is no improvement');
    const weight = { higherIsBetter: false, minimalImportantChange: 0.05, relative: true };
    assert.equal(isImportantImprovement(100, 95, weight), true, 'exactly 5 %');
    assert.equal(isImportantImprovement(80, 77, weight), false, '3.75 %');
    assert.equal(isImportantImprovement(50.1, 60.1, who5), true, '+10 despite rounding in binary');
  });

  it('works from a summary as the database returns it', () => {
    const e = pairedEffectFromSummary({ pairs: 11, missing: 3, mean: -6.5, sd: 4, improved: 7 });
    // half = t_{0.975,10} · 4 / sqrt(11) = 2.228138851986274 · 1.2060454 = 2.6872
    const half = (2.228138851986274 * 4) / Math.sqrt(11);
    nearEstimate(e.meanChange, [-6.5, -6.5 - half, -6.5 + half], 1e-10);
    assert.equal(e.missing, 3);
  });
});
