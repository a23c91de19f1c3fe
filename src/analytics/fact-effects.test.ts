import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildPathwayFact, type CourseSnapshot } from './pathway-fact.ts';
import { selfReportAt, selfReportValues } from './self-reports.ts';
import { pairColumns } from './effect-measures.ts';
import { conditionSql } from './quality-indicators.ts';
import type { InstrumentResult } from '../assessment/scoring/types.ts';

const snapshot = (over: Partial<CourseSnapshot> = {}): CourseSnapshot => ({
  referral: { id: 'r', municipalityId: 'm', citizenId: 'c', receivedAt: new Date('2025-03-01T08:00:00Z'), sourceCode: 'x', stage: 'ended', closedReason: null },
  citizen: { birthDate: '1960-05-01', sex: 'female' },
  diagnoses: [], contactAttempts: [], encounters: [], pathways: [], interventions: [], observations: [], socialPosition: {},
  ...over,
});
const result = (instrument: string, score: number | null, values: InstrumentResult['values'] = {}): InstrumentResult => ({ instrument, domain: 'body', score, values, flags: [] });

describe('the fact row\'s bridged step and effect values', () => {
  it('bridged_at is the first bridge on the referral that is not entered in error', () => {
    const f = buildPathwayFact(snapshot({ bridges: [
      { bridgedOn: '2025-09-01', status: 'active' }, { bridgedOn: '2025-07-01', status: 'entered-in-error' }, { bridgedOn: '2025-08-15', status: 'active' },
    ] }));
    assert.equal(f.bridged_at?.toISOString(), '2025-08-15T00:00:00.000Z');
    assert.equal(buildPathwayFact(snapshot()).bridged_at, null, 'no bridges recorded');
  });

  it('takes each measurement\'s newest valid value at the follow-up', () => {
    const obs = (value: number, at: string, status = 'final') => ({ measure: 'systolic', value, timePoint: 'follow_up', status, effectiveAt: new Date(at) });
    const f = buildPathwayFact(snapshot({ observations: [obs(150, '2025-10-01'), obs(141, '2025-10-02'), obs(120, '2025-10-03', 'entered-in-error')] }));
    assert.deepEqual([f.systolic_follow_up, f.systolic_baseline, f.diastolic_follow_up], [141, null, null]);
  });

  it('reads self-rated health, activity minutes and smoking from a scored response', () => {
    assert.deepEqual(selfReportValues([result('srh', 2), result('activity', 90, { minutesPerWeek: 90 }), result('smoking', null, { smoker: false })]), { srh: 2, activity: 90, smoker: 0 });
    assert.deepEqual(selfReportValues([result('smoking', null, { smoker: true })]), { srh: null, activity: null, smoker: 1 });
    assert.deepEqual(selfReportValues([result('srh', null), result('smoking', null, { smoker: null })]), { srh: null, activity: null, smoker: null });
  });

  it('keeps the newest answer per time point, not erased by a later response that skipped it', () => {
    const at = (d: string) => new Date(`${d}T10:00:00Z`);
    const reports = [
      { timePoint: 'end', completedAt: at('2025-06-01'), srh: 3, activity: 60, smoker: 1 },
      { timePoint: 'end', completedAt: at('2025-06-03'), srh: 2, activity: null, smoker: 0 },
      { timePoint: 'baseline', completedAt: at('2025-01-03'), srh: 4, activity: 0, smoker: 1 },
    ];
    assert.deepEqual([selfReportAt(reports, 'srh', 'end'), selfReportAt(reports, 'activity', 'end'), selfReportAt(reports, 'smoker', 'end')], [2, 60, 0]);
    assert.equal(selfReportAt(reports, 'srh', 'follow_up'), null);
    const f = buildPathwayFact(snapshot({ selfReports: reports }));
    assert.deepEqual([f.srh_baseline, f.srh_end, f.activity_baseline, f.activity_end, f.smoker_baseline, f.smoker_end], [4, 2, 0, 60, 1, 0]);
  });

  it('names each measure\'s fact columns and judges smoking improved when a smoker quit', () => {
    assert.deepEqual(pairColumns('smoking', 'follow_up'), { before: 'smoker_baseline', after: 'smoker_follow_up' });
    assert.deepEqual(pairColumns('activity', 'end'), { before: 'activity_baseline', after: 'activity_end' });
    assert.equal(conditionSql({ improved: 'smoking' }), '((smoker_baseline IS NOT NULL AND smoker_end IS NOT NULL) AND smoker_baseline - smoker_end >= 1 - 1e-9)');
    assert.equal(conditionSql({ step: 'bridged' }), `((outcome = 'completed' AND followed_up_at IS NOT NULL) AND bridged_at IS NOT NULL)`);
  });
});
