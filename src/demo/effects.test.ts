import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pairedEffect, type PairedEffect } from '../statistics/paired-effect.ts';
import type { EducationGroup } from './calibration.ts';
import { effectModifierCalibration, who5Calibration } from './calibration.ts';
import { who5Trajectory } from './course.ts';
import { samplePerson } from './person.ts';
import { IdSequence, Rng } from './random.ts';
import { buildSetting } from './setting.ts';

/**
 * The demo's social gradient in effect, asserted with confidence intervals on the generator itself:
 * the demo municipality has too few pairs per group for WHO-5 (change SD 17) to show it beyond doubt,
 * so many simulated citizens are drawn here (population.test.ts checks the same direction in the fact rows).
 */
describe('the demo effect gradient', () => {
  const rng = new Rng(119);
  const ids = new IdSequence(new Rng(1), Date.parse('2026-01-01'));
  const { setting } = buildSetting(ids, new Rng(2), ids.next(), 'Ligeby', 0, { clinicians: ['c1'], coordinator: 'k', all: [] }, new Date('2024-01-01'), new Date('2026-01-01'));
  const changes: Record<EducationGroup, { end: { before: number; after: number }[]; followUp: { before: number; after: number }[] }> =
    { low: { end: [], followUp: [] }, medium: { end: [], followUp: [] }, high: { end: [], followUp: [] } };
  for (let i = 0; i < 30000; i++) {
    const p = samplePerson(rng, setting.districts);
    const v = who5Trajectory(rng, p);
    changes[p.educationGroup].end.push({ before: v.baseline, after: v.end });
    changes[p.educationGroup].followUp.push({ before: v.baseline, after: v.followUp });
  }
  const rule = { higherIsBetter: true, minimalImportantChange: who5Calibration.minimalImportantChange };
  const effect = (group: EducationGroup, at: 'end' | 'followUp'): PairedEffect => pairedEffect(changes[group][at], rule);
  const show = (e: PairedEffect) => `${e.meanChange.value?.toFixed(2)} (${e.meanChange.ciLow?.toFixed(2)}; ${e.meanChange.ciHigh?.toFixed(2)}), n ${e.pairs}`;

  it('gives short education a smaller WHO-5 gain to the end: the intervals do not overlap', () => {
    const [low, medium, high] = (['low', 'medium', 'high'] as const).map((g) => effect(g, 'end'));
    assert.ok(low!.meanChange.ciHigh! < medium!.meanChange.ciLow!, `low ${show(low!)} vs medium ${show(medium!)}`);
    assert.ok(medium!.meanChange.ciHigh! < high!.meanChange.ciLow!, `medium ${show(medium!)} vs high ${show(high!)}`);
    // As calibrated (+7 × 0.75 / 1 / 1.18), less what the scale's ceiling of 100 cuts off for those who start high.
    const m = effectModifierCalibration.effectMultiplierByEducation;
    assert.ok(Math.abs(low!.meanChange.value! - who5Calibration.changeToEnd.mean * m.low) < 0.8, show(low!));
    assert.ok(Math.abs(high!.meanChange.value! - who5Calibration.changeToEnd.mean * m.high) < 1.2, show(high!));
    // …and so fewer reach an important improvement (at least +10 points).
    assert.ok(low!.improvedShare.ciHigh! < high!.improvedShare.ciLow!, `improved low ${low!.improvedShare.value}, high ${high!.improvedShare.value}`);
  });

  it('lets short education keep less of it at follow-up, widening the gap', () => {
    const [low, high] = (['low', 'high'] as const).map((g) => effect(g, 'followUp'));
    const [lowEnd, highEnd] = (['low', 'high'] as const).map((g) => effect(g, 'end'));
    assert.ok(low!.meanChange.ciHigh! < high!.meanChange.ciLow!, `follow-up low ${show(low!)} vs high ${show(high!)}`);
    assert.ok(high!.meanChange.value! - low!.meanChange.value! > highEnd!.meanChange.value! - lowEnd!.meanChange.value!, 'the gap is wider at follow-up');
  });
});
