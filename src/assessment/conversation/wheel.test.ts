import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildWheel } from './wheel.ts';
import type { InstrumentResult } from '../scoring/types.ts';

const who5 = (score: number | null): InstrumentResult => ({ instrument: 'who5', domain: 'mental_health', score, values: { who5: score }, flags: score !== null && score <= 50 ? [{ code: 'who5.reduced', severity: 'attention' }] : [] });
const alcohol = (units: number): InstrumentResult => ({ instrument: 'alcohol', domain: 'health_behaviour', score: units, values: { unitsPerWeek: units }, flags: units > 10 ? [{ code: 'alcohol.above_weekly_limit', severity: 'attention' }] : [] });

describe('the conversation wheel', () => {
  it('has all six domains, unknown where nothing is known', () => {
    const wheel = buildWheel([], [], {});
    assert.deepEqual(wheel.map((d) => d.domain), ['body', 'everyday_life', 'mental_health', 'health_behaviour', 'network', 'resources']);
    assert.ok(wheel.every((d) => d.status === 'unknown'));
  });

  it('shows the newest values with the previous ones, and the most serious flag as status', () => {
    const wheel = buildWheel([
      { results: [who5(72), alcohol(8)], completedAt: '2026-09-01T10:00:00Z', timePoint: 'end' },
      { results: [who5(40), alcohol(14)], completedAt: '2026-03-01T10:00:00Z', timePoint: 'baseline' },
    ], [
      { measure: 'hba1c', value: 52, unit: 'mmol/mol', loinc: '59261-8', timePoint: 'end', effectiveAt: '2026-09-01T10:00:00Z' },
      { measure: 'hba1c', value: 78, unit: 'mmol/mol', loinc: '59261-8', timePoint: 'baseline', effectiveAt: '2026-03-01T10:00:00Z' },
    ], { resources: [{ code: 'literacy.low', severity: 'concern' }] });
    const mental = wheel.find((d) => d.domain === 'mental_health')!;
    assert.equal(mental.status, 'ok');
    assert.deepEqual([mental.instruments[0]!.score, mental.instruments[0]!.previous!.score, mental.instruments[0]!.previous!.timePoint], [72, 40, 'baseline']);
    const body = wheel.find((d) => d.domain === 'body')!;
    assert.deepEqual([body.measurements[0]!.value, body.measurements[0]!.previous!.value, body.status], [52, 78, 'ok']);
    assert.equal(wheel.find((d) => d.domain === 'resources')!.status, 'concern');
  });

  it('skips a newer response that did not answer an instrument when finding current and previous', () => {
    const wheel = buildWheel([
      { results: [who5(null)], completedAt: '2026-09-01T10:00:00Z', timePoint: 'end' },
      { results: [who5(28)], completedAt: '2026-03-01T10:00:00Z', timePoint: 'baseline' },
    ], [], {});
    const mental = wheel.find((d) => d.domain === 'mental_health')!;
    assert.deepEqual([mental.instruments[0]!.score, mental.instruments[0]!.previous, mental.status], [28, null, 'attention']);
  });
});
