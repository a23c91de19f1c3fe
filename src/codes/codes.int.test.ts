import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client, startTestServer, type TestServer } from '../../test/support/harness.ts';

describe('code lists for the staff forms', () => {
  let server: TestServer;
  before(async () => { server = await startTestServer(); });
  after(() => server.close());

  it('serves the FSIII lists with Danish displays, and the measures with units', async () => {
    const nurse = await server.login('clinician');
    const res = await nurse.get('/api/codes');
    assert.equal(res.status, 200);
    assert.equal(res.body.valueSets.referralSources.length, 15);
    assert.ok(res.body.valueSets.cancellationReasons.some((c: { display: string }) => c.display === 'Aktivt fravalg'));
    assert.ok(res.body.valueSets.conditions119.every((c: { group?: string }) => typeof c.group === 'string'));
    assert.deepEqual(res.body.measures.find((m: { measure: string }) => m.measure === 'hba1c'), { measure: 'hba1c', unit: 'mmol/mol', min: 15, max: 200 });
    assert.equal((await new Client(server.url).get('/api/codes')).status, 401);
  });

  it('finds diagnoses by code or by words of the text', async () => {
    const nurse = await server.login('clinician');
    const byText = await nurse.get('/api/codes/diagnoses?q=diabetes%202');
    assert.deepEqual(byText.body.diagnoses.map((d: { system: string; code: string }) => `${d.system} ${d.code}`), ['SKS DE11', 'ICPC2 T90']);
    const byCode = await nurse.get('/api/codes/diagnoses?q=dj44');
    assert.equal(byCode.body.diagnoses[0].display, 'Kronisk obstruktiv lungesygdom (KOL)');
    assert.equal((await nurse.get('/api/codes/diagnoses?q=')).status, 400);
  });
});
