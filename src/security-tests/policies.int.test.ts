import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startTestServer, type TestServer } from '../../test/support/harness.ts';
import { apiKeyScopes, grantable, matrix, permissions } from '../auth/permissions.ts';
import { roles } from '../auth/roles.ts';
import { apiRoutes, label } from './adversary.ts';

describe('every route has an explicit policy from the one matrix', () => {
  let server: TestServer;
  before(async () => { server = await startTestServer(); });
  after(() => server.close());

  it('names a known permission on every API route (enumerated from the router)', () => {
    const missing = apiRoutes(server.routes).filter((r) => !r.config.policy || !(permissions as readonly string[]).includes(r.config.policy)).map(label);
    assert.deepEqual(missing, [], 'routes without an explicit policy');
  });

  it('serves only the web app\'s own files outside /api and /health, all public', () => {
    const other = server.routes.filter((r) => !r.url.startsWith('/api/') && !r.url.startsWith('/health/'));
    assert.deepEqual(other.filter((r) => r.config.access !== 'public' || r.method !== 'GET').map(label), []);
  });

  it('refuses a route without a policy at run time too', async () => {
    const { authorize } = await import('../http/guard.ts');
    const req = { method: 'GET', routeOptions: { url: '/x', config: {} }, actor: { role: 'admin' }, headers: {} } as never;
    await assert.rejects(authorize({ config: { cprLookupKey: Buffer.alloc(32) } } as never, req), /forbidden/);
  });

  it('matches the matrix in docs/security.md', () => {
    const doc = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');
    const rows = doc.split('\n').filter((l) => /^\| `[a-z_.]+` \|/.test(l));
    const fromDoc = Object.fromEntries(rows.map((l) => {
      const cells = l.split('|').slice(1, -1).map((c) => c.trim());
      return [cells[0]!.replace(/`/g, ''), cells.slice(1)];
    }));
    const expected = Object.fromEntries(permissions.filter((p) => p !== 'public').map((p) => [p, roles.map((r) => {
      if (r === 'integration') return apiKeyScopes.includes(p) ? 'scope' : '–';
      if (matrix[r].includes(p)) return '✓';
      return r === 'manager' && grantable.includes(p) && !matrix[r].includes(p) ? 'grant' : '–';
    })]));
    assert.deepEqual(fromDoc, expected);
  });
});
