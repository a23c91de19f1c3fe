import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client, createStaff, startTestServer, type TestServer } from '../../test/support/harness.ts';
import { totpCode } from './totp.ts';

describe('login hardening', () => {
  let server: TestServer;
  before(async () => { server = await startTestServer({ security: { mfaRoles: ['coordinator'], maxFailedLogins: 3 } }); });
  after(() => server.close());
  const loginAs = (c: Client, username: string, password: string, code?: string) =>
    c.post('/api/auth/login', { username, password, ...(code ? { code } : {}) });

  it('locks an account after repeated wrong passwords until an admin unlocks it (audited)', async () => {
    const staff = await createStaff(server.db, server.municipality.id, 'clinician');
    const c = new Client(server.url);
    for (let i = 0; i < 3; i += 1) assert.equal((await loginAs(c, staff.username, 'wrong password here')).status, 401);
    const locked = await loginAs(c, staff.username, staff.password);
    assert.equal(locked.status, 401, 'the right password no longer helps');
    assert.match(locked.body.error.message, /Brugernavn eller adgangskode er forkert/, 'the answer does not reveal the lock');
    const admin = await server.login('admin');
    const list = await admin.get('/api/admin/staff');
    assert.equal(list.body.staff.find((s: { id: string }) => s.id === staff.id).locked, true);
    assert.equal((await (await server.login('clinician')).post(`/api/admin/staff/${staff.id}/unlock`, {})).status, 403);
    assert.equal((await admin.post(`/api/admin/staff/${staff.id}/unlock`, {})).status, 204);
    assert.equal((await loginAs(c, staff.username, staff.password)).status, 200);
    const actions = (await server.db.owner.query<{ action: string }>('SELECT action FROM audit_event WHERE resource_id = $1 ORDER BY chain_index', [staff.id])).rows.map((r) => r.action);
    assert.deepEqual(actions, ['login_failed', 'login_failed', 'login_failed', 'account_locked', 'login_failed', 'account_unlocked']);
  });

  it('lets a role that requires two-factor do nothing but enrol, then asks for the code at every login', async () => {
    const staff = await createStaff(server.db, server.municipality.id, 'coordinator');
    const c = new Client(server.url);
    const first = await loginAs(c, staff.username, staff.password);
    assert.equal(first.status, 200);
    assert.equal(first.body.mfaEnrolmentRequired, true);
    const blocked = await c.get('/api/worklists');
    assert.equal(blocked.status, 403);
    assert.match(blocked.body.error.message, /to-faktor/);
    const setup = await c.post('/api/auth/totp/setup', {});
    assert.equal(setup.status, 200);
    assert.match(setup.body.uri, /^otpauth:\/\/totp\//);
    assert.equal((await c.post('/api/auth/totp/confirm', { code: '000000' })).status, 400);
    const ok = await c.post('/api/auth/totp/confirm', { code: totpCode(setup.body.secret, server.clock.now) });
    assert.equal(ok.status, 200);
    assert.notEqual((await c.get('/api/auth/me')).body.mfaEnrolmentRequired, true);
    assert.equal((await c.post('/api/auth/totp/setup', {})).status, 409, 'a second factor is replaced only by an admin reset');

    const next = new Client(server.url);
    const noCode = await loginAs(next, staff.username, staff.password);
    assert.equal(noCode.status, 401);
    assert.equal(noCode.body.error.fields[0].rule, 'totp.required');
    server.clock.now = new Date(server.clock.now.getTime() + 60_000);
    const code = totpCode(setup.body.secret, server.clock.now);
    const withCode = await loginAs(next, staff.username, staff.password, code);
    assert.equal(withCode.status, 200);
    assert.equal(withCode.body.authMethod, 'password+totp');
    assert.equal((await loginAs(new Client(server.url), staff.username, staff.password, code)).status, 401, 'a code works once');
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const c = await server.login('clinician');
    server.clock.now = new Date(server.clock.now.getTime() + 29 * 60_000);
    assert.equal((await c.get('/api/auth/me')).status, 200);
    server.clock.now = new Date(server.clock.now.getTime() + 31 * 60_000);
    assert.equal((await c.get('/api/auth/me')).status, 401);
  });

  it('checks a new password against the rules and ends the other sessions', async () => {
    const staff = await createStaff(server.db, server.municipality.id, 'clinician');
    const laptop = new Client(server.url);
    const phone = new Client(server.url);
    await loginAs(laptop, staff.username, staff.password);
    await loginAs(phone, staff.username, staff.password);
    const weak = await laptop.post('/api/auth/password', { currentPassword: staff.password, newPassword: 'Sommer2026!' });
    assert.equal(weak.status, 400);
    assert.deepEqual(weak.body.error.fields.map((f: { rule: string }) => f.rule).sort(), ['password.common', 'password.too_short']);
    assert.equal((await laptop.post('/api/auth/password', { currentPassword: 'not it at all', newPassword: 'en lang og god sætning om kaffe' })).status, 403);
    const changed = await laptop.post('/api/auth/password', { currentPassword: staff.password, newPassword: 'en lang og god sætning om kaffe' });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.revokedSessions, 1);
    assert.equal((await laptop.get('/api/auth/me')).status, 200);
    assert.equal((await phone.get('/api/auth/me')).status, 401);
    assert.equal((await loginAs(new Client(server.url), staff.username, 'en lang og god sætning om kaffe')).status, 200);
  });

  it('refuses a write made with the session cookie but without the CSRF token', async () => {
    const c = await server.login('clinician');
    c.sendCsrf = false;
    const res = await c.post('/api/citizens/search', { name: 'Jensen' });
    assert.equal(res.status, 403);
    assert.match(res.body.error.message, /CSRF/);
    assert.equal((await c.post('/api/citizens/search', { name: 'Jensen' }, { 'x-csrf-token': 'forged' })).status, 403);
    c.sendCsrf = true;
    assert.equal((await c.post('/api/citizens/search', { name: 'Jensen' })).status, 200);
  });

  it('issues API keys with scopes, shown once and stored hashed', async () => {
    const admin = await server.login('admin');
    const created = await admin.post('/api/admin/api-keys', { name: 'Lægesystem', scopes: ['statistics.read'] });
    assert.equal(created.status, 201);
    assert.match(created.body.key, /^lvk_[a-z0-9]{12}_/);
    const stored = (await server.db.owner.query<{ secret_hash: string }>('SELECT secret_hash FROM api_key WHERE id = $1', [created.body.id])).rows[0]!;
    assert.ok(!created.body.key.includes(stored.secret_hash));
    const listed = await admin.get('/api/admin/api-keys');
    assert.ok(!JSON.stringify(listed.body).includes(created.body.key.split('_')[2]), 'the secret is never listed');
    const bearer = { authorization: `Bearer ${created.body.key}` };
    const anon = new Client(server.url);
    assert.equal((await anon.request('GET', '/api/auth/me', undefined, bearer)).status, 403, 'scopes only');
    assert.equal((await anon.request('POST', '/api/citizens/search', { name: 'x' }, bearer)).status, 403);
    assert.equal((await anon.request('GET', '/api/auth/me', undefined, { authorization: `Bearer ${created.body.key}x` })).status, 401);
    assert.equal((await admin.post(`/api/admin/api-keys/${created.body.id}/revoke`, {})).status, 204);
    assert.equal((await anon.request('GET', '/api/auth/me', undefined, bearer)).status, 401);
  });

  it('creates staff accounts only with passwords that pass the rules, including the bridge-builder role', async () => {
    const admin = await server.login('admin');
    // Unique per run: the PostgreSQL test database keeps accounts from earlier runs.
    const username = `bro.bygger-${Math.random().toString(36).slice(2, 8)}`;
    const bad = await admin.post('/api/admin/staff', { username, displayName: 'Bo Bygger', role: 'bridge_builder', password: 'password123' });
    assert.equal(bad.status, 400);
    const good = await admin.post('/api/admin/staff', { username, displayName: 'Bo Bygger', role: 'bridge_builder', password: 'fire heste på en grøn eng' });
    assert.equal(good.status, 201);
    const c = new Client(server.url);
    const me = await loginAs(c, username, 'fire heste på en grøn eng');
    assert.equal(me.body.role, 'bridge_builder');
    assert.equal((await c.post('/api/citizens/search', { name: 'Jensen' })).status, 403);
  });
});
