import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../../test/support/harness.ts';
import { verifyAuditChain } from './verify.ts';

describe('audit trail', () => {
  let server: TestServer;
  before(async () => { server = await startTestServer(); });
  after(() => server.close());

  it('logs every read of a citizen, in the same transaction, and verify names the first altered row', async () => {
    const nurse = await server.login('clinician');
    const citizen = await nurse.post('/api/citizens', { cpr: '111155-2222', givenName: 'Ib', familyName: 'Holm' });
    await nurse.get(`/api/citizens/${citizen.body.id}`);
    await nurse.get(`/api/citizens/${citizen.body.id}?fullCpr=true`);
    const events = (await server.db.owner.query<{ seq: string; action: string; actor_id: string; purpose: string }>(
      'SELECT seq, action, actor_id, purpose FROM audit_event WHERE citizen_id = $1 ORDER BY chain_index', [citizen.body.id])).rows;
    assert.deepEqual(events.map((e) => e.action), ['create', 'read', 'read_full_cpr']);
    assert.ok(events.every((e) => e.actor_id === nurse.userId && e.purpose === 'care'));

    const before = await verifyAuditChain(server.db, { municipalityId: server.municipality.id });
    assert.equal(before.firstBreak, null);

    const target = events[1]!;
    await server.db.owner.query(`UPDATE audit_event SET action = 'search' WHERE seq = $1`, [target.seq]);
    const afterTamper = await verifyAuditChain(server.db, { municipalityId: server.municipality.id });
    assert.ok(afterTamper.firstBreak);
    assert.equal(String(afterTamper.firstBreak.seq), String(target.seq));
    assert.equal(afterTamper.firstBreak.problem, 'altered');
    await server.db.owner.query(`UPDATE audit_event SET action = 'read' WHERE seq = $1`, [target.seq]);
  });

  it('detects a removed row', async () => {
    const nurse = await server.login('clinician');
    const citizen = await nurse.post('/api/citizens', { cpr: '121255-3333', givenName: 'Jo', familyName: 'Lund' });
    await nurse.get(`/api/citizens/${citizen.body.id}`);
    await nurse.get(`/api/citizens/${citizen.body.id}`);
    const rows = (await server.db.owner.query<{ seq: string; chain_index: string }>(
      'SELECT seq, chain_index FROM audit_event WHERE citizen_id = $1 ORDER BY chain_index', [citizen.body.id])).rows;
    const removed = rows[1]!;
    const saved = (await server.db.owner.query('SELECT * FROM audit_event WHERE seq = $1', [removed.seq])).rows[0]!;
    await server.db.owner.query('DELETE FROM audit_event WHERE seq = $1', [removed.seq]);
    const result = await verifyAuditChain(server.db, { municipalityId: server.municipality.id });
    assert.equal(result.firstBreak?.problem, 'missing_before');
    assert.equal(String(result.firstBreak?.seq), String(rows[2]!.seq));
    const cols = Object.keys(saved).filter((c) => c !== 'seq');
    await server.db.owner.query(`INSERT INTO audit_event (${cols.join(',')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(',')})`, cols.map((c) => saved[c]));
  });
});
