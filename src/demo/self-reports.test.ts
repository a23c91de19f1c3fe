import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultQuestionnaire, findBuiltin } from '../assessment/builtin.ts';
import { checkAnswers } from '../assessment/engine/answers.ts';
import { scoreResponse } from '../assessment/scoring/score-response.ts';
import { selfReportValues } from '../analytics/self-reports.ts';
import { samplePerson } from './person.ts';
import { IdSequence, Rng } from './random.ts';
import { baselineReport, demoAnswers, laterReport, type DemoReport } from './self-reports.ts';
import { buildSetting } from './setting.ts';

describe('demo questionnaire answers', () => {
  const rng = new Rng(42);
  const ids = new IdSequence(new Rng(1), Date.parse('2026-01-01'));
  const { setting } = buildSetting(ids, new Rng(2), ids.next(), 'Ligeby', 0, { clinicians: ['c1'], coordinator: 'k', all: [] }, new Date('2024-01-01'), new Date('2026-01-01'));

  it('are complete and valid for each built-in questionnaire, and score to the simulated values', () => {
    for (let i = 0; i < 40; i++) {
      const p = samplePerson(rng, setting.districts);
      const base = baselineReport(rng, p);
      const end = laterReport(rng, base, base, 'end', i % 2 === 0, p.educationGroup);
      const followUp = laterReport(rng, base, end, 'follow_up', i % 2 === 0, p.educationGroup);
      for (const [timePoint, report] of [['baseline', base], ['end', end], ['follow_up', followUp]] as ['baseline' | 'end' | 'follow_up', DemoReport][]) {
        const q = findBuiltin(defaultQuestionnaire[timePoint].url, defaultQuestionnaire[timePoint].version)!;
        const who5 = 4 * rng.int(0, 25);
        const answers = demoAnswers(rng, timePoint, report, who5);
        const checked = checkAnswers(q, answers, { complete: true });
        assert.deepEqual([checked.problems, checked.missingRequired], [[], []], `${timePoint} answers`);
        const results = scoreResponse(q, answers);
        assert.equal(results.find((r) => r.instrument === 'who5')!.score, who5);
        assert.deepEqual(selfReportValues(results), { srh: report.srh, activity: report.activity, smoker: report.smoking === 'daily' || report.smoking === 'occasional' ? 1 : 0 });
      }
    }
  });

  it('smokers who quit with a cessation offer stay mostly smoke-free; non-smokers never start', () => {
    const smoker: DemoReport = { srh: 4, activityRank: 0.5, activity: 60, smoking: 'daily' };
    let quit = 0;
    for (let i = 0; i < 2000; i++) if (laterReport(rng, smoker, smoker, 'end', true, 'medium').smoking === 'former') quit++;
    assert.ok(Math.abs(quit / 2000 - 0.5) < 0.04, `about half quit with a cessation offer (${quit / 2000})`);
    const never: DemoReport = { ...smoker, smoking: 'never' };
    assert.ok(Array.from({ length: 200 }, () => laterReport(rng, never, never, 'end', false, 'low').smoking).every((s) => s === 'never'));
  });
});
