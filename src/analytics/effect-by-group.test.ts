import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { meanChangeDifference } from '../statistics/effect-difference.ts';
import { pairedEffect } from '../statistics/paired-effect.ts';
import { buildEffects } from './effect-by-group.ts';
import { equityDimensions } from './equity-dimensions.ts';
import { effectMeasureKeys, effectMeasures } from './effect-measures.ts';
import type { CompleterMeasures } from './equity-queries.ts';

const context = { period: { from: '2025-01-01', to: '2025-12-31' }, filters: {}, dimension: { key: 'education' as const, label: 'Uddannelse', ordered: true, reference: null }, timePoint: 'end' as const };
const none = { before: null, after: null };
/** One completer whose WHO-5 went from `before` to `after` (nothing else recorded). */
const row = (group: string, before: number, after: number): CompleterMeasures =>
  ({ group, values: { ...Object.fromEntries(effectMeasureKeys.map((k) => [k, none])), who5: { before, after } } as CompleterMeasures['values'] });

describe('effect by group: does it differ?', () => {
  // Primary school: changes +4, +8, +0, +4, +4, +4 (mean 4); higher education: +12, +8, +16, +12, +8, +16 (mean 12); unknown: +20.
  const low = [[40, 44], [36, 44], [52, 52], [48, 52], [44, 48], [60, 64]].map(([b, a]) => row('low', b!, a!));
  const high = [[52, 64], [60, 68], [44, 60], [56, 68], [64, 72], [48, 64]].map(([b, a]) => row('high', b!, a!));
  const rows = [...low, ...high, row('unknown', 40, 60)];
  const who5 = (suppressed: boolean) => buildEffects(context, equityDimensions.education, rows, { suppressed, threshold: 5 }, 'da', ['who5']).measures[0]!;

  it('compares each known group with the most advantaged one, with Welch\'s interval', () => {
    const m = who5(false);
    assert.equal(m.reference, 'high', 'ordered: the last known group present');
    const [lowOut, highOut, unknownOut] = ['low', 'high', 'unknown'].map((v) => m.groups.find((g) => g.value === v)!);
    assert.equal(highOut!.isReference, true);
    assert.deepEqual(highOut!.difference, { value: null, ciLow: null, ciHigh: null }, 'no difference for the reference itself');
    const rule = effectMeasures.who5.rule;
    const expected = meanChangeDifference(pairedEffect(low.map((r) => r.values.who5), rule), pairedEffect(high.map((r) => r.values.who5), rule));
    assert.equal(lowOut!.difference.value, 4 - 12);
    assert.deepEqual(lowOut!.difference, expected);
    assert.ok(lowOut!.difference.ciHigh! < 0, 'the gap is clear: the interval lies below 0');
    assert.equal(unknownOut!.effect.meanChange.value, 20);
    assert.deepEqual(unknownOut!.difference, { value: null, ciLow: null, ciHigh: null }, 'unknown social position never enters a comparison');
  });

  it('hides the difference of a group whose pairs are hidden', () => {
    const fewLow = [...low.slice(0, 3), ...high];
    const m = buildEffects(context, equityDimensions.education, fewLow, { suppressed: true, threshold: 5 }, 'da', ['who5']).measures[0]!;
    const lowOut = m.groups.find((g) => g.value === 'low')!;
    assert.equal(lowOut.effect.pairs.hidden, 'small');
    assert.deepEqual(lowOut.difference, { value: null, ciLow: null, ciHigh: null }, 'a mean of 3 people is not shown, nor its difference');
    const open = buildEffects(context, equityDimensions.education, fewLow, { suppressed: false, threshold: 5 }, 'da', ['who5']).measures[0]!;
    assert.equal(open.groups.find((g) => g.value === 'low')!.difference.value, 4 - 12, 'with access to the records it is shown');
  });
});
