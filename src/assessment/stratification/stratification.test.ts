import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadModels, signalText } from './models.ts';
import { recommend } from './evaluate.ts';
import { deriveSignals, type AssessmentContext } from './signals.ts';

const models = loadModels(undefined);
const esbjerg = models.get('esbjerg')!;
const vordingborg = models.get('vordingborg')!;
const none: Record<string, boolean> = {};
const on = (...s: string[]) => Object.fromEntries(s.map((k) => [k, true]));

describe('stratification models', () => {
  it('ship as data whose every signal has a label', () => {
    assert.deepEqual([...models.keys()].sort(), ['esbjerg', 'vordingborg']);
    const used = [...esbjerg.kind === 'quadrant' ? [...esbjerg.axes.coping.lowWhen.signals, ...esbjerg.axes.complexity.highWhen.signals] : [],
      ...vordingborg.kind === 'points' ? vordingborg.groups.flatMap((g) => g.factors.map((f) => f.signal)) : []];
    for (const s of used) assert.ok(signalText[s], s);
  });

  it('Esbjerg: maps coping × complexity to the four quadrants, at the two-sign threshold', () => {
    assert.equal(recommend(esbjerg, none).level, 'self_managed');
    assert.equal(recommend(esbjerg, on('who5_reduced')).level, 'self_managed', 'one sign is not low coping');
    assert.equal(recommend(esbjerg, on('who5_reduced', 'literacy_low')).level, 'standard');
    assert.equal(recommend(esbjerg, on('multimorbidity', 'srh_poor')).level, 'standard');
    const worst = recommend(esbjerg, on('who5_reduced', 'literacy_low', 'multimorbidity', 'srh_poor'));
    assert.equal(worst.level, 'extended');
    assert.match(worst.reasons[0]!.text.da, /forløbskoordinator/);
    assert.ok(worst.reasons.some((r) => r.signal === 'literacy_low' && r.source === 'data'));
  });

  it('Esbjerg: the professional\'s axis judgement wins and is named as the reason', () => {
    const r = recommend(esbjerg, none, { axes: { coping: 'low', complexity: 'high' } });
    assert.equal(r.level, 'extended');
    assert.ok(r.reasons.every((x) => x.kind !== 'axis' || x.source === 'professional'));
  });

  it('Vordingborg: adds points per group and picks the first level whose rule holds', () => {
    assert.equal(recommend(vordingborg, none).level, 'self_managed');
    assert.equal(recommend(vordingborg, on('education_low')).level, 'self_managed');
    assert.equal(recommend(vordingborg, on('education_low', 'who5_reduced')).level, 'standard', 'total 2');
    const r = recommend(vordingborg, on('education_low', 'lonely_often', 'no_support'));
    assert.deepEqual([r.level, r.details.social], ['extended', 3], 'three points in one group');
    assert.equal(recommend(vordingborg, on('multimorbidity', 'education_low', 'who5_reduced', 'srh_poor', 'digital_low')).level, 'extended', 'total 5');
    const removed = recommend(vordingborg, on('education_low', 'lonely_often', 'no_support'), { factors: { lonely_often: false } });
    assert.equal(removed.level, 'standard', 'the professional removed a factor the data suggested');
    const added = recommend(vordingborg, none, { factors: { social_problems: true, mental_health_problems: true } });
    assert.equal(added.level, 'standard');
    assert.ok(added.reasons.some((x) => x.signal === 'social_problems' && x.source === 'professional' && x.points === 2));
  });
});

describe('signals from the citizen\'s data', () => {
  const ctx = (over: Partial<AssessmentContext>): AssessmentContext => ({ results: [], socialPosition: {}, chronicCount: 1, measurements: {}, literacy: null, ...over });
  it('are false when nothing is known', () => {
    assert.ok(Object.values(deriveSignals(ctx({}))).every((v) => v === false));
  });
  it('read WHO-5, social position, diagnoses, measurements and literacy at their thresholds', () => {
    const who5 = (score: number) => ({ instrument: 'who5', domain: 'mental_health' as const, score, values: { who5: score }, flags: [] });
    assert.equal(deriveSignals(ctx({ results: [who5(52)] })).who5_reduced, false);
    assert.equal(deriveSignals(ctx({ results: [who5(50)] })).who5_reduced, true);
    const s = deriveSignals(ctx({ socialPosition: { education: 'primary', labour_market: 'sickness_benefit', interpreter_needed: 'yes' }, chronicCount: 2,
      measurements: { hba1c: 76, systolic: 139, diastolic: 90 }, literacy: { overallRating: 2, digitalLiteracy: 'independent' } }));
    assert.deepEqual([s.education_low, s.outside_labour_market, s.interpreter_needed, s.multimorbidity, s.hba1c_above_75, s.bp_high, s.literacy_low, s.digital_low],
      [true, true, true, true, true, true, true, false]);
    assert.equal(deriveSignals(ctx({ socialPosition: { labour_market: 'old_age_pension' } })).outside_labour_market, false);
    assert.equal(deriveSignals(ctx({ measurements: { hba1c: 75 } })).hba1c_above_75, false);
  });
});
