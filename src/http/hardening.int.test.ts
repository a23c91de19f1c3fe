import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client, createStaff, startTestServer, type TestServer } from '../../test/support/harness.ts';

describe('web hardening', () => {
  let server: TestServer;
  before(async () => { server = await startTestServer({ security: { rateLimitPerMinute: 40, loginRateLimitPerMinute: 5, maxFailedLogins: 100 } }); });
  after(() => server.close());

  it('sends security headers and a strict Content-Security-Policy on API answers', async () => {
    const res = await fetch(`${server.url}/health/live`);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/, 'no inline or remote scripts');
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /object-src 'none'/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(res.headers.get('x-powered-by'), null);
  });

  it('sets the CSRF cookie readable by the page and the session cookie not', async () => {
    const staff = await createStaff(server.db, server.municipality.id, 'clinician');
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: staff.username, password: staff.password }) });
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('ligevej_session='))!;
    const csrf = cookies.find((c) => c.startsWith('ligevej_csrf='))!;
    assert.match(session, /HttpOnly/);
    assert.match(session, /SameSite=Strict/);
    assert.doesNotMatch(csrf, /HttpOnly/);
    assert.match(csrf, /SameSite=Strict/);
  });

  it('refuses bodies over the size limit with 413 and no details', async () => {
    const c = await server.login('clinician');
    const res = await c.post('/api/auth/login', { username: 'x', password: 'y'.repeat(10_000) });
    assert.equal(res.status, 413);
    assert.deepEqual(Object.keys(res.body), ['error']);
  });

  it('never sends a stack trace: malformed JSON gets a short error', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username": ' });
    const text = await res.text();
    assert.equal(res.status, 400);
    assert.doesNotMatch(text, /at [\w.<>]+ \(|node:internal|\.ts:\d+/);
  });

  it('throttles login attempts per address and answers 429 in the error format', async () => {
    const anon = new Client(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await anon.post('/api/auth/login', { username: 'nobody', password: 'wrong' })).status);
    // Earlier tests in this file used some of the 5 attempts this minute allows.
    assert.ok(statuses.filter((s) => s !== 429).length <= 5, statuses.join(','));
    assert.equal(statuses[6], 429);
    assert.ok(statuses.every((s) => s === 401 || s === 429));
    const last = await anon.post('/api/auth/login', { username: 'nobody', password: 'wrong' });
    assert.equal(last.body.error.code, 'rate_limited');
    assert.match(last.body.error.message, /For mange forespørgsler/);
  });

  it('limits all requests per address', async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 45; i += 1) statuses.add((await fetch(`${server.url}/health/live`)).status);
    assert.ok(statuses.has(429));
  });
});
