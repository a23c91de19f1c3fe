import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Client, createMunicipality, startTestServer, type TestServer } from '../../test/support/harness.ts';
import { createCitizen, createReferral, createTeam } from '../../test/support/fixtures.ts';
import { staffRoles, type StaffRole } from '../auth/roles.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import type { RouteEntry } from '../http/route-catalogue.ts';
import { apiRoutes, isPublic, isWrite, label, permitted, sessionEnding, sqlPayloads } from './adversary.ts';
import { fillPath, jsonSchemaOf, queryFor, sample } from './request-samples.ts';

const ANY_ID = '00000000-0000-4000-8000-000000000000';
const MARKER = 'Hemmeligsen';

/**
 * Every route of the API, enumerated from Fastify's router, attacked the ways issue 8 lists:
 * without login, as each role without the permission, from another municipality with guessed ids,
 * without the CSRF token, with SQL injection in every string, and with fuzzed bodies.
 */
describe('adversarial: every route', () => {
  let server: TestServer;
  let routes: RouteEntry[];
  const clients = new Map<StaffRole, Client & { userId: string }>();
  const ids: Record<string, string> = {};

  before(async () => {
    server = await startTestServer();
    routes = apiRoutes(server.routes);
    for (const role of staffRoles) clients.set(role, await server.login(role));
    const nurse = clients.get('coordinator')!;
    const citizen = await createCitizen(nurse, 'Xenia', MARKER);
    const referral = await createReferral(nurse, citizen.id, '2026-02-20T08:00:00Z');
    const team = await createTeam(server.db, server.municipality.id, `Hold ${MARKER}`, new Date('2026-03-03T12:00:00Z'), 2);
    Object.assign(ids, { citizen: citizen.id, referral: referral.id, team: team.id, session: team.sessionIds[0]!, staff: clients.get('clinician')!.userId });
  });
  after(() => server.close());

  const send = (c: Client, r: RouteEntry, path: string, text = 'tekst') => {
    const body = isWrite(r) ? (r.schema?.body ? sample(jsonSchemaOf(r.schema.body), text) : {}) : undefined;
    return c.request(r.method, path + queryFor(jsonSchemaOf(r.schema?.querystring), text), body);
  };

  it('finds the routes from the router', () => {
    assert.ok(routes.length > 100, `${routes.length} routes`);
    assert.ok(routes.some((r) => r.url === '/api/citizens/:id' && r.method === 'GET'));
  });

  it('refuses every non-public route without login (401)', async () => {
    const anon = new Client(server.url);
    const wrong: string[] = [];
    for (const r of routes.filter((x) => !isPublic(x))) {
      const res = await send(anon, r, fillPath(r.url, ANY_ID));
      if (res.status !== 401) wrong.push(`${label(r)}: ${res.status}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('refuses every route to each role without the permission (403)', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const r of routes.filter((x) => !isPublic(x) && !sessionEnding(x))) {
      for (const role of staffRoles) {
        if (permitted(r, role)) continue;
        checked += 1;
        const res = await send(clients.get(role)!, r, fillPath(r.url, ids.citizen!));
        if (res.status !== 403) wrong.push(`${label(r)} as ${role}: ${res.status}`);
      }
    }
    assert.ok(checked > 100);
    assert.deepEqual(wrong, []);
  });

  it('refuses an API key every route outside its scopes', async () => {
    const key = (await clients.get('admin')!.post('/api/admin/api-keys', { name: 'scoped', scopes: ['referral.submit'] })).body.key as string;
    const wrong: string[] = [];
    const anon = new Client(server.url);
    for (const r of routes.filter((x) => !isPublic(x) && x.config.policy !== 'referral.submit')) {
      const body = isWrite(r) ? (r.schema?.body ? sample(jsonSchemaOf(r.schema.body), 'x') : {}) : undefined;
      const res = await anon.request(r.method, fillPath(r.url, ids.citizen!), body, { authorization: `Bearer ${key}` });
      if (res.status !== 403) wrong.push(`${label(r)}: ${res.status}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('never shows or changes another municipality\'s data for guessed ids', async () => {
    const other = await createMunicipality(server.db, 'Angriberkommune');
    const attackers = await Promise.all((['admin', 'coordinator', 'manager', 'bridge_builder'] as const).map((r) => server.login(r, other.id)));
    const wrong: string[] = [];
    for (const r of routes.filter((x) => !isPublic(x) && !sessionEnding(x) && x.url.includes(':'))) {
      for (const id of Object.values(ids)) {
        for (const attacker of attackers) {
          const res = await send(attacker, r, fillPath(r.url, id));
          if (res.status === 403) continue;
          const text = JSON.stringify(res.body ?? '');
          if ((res.status < 300 && isWrite(r)) || text.includes(MARKER)) wrong.push(`${label(r)} id=${Object.entries(ids).find(([, v]) => v === id)![0]}: ${res.status}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('refuses every state-changing request made with the session cookie but without the CSRF token', async () => {
    const c = await server.login('admin');
    c.sendCsrf = false;
    const wrong: string[] = [];
    for (const r of routes.filter((x) => isWrite(x) && !isPublic(x))) {
      const res = await send(c, r, fillPath(r.url, ids.citizen!));
      if (res.status !== 403 || !/CSRF/.test(res.body?.error?.message ?? '')) wrong.push(`${label(r)}: ${res.status}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('survives SQL injection in every path, query and body string (no 5xx, database intact)', async () => {
    const before = (await server.db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM citizen')).rows[0]!.n;
    const wrong: string[] = [];
    for (const r of routes.filter((x) => !sessionEnding(x))) {
      const role = staffRoles.find((ro) => permitted(r, ro)) ?? 'admin';
      for (const payload of sqlPayloads) {
        for (const path of [fillPath(r.url, payload), fillPath(r.url, ids.referral!)]) {
          const res = await send(clients.get(role)!, r, path, payload);
          if (res.status >= 500) wrong.push(`${label(r)} as ${role}: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
        }
      }
    }
    assert.deepEqual([...new Set(wrong)], []);
    const afterCount = (await server.db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM citizen')).rows[0]!.n;
    assert.ok(afterCount >= before, 'no citizen rows were removed');
    assert.equal((await verifyAuditChain(server.db, { municipalityId: server.municipality.id })).firstBreak, null);
  });

  it('answers fuzzed bodies and parameters with 4xx, never 5xx (fast-check)', async () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => isWrite(x) && !sessionEnding(x))) {
      const role = staffRoles.find((ro) => permitted(r, ro)) ?? 'admin';
      await fc.assert(fc.asyncProperty(fc.jsonValue(), fc.string({ maxLength: 40 }), async (body, param) => {
        const res = await clients.get(role)!.request(r.method, fillPath(r.url, param || 'x'), body);
        if (res.status >= 500) wrong.push(`${label(r)}: ${res.status} for ${JSON.stringify(body).slice(0, 80)}`);
        return true;
      }), { numRuns: 6, seed: 119 });
    }
    assert.deepEqual([...new Set(wrong)], []);
  });

  it('locks an account after repeated wrong passwords, even when the right one comes next', async () => {
    const { createStaff } = await import('../../test/support/harness.ts');
    const staff = await createStaff(server.db, server.municipality.id, 'clinician');
    const attacker = new Client(server.url);
    for (let i = 0; i < 5; i += 1) await attacker.post('/api/auth/login', { username: staff.username, password: `guess-${i}` });
    assert.equal((await attacker.post('/api/auth/login', { username: staff.username, password: staff.password })).status, 401);
  });
});
