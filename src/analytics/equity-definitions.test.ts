import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { equityDimensions, groupsPresent, orderOf } from './equity-dimensions.ts';
import { filterSql } from './equity-filters.ts';
import { monthsBetween } from './quality-charts.ts';
import { conditionSql, defaultQualityIndicators, QualityIndicatorSchema } from './quality-indicators.ts';

describe('equity definitions', () => {
  it('lists the groups present in social order, other values next and the unknowns last', () => {
    assert.deepEqual(groupsPresent(equityDimensions.education, ['unknown', 'high', 'low', 'prefer_not_to_say']), ['low', 'high', 'unknown', 'prefer_not_to_say']);
    assert.deepEqual(groupsPresent(equityDimensions.labour_market, ['retired_code_2019', 'employed']), ['employed', 'retired_code_2019']);
    assert.equal(orderOf(equityDimensions.education, 'low'), 1);
    assert.equal(orderOf(equityDimensions.education, 'unknown'), undefined);
    assert.equal(orderOf(equityDimensions.origin, 'danish'), undefined, 'unordered');
  });

  it('turns a period of local days into instants and filters into parameters', () => {
    const { where, params } = filterSql({ from: '2025-01-01', to: '2025-06-30', sex: 'female' }, 'started_at', 2);
    assert.equal(where, 'started_at >= $3 AND started_at < $4 AND sex = $5');
    // Copenhagen is UTC+1 on 1 January and UTC+2 on 1 July.
    assert.deepEqual(params, ['2024-12-31T23:00:00.000Z', '2025-06-30T22:00:00.000Z', 'female']);
  });

  it('counts every month of a period, across a new year', () => {
    assert.deepEqual(monthsBetween('2025-11-15', '2026-02-01'), ['2025-11', '2025-12', '2026-01', '2026-02']);
    assert.deepEqual(monthsBetween('2025-03-01', '2025-03-31'), ['2025-03']);
  });

  it('compiles indicator conditions from the closed vocabulary only', () => {
    assert.equal(conditionSql({ daysFromReferral: { to: 'first_contact_at', atMost: 10 } }), `(first_contact_at IS NOT NULL AND first_contact_at - referred_at <= interval '10 days')`);
    assert.equal(conditionSql({ improved: 'weight' }), '((weight_baseline IS NOT NULL AND weight_end IS NOT NULL) AND weight_baseline - weight_end >= 0.05 * abs(weight_baseline) - 1e-9)');
    assert.equal(QualityIndicatorSchema.safeParse({ ...defaultQualityIndicators[0], numerator: { sql: 'true; DROP TABLE x' } }).success, false);
    assert.equal(QualityIndicatorSchema.safeParse({ ...defaultQualityIndicators[0], numerator: { daysFromReferral: { to: 'first_contact_at', atMost: '1 day' } } }).success, false);
  });
});
