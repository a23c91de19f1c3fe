import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AnswerValue } from '../fhir/questionnaire-types.ts';
import { who5Flags, who5Score, scoreWho5 } from './who5.ts';
import { activityFlags, alcoholFlags, scoreAlcohol, scoreSmoking } from './behaviour.ts';
import { scoreGoalsEnd, scoreNetwork, scoreSelfRatedHealth, scoreSleep } from './wellbeing.ts';
import { scoreResponse, socialPositionAnswers } from './score-response.ts';
import { findBuiltin } from '../builtin.ts';

const c = (code: string): AnswerValue[] => [{ valueCoding: { code } }];
const n = (v: number): AnswerValue[] => [{ valueInteger: v }];
const codes = (flags: { code: string }[]) => flags.map((f) => f.code);

describe('WHO-5', () => {
  it('is the raw sum times four, and undefined when any item is missing or out of range', () => {
    assert.equal(who5Score([5, 5, 5, 5, 5]), 100);
    assert.equal(who5Score([0, 0, 0, 0, 0]), 0);
    assert.equal(who5Score([3, 2, 3, 2, 3]), 52);
    assert.equal(who5Score([3, 2, 3, 2, null]), null);
    assert.equal(who5Score([3, 2, 3, 2]), null);
    assert.equal(who5Score([3, 2, 3, 2, 6]), null);
    assert.equal(who5Score([3, 2, 3, 2, 2.5]), null);
  });
  it('flags at 50 and 28 inclusive, not above', () => {
    assert.deepEqual(codes(who5Flags(52)), []);
    assert.deepEqual(codes(who5Flags(50)), ['who5.reduced']);
    assert.deepEqual(codes(who5Flags(32)), ['who5.reduced']);
    assert.deepEqual(codes(who5Flags(28)), ['who5.reduced', 'who5.depression_screening']);
    assert.deepEqual(codes(who5Flags(0)), ['who5.reduced', 'who5.depression_screening']);
    assert.deepEqual(codes(who5Flags(null)), []);
  });
  it('is always a multiple of 4 between 0 and 100 when complete (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 5, maxLength: 5 }), (items) => {
      const s = who5Score(items)!;
      return s % 4 === 0 && s >= 0 && s <= 100;
    }));
  });
  it('reads the five items from the answers and says when some are missing', () => {
    const full = scoreWho5(new Map([['1', c('1')], ['2', c('1')], ['3', c('1')], ['4', c('1')], ['5', c('3')]]));
    assert.equal(full.score, 28);
    const part = scoreWho5(new Map([['1', c('1')]]));
    assert.equal(part.score, null);
    assert.deepEqual(codes(part.flags), ['who5.incomplete']);
  });
});

describe('health behaviour', () => {
  it('compares physical activity with WHO\'s 150 minutes', () => {
    assert.deepEqual(codes(activityFlags(150, 5)), []);
    assert.deepEqual(codes(activityFlags(149, 5)), ['activity.below_who']);
    assert.deepEqual(codes(activityFlags(0, 0)), ['activity.inactive']);
    assert.deepEqual(codes(activityFlags(null, 0)), ['activity.inactive']);
    assert.deepEqual(codes(activityFlags(null, null)), []);
  });
  it('compares alcohol with at most 10 units a week and 4 on one day', () => {
    assert.deepEqual(codes(alcoholFlags(10, 0)), []);
    assert.deepEqual(codes(alcoholFlags(11, 0)), ['alcohol.above_weekly_limit']);
    assert.deepEqual(codes(alcoholFlags(4, 1)), ['alcohol.heavy_days']);
    assert.deepEqual(codes(alcoholFlags(null, null)), []);
    assert.equal(scoreAlcohol(new Map([['units_week', n(10)], ['heavy_days', n(0)]])).values.withinLimits, true);
    assert.equal(scoreAlcohol(new Map([['units_week', n(10)]])).values.withinLimits, null, 'unknown when half is missing');
  });
  it('notes a smoker and readiness to quit', () => {
    const r = scoreSmoking(new Map([['status', c('daily')], ['per_day', n(20)], ['readiness', c('within_month')]]));
    assert.equal(r.values.smoker, true);
    assert.deepEqual(codes(r.flags), ['smoking.current', 'smoking.ready_to_quit']);
    assert.equal(scoreSmoking(new Map([['status', c('former')]])).values.smoker, false);
    assert.equal(scoreSmoking(new Map()).values.smoker, null);
  });
});

describe('well-being, network, sleep and goals', () => {
  it('flags self-rated health "not so good" and "poor" only', () => {
    assert.deepEqual(codes(scoreSelfRatedHealth(new Map([['1', c('3')]])).flags), []);
    assert.deepEqual(codes(scoreSelfRatedHealth(new Map([['1', c('4')]])).flags), ['srh.poor']);
    assert.equal(scoreSelfRatedHealth(new Map()).score, null);
  });
  it('treats frequent unwanted loneliness as a concern', () => {
    assert.deepEqual(scoreNetwork(new Map([['lonely', c('often')], ['support', c('no')]])).flags.map((f) => f.severity), ['concern', 'attention']);
  });
  it('flags short sleep under 6 hours', () => {
    assert.deepEqual(codes(scoreSleep(new Map([['hours', n(6)]])).flags), []);
    assert.deepEqual(codes(scoreSleep(new Map([['hours', n(5)]])).flags), ['sleep.short']);
  });
  it('keeps goal attainment and flags satisfaction of 4 or less', () => {
    assert.deepEqual(codes(scoreGoalsEnd(new Map([['attainment', n(7)], ['satisfaction', n(5)]])).flags), []);
    assert.deepEqual(codes(scoreGoalsEnd(new Map([['attainment', n(7)], ['satisfaction', n(4)]])).flags), ['goals.low_satisfaction']);
  });
});

describe('scoring a whole response', () => {
  it('scores each instrument group of the baseline questionnaire in its conversation-wheel domain', () => {
    const q = findBuiltin('https://ligevej.dk/fhir/Questionnaire/baseline')!;
    const answers = [
      ...['1', '2', '3', '4', '5'].map((i) => ({ linkId: `who5.${i}`, answer: c('2') })),
      { linkId: 'srh.1', answer: c('4') },
      { linkId: 'social_position.education', answer: c('primary') },
      { linkId: 'social_position.living_alone', answer: c('prefer_not_to_say') },
    ];
    const results = scoreResponse(q, answers);
    const who5 = results.find((r) => r.instrument === 'who5')!;
    assert.equal(who5.score, 40);
    assert.equal(who5.domain, 'mental_health');
    assert.equal(results.find((r) => r.instrument === 'srh')!.domain, 'body');
    assert.deepEqual(socialPositionAnswers(q, answers), [{ item: 'education', value: 'primary' }, { item: 'living_alone', value: 'prefer_not_to_say' }]);
  });
});
