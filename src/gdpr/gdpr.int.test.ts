import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createMunicipality, startTestServer, type TestServer } from '../../test/support/harness.ts';
import { createCitizen, createReferral } from '../../test/support/fixtures.ts';
import { createCprVault } from '../citizens/cpr-vault.ts';
import { rotateCprKey } from './key-rotation.ts';

describe('citizens\' rights: access log, export, rectification history, consents, retention, key rotation', () => {
  let server: TestServer;
  before(async () => { server = await startTestServer(); });
  after(() => server.close());

  it('shows who looked at a citizen, when and why, as JSON and PDF, and logs that it was read', async () => {
    const coordinator = await server.login('coordinator');
    const nurse = await server.login('clinician');
    const citizen = await createCitizen(nurse, 'Hanne', 'Holm');
    assert.equal((await nurse.get(`/api/citizens/${citizen.id}`)).status, 200);
    const log = await coordinator.get(`/api/gdpr/citizens/${citizen.id}/access-log`);
    assert.equal(log.status, 200);
    const reads = log.body.entries.filter((e: { action: string }) => e.action === 'read');
    assert.equal(reads.length, 1);
    assert.equal(reads[0].actorName, 'Test clinician');
    assert.equal(reads[0].purpose, 'care');
    const pdf = await fetch(`${server.url}/api/gdpr/citizens/${citizen.id}/access-log/pdf`, { headers: { cookie: coordinator.cookie } });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
    const again = await coordinator.get(`/api/gdpr/citizens/${citizen.id}/access-log`);
    assert.equal(again.body.entries.filter((e: { action: string }) => e.action === 'access_log_read').length, 2, 'reading the log is itself logged');
    assert.equal((await nurse.get(`/api/gdpr/citizens/${citizen.id}/access-log`)).status, 403);
    const other = await createMunicipality(server.db, 'Nabo');
    const stranger = await server.login('coordinator', other.id);
    assert.equal((await stranger.get(`/api/gdpr/citizens/${citizen.id}/access-log`)).status, 404);
    assert.equal((await stranger.get(`/api/gdpr/citizens/${citizen.id}/export`)).status, 404);
  });

  it('exports everything about a citizen, with corrections\' earlier versions, as JSON and PDF', async () => {
    const coordinator = await server.login('coordinator');
    const citizen = await createCitizen(coordinator, 'Ib', 'Isaksen');
    await createReferral(coordinator, citizen.id, '2026-02-01T08:00:00Z');
    assert.equal((await coordinator.patch(`/api/citizens/${citizen.id}`, { version: 1, givenName: 'Ibrahim' })).status, 200);
    const data = await coordinator.get(`/api/gdpr/citizens/${citizen.id}/export`);
    assert.equal(data.status, 200);
    assert.equal(data.body.citizen.given_name, 'Ibrahim');
    assert.match(data.body.citizen.cpr, /^\d{10}$/, 'the citizen gets their own full CPR number');
    assert.equal(data.body.records.referral.length, 1);
    assert.ok(!JSON.stringify(data.body).includes('cpr_encrypted'), 'no ciphertexts or hashes');
    assert.deepEqual(data.body.history.map((h: { table: string; data: { given_name: string } }) => [h.table, h.data.given_name]), [['citizen', 'Ib']]);
    const history = await coordinator.get(`/api/gdpr/citizens/${citizen.id}/history`);
    assert.equal(history.body.history[0].version, 1);
    const pdf = await fetch(`${server.url}/api/gdpr/citizens/${citizen.id}/export/pdf`, { headers: { cookie: coordinator.cookie, 'accept-language': 'en' } });
    assert.equal(pdf.status, 200);
    assert.ok((await pdf.arrayBuffer()).byteLength > 1000);
    const audit = (await server.db.owner.query<{ action: string; purpose: string }>(`SELECT action, purpose FROM audit_event WHERE citizen_id = $1 AND action = 'export'`, [citizen.id])).rows;
    assert.deepEqual(audit.map((a) => a.purpose), ['citizen_request', 'citizen_request']);
  });

  it('keeps a consent registry with given and withdrawn dates and how, with optimistic locking', async () => {
    const nurse = await server.login('clinician');
    const citizen = await createCitizen(nurse, 'Kaj', 'Krog');
    const url = `/api/gdpr/citizens/${citizen.id}/consents`;
    assert.equal((await nurse.get(url)).body.version, 0);
    const unversioned = await nurse.post(url, { purpose: 'research', state: 'given', effectiveOn: '2026-03-01', method: 'written' });
    assert.equal(unversioned.status, 400, 'a form must name the version it was shown');
    assert.deepEqual(unversioned.body.error.fields.map((f: { path: string }) => f.path), ['version']);
    assert.match(unversioned.body.error.fields[0].message, /Feltet "version"/);
    const notGiven = await nurse.post(url, { purpose: 'quality_database', state: 'withdrawn', effectiveOn: '2026-03-01', method: 'oral', version: 0 });
    assert.equal(notGiven.status, 400);
    assert.match(notGiven.body.error.fields[0].message, /samtykket kan ikke trækkes tilbage, da det ikke er givet/);
    const future = await nurse.post(url, { purpose: 'research', state: 'given', effectiveOn: '2099-01-01', method: 'written', version: 0 });
    assert.equal(future.status, 400);
    assert.deepEqual(future.body.error.fields.map((f: { path: string; rule: string }) => [f.path, f.rule]), [['effectiveOn', 'consent.future_date']]);
    assert.match(future.body.error.fields[0].message, /Feltet "effectiveOn": datoen må ikke ligge efter i dag/);
    const given = await nurse.post(url, { purpose: 'research', state: 'given', effectiveOn: '2026-03-01', method: 'written', version: 0 });
    assert.equal(given.status, 201);
    assert.equal(given.body.version, 1);
    const stale = await nurse.post(url, { purpose: 'research', state: 'withdrawn', effectiveOn: '2026-03-02', method: 'digital', version: 0 });
    assert.equal(stale.status, 412, 'a form shown before a colleague\'s change is refused');
    assert.equal(stale.body.error.code, 'version_conflict');
    const early = await nurse.post(url, { purpose: 'research', state: 'withdrawn', effectiveOn: '2026-02-28', method: 'digital', version: 1 });
    assert.equal(early.status, 400);
    assert.equal(early.body.error.fields[0].rule, 'consent.before_given');
    const withdrawn = await nurse.post(url, { purpose: 'research', state: 'withdrawn', effectiveOn: '2026-03-02', method: 'digital', note: 'via Digital Post', version: 1 });
    assert.equal(withdrawn.status, 201);
    const research = withdrawn.body.current.find((c: { purpose: string }) => c.purpose === 'research');
    assert.deepEqual(research, { purpose: 'research', given: false, givenOn: '2026-03-01', withdrawnOn: '2026-03-02', method: 'digital' });
    const list = await nurse.get(url);
    assert.equal(list.body.events.length, 2);
    assert.equal(list.body.version, 2);
    assert.deepEqual(list.body.events.map((e: { state: string; recordedByName: string }) => [e.state, e.recordedByName]), [['given', 'Test clinician'], ['withdrawn', 'Test clinician']]);
    const [a, b] = await Promise.all([1, 2].map(() => nurse.post(url, { purpose: 'sms_reminders', state: 'given', effectiveOn: '2026-03-02', method: 'oral', version: 2 })));
    assert.deepEqual([a!.status, b!.status].sort(), [201, 412], 'two forms shown the same version: only one is recorded');
    assert.equal((await nurse.get(url)).body.events.length, 3);
    const reads = (await server.db.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE citizen_id = $1 AND action = 'read' AND resource_type = 'Consent'`, [citizen.id])).rows[0]!.n;
    assert.equal(reads, 3, 'every read of the registry is audited');
    assert.equal((await (await server.login('manager')).post(url, { purpose: 'sms_reminders', state: 'given', effectiveOn: '2026-03-01', method: 'oral', version: 3 })).status, 403);
  });

  it('lists exactly the citizens past their retention period, then anonymises them (audited)', async () => {
    const { db, municipality } = server;
    const admin = await server.login('admin');
    const nurse = await server.login('clinician');
    const make = async (name: string, stage: string | null, lastOn: string) => {
      const c = await createCitizen(nurse, name, 'Retention');
      if (stage) {
        const r = await createReferral(nurse, c.id, '2010-01-01T08:00:00Z');
        await db.owner.query('UPDATE referral SET stage = $2, updated_at = $3, reason = $4 WHERE id = $1', [r.id, stage, lastOn, 'fri tekst om borgeren']);
      }
      return c.id;
    };
    const endedLongAgo = await make('Gammel', 'followed_up', '2015-01-01');
    const closedLongAgo = await make('Lukket', 'closed', '2020-01-01');
    await make('Nylig', 'ended', '2020-01-01');
    await make('Aaben', 'active', '2001-01-01');
    await make('Uden', null, '2001-01-01');
    const dry = await admin.get('/api/gdpr/retention/dry-run');
    assert.equal(dry.status, 200);
    assert.deepEqual(dry.body.candidates.map((c: { citizenId: string }) => c.citizenId).sort(), [endedLongAgo, closedLongAgo].sort());
    assert.equal((await db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM citizen WHERE anonymised_at IS NOT NULL AND municipality_id = $1', [municipality.id])).rows[0]!.n, 0, 'a dry run changes nothing');
    const confirmed = { count: dry.body.candidates.length, fingerprint: dry.body.fingerprint };
    assert.equal((await nurse.post('/api/gdpr/retention/run', confirmed)).status, 403);
    assert.equal((await admin.post('/api/gdpr/retention/run', {})).status, 400, 'the run needs the dry run it was confirmed after');
    // The data changes after the dry run was shown: a third citizen falls due, so nothing is run.
    const lateComer = await make('Senere', 'closed', '2019-01-01');
    const refused = await admin.post('/api/gdpr/retention/run', confirmed);
    assert.equal(refused.status, 409);
    assert.match(refused.body.error.message, /Sletningen er ikke kørt.*\(2 borgere dengang, 3 nu\)/);
    assert.equal((await db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM citizen WHERE anonymised_at IS NOT NULL AND municipality_id = $1', [municipality.id])).rows[0]!.n, 0, 'a refused run changes nothing');
    const refusal = (await db.owner.query<{ detail: Record<string, unknown> }>(
      `SELECT detail FROM audit_event WHERE action = 'retention_run' AND municipality_id = $1 AND detail->>'refused' = 'true'`, [municipality.id])).rows;
    assert.deepEqual(refusal.map((r) => r.detail), [{ dryRun: false, refused: true, expected: 2, actual: 3 }], 'the refusal is audited, with counts only');
    await db.owner.query(`UPDATE referral SET stage = 'active' WHERE citizen_id = $1 AND municipality_id = $2`, [lateComer, municipality.id]);
    const run = await admin.post('/api/gdpr/retention/run', confirmed);
    assert.equal(run.status, 200);
    assert.equal(run.body.anonymised.length, 2);
    const after = (await db.owner.query<{ given_name: string; phone: string | null; reason: string | null; history: number }>(
      `SELECT c.given_name, c.phone, r.reason, (SELECT count(*)::int FROM record_history h WHERE h.row_id = c.id) AS history
         FROM citizen c JOIN referral r ON r.citizen_id = c.id WHERE c.id = $1`, [endedLongAgo])).rows[0]!;
    assert.deepEqual(after, { given_name: 'Anonymiseret', phone: null, reason: null, history: 0 });
    assert.equal((await db.owner.query(`SELECT 1 FROM audit_event WHERE action = 'anonymise' AND citizen_id = ANY($1::uuid[])`, [[endedLongAgo, closedLongAgo]])).rows.length, 2);
    assert.deepEqual((await admin.get('/api/gdpr/retention/dry-run')).body.candidates, []);
    const verify = await import('../audit/verify.ts');
    const result = await verify.verifyAuditChain(db, { municipalityId: municipality.id });
    assert.equal(result.firstBreak, null, 'the audit chain is intact');
  });

  it('rotates the CPR key online: old and new ciphertexts read alike, history untouched', async () => {
    const nurse = await server.login('clinician');
    const citizen = await createCitizen(nurse, 'Rune', 'Rotation');
    const before = (await server.db.owner.query<{ cpr_encrypted: string }>('SELECT cpr_encrypted FROM citizen WHERE id = $1', [citizen.id])).rows[0]!.cpr_encrypted;
    assert.ok(before.startsWith('v1.'));
    const historyBefore = (await server.db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM record_history WHERE row_id = $1', [citizen.id])).rows[0]!.n;
    const next = createCprVault(Buffer.alloc(32, 11), Buffer.alloc(32, 9), { keyId: 'v2', previousKeys: { v1: Buffer.alloc(32, 7) } });
    const result = await rotateCprKey(server.db, next, server.municipality.id, 3);
    assert.ok(result.citizens >= 1);
    const afterRow = (await server.db.owner.query<{ cpr_encrypted: string }>('SELECT cpr_encrypted FROM citizen WHERE id = $1', [citizen.id])).rows[0]!.cpr_encrypted;
    assert.ok(afterRow.startsWith('v2.'));
    assert.equal(next.decrypt(afterRow), server.vault.decrypt(before));
    assert.equal((await server.db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM record_history WHERE row_id = $1', [citizen.id])).rows[0]!.n, historyBefore);
    assert.equal((await rotateCprKey(server.db, next, server.municipality.id)).citizens, 0, 'nothing left under the old key');
    assert.throws(() => server.vault.decrypt(afterRow), 'a vault without the new key cannot read it');
  });
});
