import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../db/database.ts';
import { buildPathwayFact, factRow, pathwayFactColumns } from '../analytics/pathway-fact.ts';
import { loadCourseSnapshot } from '../analytics/refresh-fact.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { createMunicipality, testDatabase, testVault } from '../../test/support/harness.ts';
import { assertForeignKeys } from './bulk-integrity.ts';
import { DEMO_PASSWORD, loadDemoData, type DemoResult } from './load.ts';

describe('ligevej demo-data (database)', () => {
  let db: Database;
  let result: DemoResult;
  const vault = testVault();
  before(async () => {
    db = await testDatabase();
    result = await loadDemoData(db, vault, { municipalities: 1, citizens: 400, seed: 5, referenceDate: new Date('2026-11-23T12:00:00Z'), batchSize: 150 });
  });
  after(() => db.close());

  it('writes what it reports, visible in the municipality\'s own context', async () => {
    const m = result.municipalities[0]!;
    assert.match(m.code, /^9\d\d$|^\d{4,}$/);
    assert.equal(result.counts.citizen, 400);
    assert.equal(result.counts.referral, 400);
    for (const table of ['citizen', 'referral', 'encounter', 'observation', 'pathway_fact', 'social_position_item'] as const) {
      const n = await db.tenantTransaction(m.id, (tx) => tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`));
      assert.equal(n.rows[0]!.n, result.counts[table], table);
    }
  });

  it('stores CPR numbers encrypted and findable by their keyed hash only', async () => {
    const m = result.municipalities[0]!;
    const rows = (await db.tenantTransaction(m.id, (tx) => tx.query<{ cpr_hash: string; cpr_encrypted: string; birth_date: string }>(
      'SELECT cpr_hash, cpr_encrypted, birth_date::text FROM citizen LIMIT 20'))).rows;
    for (const r of rows) {
      const cpr = vault.decrypt(r.cpr_encrypted);
      assert.doesNotMatch(r.cpr_encrypted, new RegExp(cpr));
      assert.equal(r.cpr_hash, vault.lookupHash(cpr));
      assert.equal(r.birth_date.slice(8, 10) + r.birth_date.slice(5, 7), cpr.slice(0, 4));
    }
  });

  it('writes the same fact rows the live write path would compute from the stored course', async () => {
    const m = result.municipalities[0]!;
    await db.tenantTransaction(m.id, async (tx) => {
      const sample = (await tx.query<Record<string, unknown>>(`SELECT ${pathwayFactColumns.join(', ')} FROM pathway_fact ORDER BY referral_id LIMIT 60`)).rows;
      for (const stored of sample) {
        const snapshot = await loadCourseSnapshot(tx, stored.referral_id as string);
        const live = factRow(buildPathwayFact(snapshot!));
        const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null ? null : typeof v === 'number' ? v : String(v));
        assert.deepEqual(pathwayFactColumns.map((c) => norm(stored[c])), live.map(norm), `fact of ${stored.referral_id as string}`);
      }
    });
  });

  it('bridges some completers to association offers, and their facts carry the "bridged" step', async () => {
    const m = result.municipalities[0]!;
    assert.ok((result.counts.bridge ?? 0) > 0, 'the demo bridges citizens');
    await db.tenantTransaction(m.id, async (tx) => {
      const n = async (sql: string) => (await tx.query<{ n: number }>(sql)).rows[0]!.n;
      assert.equal(await n('SELECT count(*)::int AS n FROM bridge'), result.counts.bridge);
      assert.equal(await n('SELECT count(*)::int AS n FROM bridge_follow_up'), 2 * result.counts.bridge!, 'follow-ups at 3 and 6 months');
      assert.equal(await n(`SELECT count(*)::int AS n FROM bridge b JOIN pathway_fact f ON f.referral_id = b.referral_id WHERE f.outcome <> 'completed' OR f.bridged_at IS NULL`), 0,
        'only completers are bridged, and each fact knows it');
      const sample = (await tx.query<Record<string, unknown>>(`SELECT ${pathwayFactColumns.join(', ')} FROM pathway_fact WHERE bridged_at IS NOT NULL ORDER BY referral_id LIMIT 10`)).rows;
      assert.ok(sample.length > 0);
      for (const stored of sample) {
        const live = buildPathwayFact((await loadCourseSnapshot(tx, stored.referral_id as string))!);
        assert.equal((stored.bridged_at as Date).toISOString(), live.bridged_at?.toISOString());
      }
    });
  });

  it('writes complete questionnaire responses whose scores the facts carry (self-rated health, activity, smoking)', async () => {
    const m = result.municipalities[0]!;
    assert.ok((result.counts.questionnaire_response ?? 0) > 0);
    await db.tenantTransaction(m.id, async (tx) => {
      const sample = (await tx.query<Record<string, unknown>>(
        `SELECT ${pathwayFactColumns.join(', ')} FROM pathway_fact WHERE srh_end IS NOT NULL ORDER BY referral_id LIMIT 10`)).rows;
      assert.ok(sample.length > 0, 'some completers answered at the end');
      for (const stored of sample) {
        const live = buildPathwayFact((await loadCourseSnapshot(tx, stored.referral_id as string))!);
        for (const c of ['srh_baseline', 'srh_end', 'activity_baseline', 'activity_end', 'smoker_baseline', 'smoker_end', 'who5_end'] as const) assert.equal(stored[c], live[c], c);
      }
      const who5 = (await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM questionnaire_response r JOIN observation o ON o.id = (r.derived->'observations'->>0)::uuid
          WHERE o.measure = 'who5' AND o.time_point = r.time_point`)).rows[0]!.n;
      assert.equal(who5, result.counts.questionnaire_response, 'each response points to the WHO-5 observation it gave');
    });
  });

  it('creates demo logins with the demo password and records the load in an intact audit chain', async () => {
    const m = result.municipalities[0]!;
    assert.deepEqual(m.logins.map((l) => l.role).sort(), ['admin', 'clinician', 'clinician', 'clinician', 'coordinator', 'manager']);
    const hash = (await db.owner.query<{ password_hash: string }>('SELECT password_hash FROM staff_user WHERE username = $1', [m.logins[0]!.username])).rows[0]!.password_hash;
    assert.equal(await verifyPassword(hash, DEMO_PASSWORD), true);
    const verified = await verifyAuditChain(db, { municipalityId: m.id });
    assert.equal(verified.firstBreak, null);
    assert.equal(verified.checked, 1);
  });

  it('finds a dangling reference left by a load that skipped the row triggers', async () => {
    const other = await createMunicipality(db);
    await assert.rejects(db.ownerTransaction(async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query(`INSERT INTO referral (municipality_id, citizen_id, source_code, received_at) VALUES ($1, gen_random_uuid(), 'x', now())`, [other.id]);
      await assertForeignKeys(tx, ['referral'], other.id);
    }), /referral\.citizen_id point to no citizen/);
    const left = await db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM referral WHERE municipality_id = $1', [other.id]);
    assert.equal(left.rows[0]!.n, 0, 'the failed load rolled back');
  });
});
