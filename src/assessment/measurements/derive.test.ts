import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bmi, bmiCategory, hba1cCategory, measurementFlags } from './derive.ts';
import { plausibility, validateMeasurement } from '../../domain/measures.ts';

describe('measurements', () => {
  it('derives BMI from weight and height, and nothing when either is missing', () => {
    assert.equal(bmi(96.5, 175), 31.5);
    assert.equal(bmi(70, 170), 24.2);
    assert.equal(bmi(null, 170), null);
    assert.equal(bmi(70, undefined), null);
    assert.equal(bmi(70, 0), null);
  });

  it('puts HbA1c in the seeds\' categories at their boundaries', () => {
    const cases: [number, string][] = [[47, '<48'], [47.9, '<48'], [48, '48-52'], [52, '48-52'], [52.6, '48-52'], [53, '53-57'], [57, '53-57'],
      [58, '58-75'], [75, '58-75'], [75.4, '>75'], [76, '>75']];
    for (const [v, c] of cases) assert.equal(hba1cCategory(v), c, String(v));
  });

  it('classes BMI at 18.5, 25 and 30', () => {
    assert.deepEqual([18.4, 18.5, 24.9, 25, 29.9, 30].map(bmiCategory), ['underweight', 'normal', 'normal', 'overweight', 'overweight', 'obese']);
  });

  it('tells plausible, implausible (to be confirmed) and impossible values apart', () => {
    assert.equal(plausibility('weight', 91), 'ok');
    assert.equal(plausibility('weight', 35), 'ok');
    assert.equal(plausibility('weight', 19.9), 'impossible');
    assert.equal(plausibility('weight', 30), 'implausible');
    assert.equal(plausibility('weight', 251), 'implausible');
    assert.equal(plausibility('weight', 401), 'impossible');
    assert.equal(plausibility('hba1c', Number.NaN), 'impossible');
    assert.equal(plausibility('exhaled_co', 0), 'ok');
    assert.deepEqual(validateMeasurement('weight', 30, 'kg'), [], 'the existing check still refuses only impossible values');
  });

  it('flags measurements worth talking about', () => {
    assert.deepEqual(measurementFlags('hba1c', 57).map((f) => f.code), []);
    assert.deepEqual(measurementFlags('hba1c', 58).map((f) => f.code), ['hba1c.high']);
    assert.deepEqual(measurementFlags('hba1c', 76).map((f) => f.severity), ['concern']);
    assert.deepEqual(measurementFlags('systolic', 139).map((f) => f.code), []);
    assert.deepEqual(measurementFlags('systolic', 140).map((f) => f.code), ['bp.high']);
    assert.deepEqual(measurementFlags('waist', 90, { sex: 'female' }).map((f) => f.code), ['waist.high']);
    assert.deepEqual(measurementFlags('waist', 90, { sex: 'male' }).map((f) => f.code), []);
    assert.deepEqual(measurementFlags('waist', 120, {}).map((f) => f.code), [], 'no limit without sex');
    assert.deepEqual(measurementFlags('bmi', 30).map((f) => f.code), ['bmi.obese']);
  });
});
