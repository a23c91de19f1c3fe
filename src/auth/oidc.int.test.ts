import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client, createStaff, startTestServer, type TestServer } from '../../test/support/harness.ts';
import { startTestProvider, type TestProvider } from '../security-tests/oidc-provider.ts';
import type { OidcConfig } from './security-config.ts';

/** Single sign-on against a small OpenID Connect provider started here, over real HTTP both ways. */
describe('OpenID Connect single sign-on', () => {
  let server: TestServer;
  let provider: TestProvider;
  const client = { id: 'ligevej', secret: 'provider-shared-secret', redirectUri: '' };
  const oidc: OidcConfig = { issuer: '', clientId: client.id, clientSecret: client.secret, redirectUri: '', municipalityCode: '', allowHttp: true };
  let username = '';

  before(async () => {
    provider = await startTestProvider(client, { sub: 'ad-4711', preferred_username: '' });
    oidc.issuer = provider.issuer;
    server = await startTestServer({ security: { oidc } });
    // The app's address is known only now; the config and provider objects are read per request.
    client.redirectUri = oidc.redirectUri = `${server.url}/api/auth/oidc/callback`;
    oidc.municipalityCode = server.municipality.code;
    username = (await createStaff(server.db, server.municipality.id, 'clinician')).username;
    provider.user.preferred_username = username;
  });
  after(async () => { await server?.close(); await provider?.close(); });

  /** Follows the browser's redirects by hand, carrying cookies for the app only. */
  async function signIn(): Promise<{ status: number; location: string | null; cookies: string[] }> {
    const start = await fetch(`${server.url}/api/auth/oidc/start`, { redirect: 'manual' });
    assert.equal(start.status, 302);
    const flowCookie = start.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
    const atProvider = await fetch(start.headers.get('location')!, { redirect: 'manual' });
    assert.equal(atProvider.status, 302);
    const back = atProvider.headers.get('location')!;
    assert.ok(back.startsWith(client.redirectUri));
    const done = await fetch(back, { redirect: 'manual', headers: { cookie: flowCookie } });
    return { status: done.status, location: done.headers.get('location'), cookies: done.headers.getSetCookie() };
  }

  it('logs a linked staff member in and starts a session', async () => {
    const result = await signIn();
    assert.equal(result.status, 302);
    assert.equal(result.location, '/');
    const session = result.cookies.find((c) => c.startsWith('ligevej_session='))!;
    assert.match(session, /HttpOnly/);
    const me = new Client(server.url);
    me.cookie = session.split(';')[0]!;
    const who = await me.get('/api/auth/me');
    assert.equal(who.status, 200);
    assert.equal(who.body.username, username);
    assert.equal(who.body.authMethod, 'oidc');
    const linked = (await server.db.owner.query<{ oidc_subject: string }>('SELECT oidc_subject FROM staff_user WHERE username = $1', [username])).rows[0]!;
    assert.equal(linked.oidc_subject, 'ad-4711');
  });

  it('refuses a callback without the flow cookie (state and PKCE cannot be checked)', async () => {
    const start = await fetch(`${server.url}/api/auth/oidc/start`, { redirect: 'manual' });
    const atProvider = await fetch(start.headers.get('location')!, { redirect: 'manual' });
    const res = await fetch(atProvider.headers.get('location')!, { redirect: 'manual' });
    assert.equal(res.status, 401);
    assert.ok(!res.headers.getSetCookie().some((c) => c.startsWith('ligevej_session=')));
  });

  it('refuses a forged state', async () => {
    const start = await fetch(`${server.url}/api/auth/oidc/start`, { redirect: 'manual' });
    const flowCookie = start.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
    const atProvider = await fetch(start.headers.get('location')!, { redirect: 'manual' });
    const forged = atProvider.headers.get('location')!.replace(/state=[^&]+/, 'state=forged');
    assert.equal((await fetch(forged, { redirect: 'manual', headers: { cookie: flowCookie } })).status, 401);
  });

  it('refuses a provider user who has no staff account', async () => {
    provider.user.sub = 'unknown-subject';
    provider.user.preferred_username = 'nobody-here';
    const result = await signIn();
    assert.equal(result.status, 401);
  });
});
