import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../../test/support/harness.ts';
import { createCitizen, createReferral, createTeam } from '../../test/support/fixtures.ts';
import { createWalkingClub } from '../../test/support/associations.ts';
import type { Queryable } from '../db/database.ts';
import { freeTextTargets, notFreeText } from './free-text.ts';

const SECRET = 'Fortroligt: hustruen er syg';
const idLike = (c: string) => c === 'id' || c.endsWith('_id') || c.endsWith('_hash') || c.endsWith('_encrypted');

async function insert(tx: Queryable, table: string, row: Record<string, unknown>): Promise<string> {
  const cols = Object.keys(row);
  const res = await tx.query<{ id: string }>(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id::text`,
    cols.map((c) => (row[c] !== null && typeof row[c] === 'object' && !(row[c] instanceof Date) ? JSON.stringify(row[c]) : row[c])));
  return res.rows[0]!.id;
}

describe('retention removes free text about the citizen from every feature\'s tables', () => {
  let server: TestServer;
  before(async () => { server = await startTestServer(); });
  after(() => server.close());

  it('knows every text column of the tables about a citizen: free text to remove, or a code to keep', async () => {
    const rows = (await server.db.owner.query<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
        WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'jsonb', 'character varying', 'ARRAY')
          AND c.table_name IN (SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name IN ('citizen_id', 'referral_id', 'bridge_id'))
          AND c.table_name NOT IN ('citizen', 'record_history')`)).rows;
    const known = new Set([...freeTextTargets.flatMap((t) => [...t.clear, ...(t.replace ?? [])].map((c) => `${t.table}.${c}`)),
      ...Object.entries(notFreeText).flatMap(([t, cs]) => cs.map((c) => `${t}.${c}`))]);
    const unknown = rows.filter((r) => !idLike(r.column_name) && !known.has(`${r.table_name}.${r.column_name}`)).map((r) => `${r.table_name}.${r.column_name}`);
    assert.deepEqual(unknown, [], 'a text column about citizens that the retention job does not know: add it to free-text.ts');
  });

  it('empties notes, reasons, contact details and free-text answers, and deletes their earlier versions', async () => {
    const { db, municipality } = server;
    const m = municipality.id;
    const coordinator = await server.login('coordinator');
    const citizen = await createCitizen(coordinator, 'Fri', 'Tekst');
    const referral = await createReferral(coordinator, citizen.id, '2010-01-01T08:00:00Z');
    const team = await createTeam(db, m, 'Holdet', new Date('2010-02-01T09:00:00Z'), 2);
    const club = await createWalkingClub(coordinator);
    const c = { municipality_id: m, citizen_id: citizen.id };
    const r = { ...c, referral_id: referral.id };
    const at = '2010-02-01T09:00:00Z';
    const rows: Record<string, string> = {};
    await db.ownerTransaction(async (tx) => {
      await tx.query('UPDATE referral SET stage = $2, updated_at = $3, reason = $4 WHERE id = $1', [referral.id, 'followed_up', '2012-01-01', SECRET]);
      rows.contact_attempt = await insert(tx, 'contact_attempt', { municipality_id: m, referral_id: referral.id, attempted_at: at, channel: 'phone', outcome: 'reached', note: SECRET });
      rows.condition = await insert(tx, 'condition', { ...r, code: 'DE11', recorded_on: '2010-02-01', clinical_status: 'active', note: SECRET });
      rows.encounter = await insert(tx, 'encounter', { ...r, purpose: 'clarifying_conversation', class: 'AMB', start_at: at, end_at: at, status: 'finished', note: SECRET });
      rows.citizen_need = await insert(tx, 'citizen_need', { ...c, note: SECRET });
      const intervention = await insert(tx, 'intervention', { ...r, fsiii_code: 'Forebyggelse', delivery_type: 'team', granted_on: '2010-02-01', status: 'not-started' });
      rows.attendance_call = await insert(tx, 'attendance_call', { ...r, intervention_id: intervention, called_at: at, outcome: 'continues', note: SECRET });
      rows.citizen_consent = await insert(tx, 'citizen_consent', { ...c, purpose: 'research', state: 'given', effective_on: '2010-02-01', method: 'written', note: SECRET });
      rows.health_literacy_assessment = await insert(tx, 'health_literacy_assessment', { ...r, areas: {}, overall_rating: 2, digital_literacy: 'needs_help', assessed_at: at, note: SECRET });
      rows.stratification = await insert(tx, 'stratification', { ...r, model: 'm', model_version: '1', inputs: {}, recommended_level: 'standard', reasons: [], final_level: 'extended', decided_at: at, override_reason: SECRET });
      rows.team_waiting = await insert(tx, 'team_waiting', { ...r, team_id: team.id, note: SECRET });
      rows.bridge = await insert(tx, 'bridge', { ...r, association_offer_id: club.offerId, bridged_on: '2010-03-01', companion: 'none', note: SECRET });
      rows.bridge_follow_up = await insert(tx, 'bridge_follow_up', { municipality_id: m, bridge_id: rows.bridge, months: 3, due_on: '2010-06-01', note: SECRET });
      rows.questionnaire_link = await insert(tx, 'questionnaire_link', { ...r, questionnaire_url: 'urn:q', questionnaire_version: '1', time_point: 'end', token_hash: randomUUID(), channel: 'sms', expires_at: at, contact_phone: '+4512345678' });
      rows.notification_outbox = await insert(tx, 'notification_outbox', { ...c, channel: 'sms', recipient: '+4512345678', template: 't', body: `Hej Fri. ${SECRET}`, dedupe_key: randomUUID(), due_at: at, status: 'sent' });
      const campaign = await insert(tx, 'campaign', { municipality_id: m, name: 'Kampagne', starts_on: '2010-01-01', ends_on: '2010-12-31' });
      rows.campaign_contact = await insert(tx, 'campaign_contact', { ...r, campaign_id: campaign, source: 'referral', given_name: 'Fri', family_name: 'Tekst', phone: '12345678', address: 'Vejen 1', legal_basis_note: SECRET });
      rows.questionnaire_response = await insert(tx, 'questionnaire_response', { ...r, questionnaire_url: 'urn:q', questionnaire_version: '1', time_point: 'baseline', mode: 'staff', status: 'in-progress', authored_at: at,
        answers: [{ linkId: 'who5-1', answer: [{ valueCoding: { code: '3' } }] }, { linkId: 'comment', answer: [{ valueString: SECRET }] }] });
      // An earlier version of a note (the trigger keeps it when the note is corrected).
      await tx.query('UPDATE encounter SET note = $2 WHERE id = $1', [rows.encounter, `${SECRET} (rettet)`]);
    });
    const covered = new Set(Object.keys(rows).concat('referral'));
    assert.deepEqual(freeTextTargets.map((t) => t.table).filter((t) => !covered.has(t)), [], 'every target is filled here');
    const dump = async () => JSON.stringify((await db.owner.query(`SELECT to_jsonb(x) AS row FROM (
      ${Object.keys(rows).map((table) => `SELECT to_jsonb(${table}) AS j FROM ${table} WHERE id::text = ANY($1)`).join(' UNION ALL ')}
      UNION ALL SELECT to_jsonb(referral) FROM referral WHERE id = $2
      UNION ALL SELECT data FROM record_history WHERE municipality_id = $3 AND (row_id::text = ANY($1) OR row_id = $2)) x`, [Object.values(rows), referral.id, m])).rows);
    const before = await dump();
    assert.ok(before.includes(SECRET) && before.includes('+4512345678') && before.includes('Vejen 1'), 'the test data holds the free text');

    // Stored answers for idempotent retries: an old one (with the citizen's words) and one from today.
    await db.owner.query(`INSERT INTO idempotency_record (municipality_id, user_id, key, request_hash, status_code, response_body, created_at)
      VALUES ($1, $2, $3, 'h', 201, $4, $5), ($1, $2, $6, 'h', 201, '{}', $7)`,
      [m, coordinator.userId, `old-${randomUUID()}`, JSON.stringify({ note: SECRET }), new Date(server.clock.now.getTime() - 8 * 86_400_000), `new-${randomUUID()}`, server.clock.now]);
    const admin = await server.login('admin');
    const dry = await admin.get('/api/gdpr/retention/dry-run');
    const run = await admin.post('/api/gdpr/retention/run', { count: dry.body.candidates.length, fingerprint: dry.body.fingerprint });
    assert.equal(run.status, 200);
    assert.ok(run.body.anonymised.some((a: { citizenId: string }) => a.citizenId === citizen.id));
    const replays = (await db.owner.query<{ key: string }>('SELECT key FROM idempotency_record WHERE municipality_id = $1 AND user_id = $2', [m, coordinator.userId])).rows.map((x) => x.key.slice(0, 4));
    assert.deepEqual(replays.filter((k) => k === 'old-' || k === 'new-'), ['new-'], 'stored answers older than a week are deleted');
    const afterRun = await dump();
    assert.ok(!afterRun.includes('Fortroligt'), `no free text is left: ${afterRun.slice(afterRun.indexOf('Fortroligt') - 200, afterRun.indexOf('Fortroligt') + 50)}`);
    assert.ok(!afterRun.includes('12345678') && !afterRun.includes('Vejen 1'), 'no phone numbers or addresses are left');
    const kept = (await db.owner.query<{ answers: unknown; final_level: string; override_reason: string; erased: boolean; code: string }>(
      `SELECT q.answers, s.final_level, s.override_reason, cc.erased_at IS NOT NULL AS erased, co.code
         FROM questionnaire_response q, stratification s, campaign_contact cc, condition co WHERE q.id = $1 AND s.id = $2 AND cc.id = $3 AND co.id = $4`,
      [rows.questionnaire_response, rows.stratification, rows.campaign_contact, rows.condition])).rows[0]!;
    assert.deepEqual(kept, { answers: [{ linkId: 'who5-1', answer: [{ valueCoding: { code: '3' } }] }], final_level: 'extended', override_reason: 'Anonymiseret', erased: true, code: 'DE11' },
      'codes, levels and coded answers stay for statistics');
  });
});
