import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';

const names = (body: { organizations: { name: string }[] }) => body.organizations.map((o) => o.name);

describe('referring organisations: find by name or id, add a new one', () => {
  let server: TestServer;
  let nurse: Client;
  before(async () => {
    server = await startTestServer();
    nurse = await server.login('clinician');
    for (const o of [
      { idSystem: 'sor', idValue: '123456789', name: 'Lægehuset Vestergade', kind: 'gp' },
      { idSystem: 'sor', idValue: '123999000', name: 'Kardiologisk afdeling, Regionshospitalet', kind: 'hospital_department' },
      { idSystem: 'fk-org', idValue: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', name: 'Jobcenter Vest', kind: 'jobcentre' },
      { idSystem: 'sor', idValue: '555000111', name: 'Vestergade_100% Fysioterapi', kind: 'other' },
    ]) assert.equal((await nurse.post('/api/organizations', o)).status, 201);
  });
  after(() => server.close());

  it('finds organisations by part of the name, in any case, names beginning with it first', async () => {
    const res = await nurse.get('/api/organizations?q=VEST');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(names(res.body), ['Vestergade_100% Fysioterapi', 'Jobcenter Vest', 'Lægehuset Vestergade']);
  });

  it('finds an organisation by the beginning of its SOR code or its FK-ORG id, the exact id first', async () => {
    assert.deepEqual(names((await nurse.get('/api/organizations?q=123')).body), ['Kardiologisk afdeling, Regionshospitalet', 'Lægehuset Vestergade']);
    assert.deepEqual(names((await nurse.get('/api/organizations?q=123456789')).body), ['Lægehuset Vestergade']);
    assert.deepEqual(names((await nurse.get('/api/organizations?q=3F2504E0-4F89')).body), ['Jobcenter Vest']);
  });

  it('takes % and _ in the search literally', async () => {
    assert.deepEqual(names((await nurse.get(`/api/organizations?q=${encodeURIComponent('_100%')}`)).body), ['Vestergade_100% Fysioterapi']);
    assert.deepEqual(names((await nurse.get(`/api/organizations?q=${encodeURIComponent('%')}`)).body), ['Vestergade_100% Fysioterapi']);
    assert.deepEqual(names((await nurse.get('/api/organizations?q=nothing-like-this')).body), []);
  });

  it('limits the answer, and lists them all without a search', async () => {
    assert.equal((await nurse.get('/api/organizations?q=e&limit=2')).body.organizations.length, 2);
    assert.equal((await nurse.get('/api/organizations')).body.organizations.length, 4);
  });

  it('refuses an id that is not a SOR code or FK-ORG UUID, and a duplicate id, naming the field', async () => {
    const badSor = await nurse.post('/api/organizations', { idSystem: 'sor', idValue: '12AB', name: 'Forkert', kind: 'gp' });
    assert.equal(badSor.status, 400);
    assert.deepEqual(badSor.body.error.fields.map((f: { path: string; rule: string }) => [f.path, f.rule]), [['idValue', 'organization.id']]);
    const badUuid = await nurse.post('/api/organizations', { idSystem: 'fk-org', idValue: '123456789', name: 'Forkert', kind: 'jobcentre' });
    assert.equal(badUuid.status, 400);
    const duplicate = await nurse.post('/api/organizations', { idSystem: 'sor', idValue: '123456789', name: 'Igen', kind: 'gp' });
    assert.equal(duplicate.status, 409);
    assert.deepEqual(duplicate.body.error.fields.map((f: { path: string; rule: string }) => [f.path, f.rule]), [['idValue', 'duplicate']]);
    assert.equal((await nurse.get('/api/organizations')).body.organizations.length, 4, 'nothing was added');
  });
});
