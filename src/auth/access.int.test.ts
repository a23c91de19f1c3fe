import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client, createMunicipality, startTestServer, type TestServer } from '../../test/support/harness.ts';

describe('accounts, sessions and access', () => {
  let server: TestServer;
  before(async () => { server = await startTestServer(); });
  after(() => server.close());

  it('refuses a wrong password without saying whether the user exists', async () => {
    const anon = new Client(server.url);
    const res = await anon.post('/api/auth/login', { username: 'nobody', password: 'wrong' });
    assert.equal(res.status, 401);
    assert.match(res.body.error.message, /Brugernavn eller adgangskode er forkert/);
  });

  it('sets an httpOnly SameSite session cookie and ends the session on logout', async () => {
    const nurse = await server.login('clinician');
    const me = await nurse.get('/api/auth/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.role, 'clinician');
    const raw = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: nurse.cookie } });
    assert.equal(raw.status, 200);
    const out = await nurse.post('/api/auth/logout', undefined);
    assert.equal(out.status, 204);
    const after = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: nurse.cookie } });
    assert.equal(after.status, 401);
  });

  it('tells the app what the staff member may do, from the permission matrix', async () => {
    const nurse = (await (await server.login('clinician')).get('/api/auth/me')).body;
    const manager = (await (await server.login('manager')).get('/api/auth/me')).body;
    assert.ok(nurse.permissions.includes('citizen.read') && nurse.permissions.includes('team.write'));
    assert.ok(!nurse.permissions.includes('retention.run') && !nurse.permissions.includes('public'));
    assert.ok(manager.permissions.includes('statistics.read'));
    assert.ok(!manager.permissions.includes('citizen.read'), 'a manager reads aggregates, not records');
  });

  it('marks the cookie httpOnly and SameSite=Strict', async () => {
    const { db, municipality } = server;
    const { createStaff } = await import('../../test/support/harness.ts');
    const staff = await createStaff(db, municipality.id, 'coordinator');
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: staff.username, password: staff.password }) });
    const cookie = res.headers.get('set-cookie') ?? '';
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
  });

  it('requires login for citizen data and keeps managers to aggregates', async () => {
    const anon = new Client(server.url);
    assert.equal((await anon.post('/api/citizens/search', { name: 'Jensen' })).status, 401);
    const manager = await server.login('manager');
    const res = await manager.post('/api/citizens/search', { name: 'Jensen' });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'forbidden');
  });

  it('gives another municipality\'s staff a 404 for a citizen id they guessed', async () => {
    const nurse = await server.login('clinician');
    const citizen = await nurse.post('/api/citizens', { cpr: '101010-1010', givenName: 'Eva', familyName: 'Dal' });
    const other = await createMunicipality(server.db, 'Nabokommune');
    const stranger = await server.login('clinician', other.id);
    const res = await stranger.get(`/api/citizens/${citizen.body.id}`);
    assert.equal(res.status, 404);
    const patch = await stranger.patch(`/api/citizens/${citizen.body.id}`, { version: 1, givenName: 'X' });
    assert.equal(patch.status, 404);
  });

  it('serves OpenAPI and health checks without login', async () => {
    const anon = new Client(server.url);
    const spec = await anon.get('/api/openapi.json');
    assert.equal(spec.status, 200);
    assert.equal(spec.body.info.title, 'Ligevej API');
    assert.ok(spec.body.paths['/api/referrals/{id}/end'].post, 'course steps are documented');
    assert.equal((await anon.get('/health/live')).body.status, 'ok');
    const ready = await anon.get('/health/ready');
    assert.equal(ready.body.status, 'ready');
    assert.ok(ready.body.migrations >= 4);
  });
});
