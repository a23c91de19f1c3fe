import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type Client, type TestServer } from '../../../test/support/harness.ts';
import { createCitizen, createReferral } from '../../../test/support/fixtures.ts';

describe('measurements over HTTP', () => {
  let server: TestServer;
  let nurse: Client;
  before(async () => {
    server = await startTestServer();
    nurse = await server.login('clinician');
  });
  after(() => server.close());

  it('refuses impossible values, asks for confirmation of implausible ones, derives BMI and categorises HbA1c', async () => {
    const citizen = await createCitizen(nurse, 'Jens', 'Madsen');
    const referral = await createReferral(nurse, citizen.id, '2026-02-20T08:00:00Z');
    const url = `/api/referrals/${referral.id}/measurements`;
    const count = async () => Number((await server.db.owner.query<{ n: string }>('SELECT count(*) AS n FROM observation WHERE referral_id = $1', [referral.id])).rows[0]!.n);

    const impossible = await nurse.post(url, { timePoint: 'baseline', measurements: [{ measure: 'weight', value: 9, unit: 'kg' }] });
    assert.equal(impossible.status, 400);
    assert.equal(impossible.body.error.fields[0].rule, 'measure.range');
    const slip = await nurse.post(url, { timePoint: 'baseline', measurements: [{ measure: 'height', value: 178, unit: 'cm' }, { measure: 'weight', value: 27, unit: 'kg' }] });
    assert.equal(slip.status, 400);
    assert.deepEqual([slip.body.error.fields[0].path, slip.body.error.fields[0].rule], ['measurements.1.value', 'measure.implausible']);
    assert.match(slip.body.error.fields[0].message, /bekræft/);
    assert.equal(await count(), 0, 'nothing is kept from a refused batch');

    const ok = await nurse.post(url, {
      timePoint: 'baseline', effectiveAt: '2026-03-05T10:00:00Z',
      measurements: [{ measure: 'height', value: 178, unit: 'cm' }, { measure: 'weight', value: 101.4, unit: 'kg' }, { measure: 'hba1c', value: 61, unit: 'mmol/mol' },
        { measure: 'six_minute_walk', value: 410, unit: 'm' }, { measure: 'chair_stand_30s', value: 0, unit: 'count', confirmed: true }],
    }, { 'idempotency-key': 'measure-jens-0001' });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    const byMeasure = Object.fromEntries(ok.body.observations.map((o: { measure: string }) => [o.measure, o]));
    assert.deepEqual([byMeasure.bmi.value, byMeasure.bmi.derived, byMeasure.bmi.category, byMeasure.bmi.loinc], [32, true, 'obese', '39156-5']);
    assert.equal(byMeasure.hba1c.category, '58-75');
    assert.equal(byMeasure.chair_stand_30s.value, 0);

    const later = await nurse.post(url, { timePoint: 'end', measurements: [{ measure: 'weight', value: 95, unit: 'kg' }] });
    const bmiLater = later.body.observations.find((o: { measure: string }) => o.measure === 'bmi');
    assert.equal(bmiLater.value, 30, 'BMI uses the height measured earlier');
    const fact = (await server.db.owner.query<{ weight_baseline: number; weight_end: number; hba1c_baseline: number }>(
      'SELECT weight_baseline, weight_end, hba1c_baseline FROM pathway_fact WHERE referral_id = $1', [referral.id])).rows[0]!;
    assert.deepEqual(fact, { weight_baseline: 101.4, weight_end: 95, hba1c_baseline: 61 });
  });
});
