import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { createCprVault } from '../citizens/cpr-vault.ts';
import { createCitizen } from '../citizens/citizen-service.ts';
import { createReferral } from '../referrals/referral-service.ts';
import { createMunicipality } from '../../test/support/harness.ts';
import { freshCpr } from '../../test/support/fixtures.ts';
import { code } from '../../test/support/codes.ts';

const oldKey = Buffer.alloc(32, 7);
const lookupKey = Buffer.alloc(32, 9);
const newKey = Buffer.alloc(32, 11);

/** Runs the real command line in a child process on the test's own PGlite data directory (never DATABASE_URL). */
function ligevej(dir: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const rest = { ...process.env };
  delete rest.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, ['src/cli/main.ts', ...args], {
      cwd: join(import.meta.dirname, '..', '..'),
      env: { ...rest, LIGEVEJ_DATA_DIR: dir, LIGEVEJ_CPR_KEY: oldKey.toString('base64'), LIGEVEJ_CPR_LOOKUP_KEY: lookupKey.toString('base64'), LIGEVEJ_LANG: 'da', ...env },
    }, (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
  });
}

describe('ligevej retention and ligevej keys rotate', () => {
  let dir: string;
  const ids = { due: '', recent: '', other: '' };
  const codes = { a: '', b: '' };
  const open = async (): Promise<Database> => openDatabase({ dataDir: join(dir, 'pglite') });
  const query = async <T extends object>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const db = await open();
    try { return (await db.owner.query<T>(sql, params)).rows; } finally { await db.close(); }
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ligevej-gdpr-'));
    const db = await open();
    await migrate(db);
    const vault = createCprVault(oldKey, lookupKey);
    const a = await createMunicipality(db, 'Arkiv');
    const b = await createMunicipality(db, 'Bevar');
    Object.assign(codes, { a: a.code, b: b.code });
    const now = new Date('2026-03-02T09:00:00Z');
    const make = async (municipalityId: string, name: string, stage: string, lastOn: string) => db.tenantTransaction(municipalityId, async (tx) => {
      const actor = { userId: null, role: 'test', municipalityId };
      const citizen = await createCitizen(tx, vault, actor, now, { cpr: freshCpr(), givenName: name, familyName: 'Cli', preferredLanguage: 'da' });
      const referral = await createReferral(tx, actor, now, { citizenId: citizen.id, sourceCode: code('referralSources', 'Egen læge/vagtlæge'), diagnoses: [{ system: 'SKS', code: 'DE11' }], receivedAt: '2010-01-01T08:00:00Z', reason: 'Fri tekst om borgerens situation' } as Parameters<typeof createReferral>[3]);
      await tx.query('UPDATE referral SET stage = $2, updated_at = $3 WHERE id = $1', [referral.id, stage, lastOn]);
      return citizen.id;
    });
    ids.due = await make(a.id, 'Gammel', 'followed_up', '2012-05-01');
    ids.recent = await make(a.id, 'Nylig', 'ended', '2025-01-01');
    ids.other = await make(b.id, 'Anden', 'closed', '2015-01-01');
    await db.close();
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('lists per municipality who would be anonymised, changing nothing (text and JSON)', async () => {
    const run = await ligevej(dir, ['retention', '--dry-run']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Opbevaring: 10 år efter et afsluttet forløb, 5 år efter en henvisning lukket uden forløb\./);
    assert.match(run.stdout, /Prøvekørsel: intet ændres\./);
    assert.match(run.stdout, new RegExp(`${codes.a} Arkiv: 1 borger\\(e\\) ville blive anonymiseret\\.\\n  ${ids.due}  forløb afsluttet  sidste aktivitet 2012-05-01  forfaldt 2022-05-01`));
    assert.match(run.stdout, new RegExp(`${codes.b} Bevar: 1 borger\\(e\\) ville blive anonymiseret\\.\\n  ${ids.other}  henvisning lukket`));
    assert.ok(!run.stdout.includes(ids.recent), 'a course ended last year is kept');
    const json = await ligevej(dir, ['retention', '--dry-run', '--municipality', codes.a, '--json']);
    assert.equal(json.code, 0, json.stderr);
    const body = JSON.parse(json.stdout);
    assert.equal(body.dryRun, true);
    assert.deepEqual(body.municipalities.map((m: { code: string; candidates: { citizenId: string }[] }) => [m.code, m.candidates.map((c) => c.citizenId)]), [[codes.a, [ids.due]]]);
    const rows = await query<{ given_name: string }>('SELECT given_name FROM citizen WHERE id = ANY($1::uuid[]) ORDER BY given_name', [[ids.due, ids.other]]);
    assert.deepEqual(rows.map((r) => r.given_name), ['Anden', 'Gammel'], 'a dry run changes nothing');
    const audit = await query<{ actor_role: string; detail: { dryRun: boolean } }>(`SELECT a.actor_role, a.detail FROM audit_event a JOIN municipality m ON m.id = a.municipality_id WHERE m.code = $1 AND a.action = 'retention_run'`, [codes.a]);
    assert.deepEqual(audit.map((r) => [r.actor_role, r.detail.dryRun]), [['cli', true], ['cli', true]], 'each dry run is audited');
  });

  it('anonymises only the named municipality\'s due citizens with --run, audited', async () => {
    const run = await ligevej(dir, ['retention', '--run', '--municipality', codes.a]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`${codes.a} Arkiv: 1 borger\\(e\\) anonymiseret\\.`));
    const rows = await query<{ id: string; given_name: string; reason: string | null }>(
      'SELECT c.id, c.given_name, r.reason FROM citizen c JOIN referral r ON r.citizen_id = c.id WHERE c.id = ANY($1::uuid[])', [[ids.due, ids.recent, ids.other]]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    assert.deepEqual(byId.get(ids.due), { id: ids.due, given_name: 'Anonymiseret', reason: null });
    assert.equal(byId.get(ids.recent)?.given_name, 'Nylig');
    assert.equal(byId.get(ids.other)?.given_name, 'Anden', 'another municipality is untouched');
    const audit = await query<{ action: string; actor_role: string }>('SELECT action, actor_role FROM audit_event WHERE citizen_id = $1 ORDER BY chain_index', [ids.due]);
    assert.deepEqual(audit.at(-1), { action: 'anonymise', actor_role: 'cli' });
    const again = await ligevej(dir, ['retention', '--dry-run', '--municipality', codes.a, '--json']);
    assert.deepEqual(JSON.parse(again.stdout).municipalities[0].candidates, []);
    const verify = await ligevej(dir, ['audit', 'verify']);
    assert.equal(verify.code, 0, verify.stdout);
  });

  it('re-encrypts CPR numbers under the new key, then finds nothing left; audited', async () => {
    const env = { LIGEVEJ_CPR_KEY: newKey.toString('base64'), LIGEVEJ_CPR_KEY_ID: 'v2', LIGEVEJ_CPR_PREVIOUS_KEYS: `v1:${oldKey.toString('base64')}` };
    const run = await ligevej(dir, ['keys', 'rotate'], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`${codes.a} Arkiv: krypteret igen med nøgle v2: 2 CPR-numre`));
    assert.match(run.stdout, new RegExp(`${codes.b} Bevar: krypteret igen med nøgle v2: 1 CPR-numre`));
    const rows = await query<{ cpr_encrypted: string }>('SELECT cpr_encrypted FROM citizen WHERE id = ANY($1::uuid[])', [[ids.recent, ids.other]]);
    assert.ok(rows.every((r) => r.cpr_encrypted.startsWith('v2.')));
    const next = createCprVault(newKey, lookupKey, { keyId: 'v2', previousKeys: {} });
    assert.match(next.decrypt(rows[0]!.cpr_encrypted), /^\d{10}$/, 'readable with the new key alone');
    const json = await ligevej(dir, ['keys', 'rotate', '--json'], env);
    assert.deepEqual(JSON.parse(json.stdout).municipalities.map((m: { citizens: number; history: number }) => m.citizens + m.history), [0, 0]);
    const audit = await query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'key_rotation' AND actor_role = 'cli'`);
    assert.equal(audit[0]!.n, 4);
  });

  it('refuses wrong usage and unknown municipalities with exit code 2', async () => {
    const neither = await ligevej(dir, ['retention']);
    assert.equal(neither.code, 2);
    assert.match(neither.stderr, /Brug: ligevej retention --dry-run/);
    assert.equal((await ligevej(dir, ['retention', '--dry-run', '--run'])).code, 2);
    const unknown = await ligevej(dir, ['retention', '--run', '--municipality', 'findes-ikke']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, new RegExp(`Ukendt kommune: findes-ikke \\(kendte koder: .*${codes.a}`));
    const keys = await ligevej(dir, ['keys']);
    assert.equal(keys.code, 2);
    assert.match(keys.stderr, /Brug: ligevej keys rotate/);
  });
});
