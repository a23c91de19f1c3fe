import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../../test/support/harness.ts';
import { createCitizen, createReferral } from '../../test/support/fixtures.ts';
import { applyRoleWall } from '../http/context.ts';
import type { SessionActor } from '../auth/sessions.ts';

describe('the database\'s wall around personal data, by role', () => {
  let server: TestServer;
  let citizenId = '';
  before(async () => {
    server = await startTestServer();
    const nurse = await server.login('clinician');
    citizenId = (await createCitizen(nurse, 'Vera', 'Væg')).id;
    await createReferral(nurse, citizenId, '2026-02-01T08:00:00Z');
  });
  after(() => server.close());

  const actor = (role: SessionActor['role'], grants: string[] = []): SessionActor =>
    ({ userId: '00000000-0000-4000-8000-000000000001', username: 'x', displayName: 'x', role, municipalityId: server.municipality.id, sessionId: 'x', grants });
  const visible = (a: SessionActor) => server.db.tenantTransaction(server.municipality.id, async (tx) => {
    await applyRoleWall(tx, a);
    return (await tx.query<{ n: number }>('SELECT ((SELECT count(*) FROM citizen) + (SELECT count(*) FROM referral))::int AS n')).rows[0]!.n;
  });

  it('hides every citizen from a manager and an API key even when the SQL asks for them', async () => {
    assert.ok(await visible(actor('clinician')) >= 2, 'a citizen and a referral');
    assert.equal(await visible(actor('manager')), 0);
    assert.equal(await visible({ ...actor('integration'), scopes: ['statistics.read'] }), 0);
    await assert.rejects(server.db.tenantTransaction(server.municipality.id, async (tx) => {
      await applyRoleWall(tx, actor('manager'));
      await tx.query(`INSERT INTO citizen (municipality_id, cpr_hash, cpr_encrypted, birth_date, sex, given_name, family_name) VALUES ($1, 'h', 'e', '1950-01-01', 'male', 'A', 'B')`, [server.municipality.id]);
    }), /row-level security/);
  });

  it('lets a manager granted citizen.read by an admin read named citizens, through both walls', async () => {
    const manager = await server.login('manager');
    const url = `/api/gdpr/citizens/${citizenId}/history`;
    assert.equal((await manager.get(url)).status, 403);
    assert.equal(await visible(actor('manager', ['citizen.read'])), await visible(actor('clinician')));
    const admin = await server.login('admin');
    assert.equal((await admin.post(`/api/admin/staff/${manager.userId}/grants`, { grants: ['citizen.read'] })).status, 204);
    const granted = await manager.get(url);
    assert.equal(granted.status, 200, 'the route\'s policy and the database both let the granted manager in');
    assert.deepEqual(granted.body.history, []);
  });
});
