import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Database } from '../db/database.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { testDatabase, testVault } from '../../test/support/harness.ts';
import { code } from '../../test/support/codes.ts';
import type { Language } from '../shared/i18n.ts';
import { runImport } from '../cli/import.ts';
import { importReferrals } from './import-referrals.ts';
import { mapColumns, validateRows } from './referral-rows.ts';
import { csvTable } from './parse-file.ts';

/** Runs on in-memory PGlite, or on PostgreSQL when DATABASE_URL is set. Never truncates: every test uses its own municipality and fresh CPR numbers. */

const vault = testVault();
const NOW = new Date('2026-03-10T12:00:00Z');
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const rnd = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));
const used = new Set<string>();
/** A random CPR number of valid form ("DDMMYY-XXXX"); dayMax ≤ 9 gives one with a leading zero. */
function randomCpr(dayMax = 28): string {
  for (;;) {
    const cpr = `${pad(rnd(1, dayMax))}${pad(rnd(1, 12))}${pad(rnd(0, 99))}-${pad(rnd(0, 9999), 4)}`;
    if (!used.has(cpr)) { used.add(cpr); return cpr; }
  }
}

async function createMunicipality(db: Database): Promise<{ id: string; code: string }> {
  for (;;) {
    const candidate = pad(rnd(0, 999), 3);
    const row = (await db.owner.query<{ id: string }>(
      `INSERT INTO municipality (code, name, sor_code) VALUES ($1, 'Importkommune', '123456789012') ON CONFLICT (code) DO NOTHING RETURNING id`,
      [candidate])).rows[0];
    if (row) return { id: row.id, code: candidate };
  }
}

async function countIn(db: Database, municipalityId: string): Promise<{ citizens: number; referrals: number; diagnoses: number; organizations: number; audit: number }> {
  const n = async (table: string) => Number((await db.owner.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE municipality_id = $1`, [municipalityId])).rows[0]!.n);
  return { citizens: await n('citizen'), referrals: await n('referral'), diagnoses: await n('referral_diagnosis'), organizations: await n('organization'), audit: await n('audit_event') };
}

const HEADER = 'cpr;fornavn;efternavn;adresse;postnummer;by;telefon;henvisningskilde;henvisende_sor;diagnoser;modtaget;årsag';
const goodLines = (cprs: string[], sor: string) => [
  `${cprs[0]};Karen;Jensen;Vestergade 1;8000;Aarhus C;12 34 56 78;Egen læge/vagtlæge;${sor};DE11;01-03-2026;"Type 2-diabetes; vægttab"`,
  `${cprs[1]};Ali;Hassan;;8200;Aarhus N;;Sygehus - medicinsk;;"DJ44; T90";2026-03-02 10:30;KOL`,
  `${cprs[2]};Mette;Nielsen;;;;;Borger;;;03.03.2026;`,
  `${cprs[0]};Karen;Jensen;;;;;Egen læge/vagtlæge;${sor};DI10;05.03.2026 09:15;Forhøjet blodtryk`,
];

describe('ligevej import referrals (database)', () => {
  let db: Database;
  let dir: string;
  before(async () => {
    db = await testDatabase();
    dir = await mkdtemp(join(tmpdir(), 'ligevej-import-'));
  });
  after(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function run(args: string[], lang: Language = 'da', database: Database = db) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runImport(args, {
      open: async () => ({ db: database, vault, close: async () => undefined }), now: () => NOW, lang,
      out: (l) => out.push(l), err: (l) => err.push(l),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  async function csv(name: string, lines: string[]): Promise<string> {
    const file = join(dir, name);
    await writeFile(file, `\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`);
    return file;
  }

  it('imports nothing when one row is bad, and names the row and column without printing CPR numbers', async () => {
    const m = await createMunicipality(db);
    const cprs = [randomCpr(), randomCpr(), randomCpr()];
    const lines = goodLines(cprs, '123456789');
    lines[2] = lines[2]!.replace('Borger', 'Naboen');
    const file = await csv('one-bad.csv', lines);
    const result = await run(['referrals', file, '--municipality', m.code]);
    assert.equal(result.code, 1, result.err);
    assert.match(result.err, /Intet er importeret: 1 række/);
    assert.match(result.err, /Række 4, kolonne H: Feltet "henvisningskilde" skal være en af: .*"Egen læge\/vagtlæge"/);
    for (const cpr of cprs) {
      assert.doesNotMatch(result.err + result.out, new RegExp(cpr.slice(0, 6)));
    }
    assert.deepEqual(await countIn(db, m.id), { citizens: 0, referrals: 0, diagnoses: 0, organizations: 0, audit: 0 });

    const en = await run(['referrals', file, '--municipality', m.code], 'en');
    assert.match(en.err, /Nothing was imported: 1 row/);
    assert.match(en.err, /Row 4, column H: The field "henvisningskilde" must be one of:/);
  });

  it('imports a good CSV in one go, and re-running it imports nothing new', async () => {
    const m = await createMunicipality(db);
    const cprs = [randomCpr(), randomCpr(), randomCpr()];
    const sor = String(rnd(100000000, 999999999));
    const file = await csv('good.csv', goodLines(cprs, sor));

    const first = await run(['referrals', file, '--municipality', m.code]);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /4 nye henvisninger, 0 var allerede importeret \(4 rækker\)\. Borgere: 3 nye, 0 kendte\. Nye henvisende organisationer: 1\./);
    assert.deepEqual(await countIn(db, m.id), { citizens: 3, referrals: 4, diagnoses: 4, organizations: 1, audit: 3 + 4 + 1 + 1 });

    const karen = (await db.tenantTransaction(m.id, (tx) => tx.query<{ given_name: string; postal_code: string; birth_date: string }>(
      'SELECT given_name, postal_code, birth_date::text FROM citizen WHERE cpr_hash = $1', [vault.lookupHash(cprs[0]!.replace('-', ''))]))).rows;
    assert.equal(karen.length, 1);
    assert.equal(karen[0]!.given_name, 'Karen');
    const referral = (await db.tenantTransaction(m.id, (tx) => tx.query<{ source_code: string; received_at: Date; reason: string; kind: string; id_value: string; stage: string }>(
      `SELECT r.source_code, r.received_at, r.reason, o.kind, o.id_value, r.stage FROM referral r JOIN organization o ON o.id = r.referring_organization_id
        WHERE r.received_at = '2026-03-01T00:00:00+01:00'`))).rows;
    assert.equal(referral.length, 1);
    assert.equal(referral[0]!.source_code, code('referralSources', 'Egen læge/vagtlæge'));
    assert.equal(referral[0]!.reason, 'Type 2-diabetes; vægttab');
    assert.equal(referral[0]!.kind, 'gp');
    assert.equal(referral[0]!.id_value, sor);
    assert.equal(referral[0]!.stage, 'received');
    const facts = Number((await db.owner.query<{ n: string }>('SELECT count(*) AS n FROM pathway_fact WHERE municipality_id = $1', [m.id])).rows[0]!.n);
    assert.equal(facts, 4, 'the analytics fact rows are refreshed');

    const audit = (await db.owner.query<{ actor_role: string; actor_id: string | null; detail: Record<string, unknown> }>(
      `SELECT actor_role, actor_id, detail FROM audit_event WHERE municipality_id = $1 AND action = 'import'`, [m.id])).rows;
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor_role, 'system_import');
    assert.equal(audit[0]!.actor_id, null);
    assert.deepEqual({ ...audit[0]!.detail, fileSha256: undefined }, {
      rows: 4, referralsCreated: 4, referralsAlreadyImported: 0, citizensCreated: 3, citizensReused: 0, organizationsCreated: 1, format: 'csv', fileSha256: undefined,
    });
    for (const cpr of cprs) assert.doesNotMatch(JSON.stringify(audit), new RegExp(cpr.replace('-', '-?')));

    const again = await run(['referrals', file, '--municipality', m.code]);
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /0 nye henvisninger, 4 var allerede importeret \(4 rækker\)\. Borgere: 0 nye, 3 kendte\. Nye henvisende organisationer: 0\./);
    const after = await countIn(db, m.id);
    assert.deepEqual({ ...after, audit: undefined }, { citizens: 3, referrals: 4, diagnoses: 4, organizations: 1, audit: undefined });

    // A grown file: only the new row is imported, its known citizen reused.
    const grown = await csv('grown.csv', [...goodLines(cprs, sor), `${cprs[1]};Ali;Hassan;;;;;Speciallæge;;;06.03.2026;`]);
    const third = await run(['referrals', grown, '--municipality', m.code]);
    assert.match(third.out, /1 nye henvisninger, 4 var allerede importeret \(5 rækker\)\. Borgere: 0 nye, 3 kendte/);
    assert.equal((await countIn(db, m.id)).referrals, 5);
  });

  it('changes nothing in a dry run but reports what would happen', async () => {
    const m = await createMunicipality(db);
    const file = await csv('dry.csv', goodLines([randomCpr(), randomCpr(), randomCpr()], '123456789'));
    const result = await run(['referrals', file, '--municipality', m.code, '--dry-run']);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /Prøvekørsel – intet er gemt\. .* 4 nye henvisninger/);
    assert.deepEqual(await countIn(db, m.id), { citizens: 0, referrals: 0, diagnoses: 0, organizations: 0, audit: 0 });
  });

  it('rolls everything back when the database refuses a row half-way', async () => {
    const m = await createMunicipality(db);
    const table = csvTable(Buffer.from([HEADER, ...goodLines([randomCpr(), randomCpr(), randomCpr()], '123456789')].join('\n')));
    const result = validateRows(table, mapColumns(table.headers), NOW);
    assert.ok(result.ok);
    // Valid for the validator, refused by the database (a CHECK constraint) on the last row.
    const rows = result.rows.map((r, i) => (i === 3 ? { ...r, referral: { ...r.referral, referring: { sor: '987654321', kind: 'bakery' as 'gp' } } } : r));
    await assert.rejects(importReferrals(db, vault, m.id, rows, { now: NOW, dryRun: false, source: { format: 'csv', sha256: 'x' } }), /check constraint/);
    assert.deepEqual(await countIn(db, m.id), { citizens: 0, referrals: 0, diagnoses: 0, organizations: 0, audit: 0 });
  });

  it('round-trips an XLSX file with date cells, number cells and English headers', async () => {
    const m = await createMunicipality(db);
    const cprs = [randomCpr(9), randomCpr()];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Referrals');
    ws.addRow(['CPR', 'Given_Name', 'Family_Name', 'Postal_Code', 'Referral_Source', 'Referring_SOR', 'Diagnoses', 'Received', 'Reason']);
    // Excel has dropped the CPR number's leading zero and the postcode's; the dates are real date cells.
    ws.addRow([Number(cprs[0]!.replace('-', '')), 'Jens', 'Berg', 800, 'Egen læge/vagtlæge', 123456789, 'DE11', new Date(Date.UTC(2026, 2, 1)), 'Diabetes']);
    ws.addRow([cprs[1], 'Sara', 'Lund', '8000', code('referralSources', 'Borger'), null, null, new Date(Date.UTC(2025, 6, 1, 10, 30)), null]);
    ws.getColumn(8).numFmt = 'dd-mm-yyyy hh:mm';
    const file = join(dir, 'henvisninger.xlsx');
    await wb.xlsx.writeFile(file);

    const first = await run(['referrals', file, '--municipality', m.code]);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /2 nye henvisninger, 0 var allerede importeret/);
    const rows = (await db.tenantTransaction(m.id, (tx) => tx.query<{ given_name: string; postal_code: string | null; received_at: Date }>(
      'SELECT c.given_name, c.postal_code, r.received_at FROM referral r JOIN citizen c ON c.id = r.citizen_id ORDER BY r.received_at'))).rows;
    assert.deepEqual(rows.map((r) => [r.given_name, r.postal_code, new Date(r.received_at).toISOString()]), [
      ['Sara', '8000', '2025-07-01T08:30:00.000Z'], ['Jens', '0800', '2026-02-28T23:00:00.000Z'],
    ]);
    const jens = await db.tenantTransaction(m.id, (tx) => tx.query('SELECT 1 FROM citizen WHERE cpr_hash = $1', [vault.lookupHash(cprs[0]!.replace('-', ''))]));
    assert.equal(jens.rows.length, 1, 'the leading zero is restored before hashing');

    const again = await run(['referrals', file, '--municipality', m.code]);
    assert.match(again.out, /0 nye henvisninger, 2 var allerede importeret/);
    // The same referrals typed as text in a CSV are recognised too.
    const asCsv = join(dir, 'same-as-xlsx.csv');
    await writeFile(asCsv, `cpr,fornavn,efternavn,henvisningskilde,modtaget\n${cprs[0]},Jens,Berg,Egen læge/vagtlæge,01-03-2026\n${cprs[1]},Sara,Lund,Borger,01.07.2025 10:30\n`);
    const fromCsv = await run(['referrals', asCsv, '--municipality', m.code]);
    assert.match(fromCsv.out, /0 nye henvisninger, 2 var allerede importeret/);
    assert.equal((await countIn(db, m.id)).referrals, 2);
  });

  it('exits 2 for usage and file errors, naming the flag, the file problem or the missing column', async () => {
    const m = await createMunicipality(db);
    const good = await csv('usage.csv', goodLines([randomCpr(), randomCpr(), randomCpr()], '123456789'));
    const cases: [string[], RegExp][] = [
      [[], /Brug: ligevej import referrals FIL/],
      [['citizens', good], /Brug:/],
      [['referrals', good, '--bogus'], /Brug:/],
      [['referrals', join(dir, 'h.xls'), '--municipality', m.code], /Filtypen "\.xls" kan ikke importeres/],
      [['referrals', join(dir, 'missing.csv'), '--municipality', m.code], /kunne ikke læses \(ENOENT\)/],
      [['referrals', good, '--municipality', '12'], /--municipality skal være en kommunekode på 3 cifre/],
      [['referrals', good, '--municipality', m.code === '999' ? '998' : '999'], /ingen kommune med koden/],
    ];
    for (const [args, pattern] of cases) {
      const r = await run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, pattern, args.join(' '));
    }
    const noSource = join(dir, 'no-source.csv');
    await writeFile(noSource, 'cpr;fornavn;efternavn;modtaget\n0101701234;A;B;2026-03-01\n');
    const missing = await run(['referrals', noSource, '--municipality', m.code]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /Kolonnen "henvisningskilde" mangler i filen\./);
    const missingEn = await run(['referrals', noSource, '--municipality', m.code], 'en');
    assert.match(missingEn.err, /The column "henvisningskilde" is missing from the file\./);
    const twice = join(dir, 'twice.csv');
    await writeFile(twice, `${HEADER};given_name\n`);
    assert.match((await run(['referrals', twice, '--municipality', m.code])).err, /Kolonnen "given_name" står flere gange/);
    // More than one municipality in the database and no flag.
    await createMunicipality(db);
    const noFlag = await run(['referrals', good]);
    assert.equal(noFlag.code, 2);
    assert.match(noFlag.err, /Angiv kommunen med --municipality KODE/);
    assert.deepEqual(await countIn(db, m.id), { citizens: 0, referrals: 0, diagnoses: 0, organizations: 0, audit: 0 });
  });

  it('uses the only municipality when --municipality is left out', async () => {
    // A database with exactly one municipality: a fresh in-memory PGlite on both test legs.
    const fresh = await openDatabase({});
    try {
      await migrate(fresh);
      const m = await createMunicipality(fresh);
      const file = await csv('only.csv', goodLines([randomCpr(), randomCpr(), randomCpr()], '123456789'));
      const r = await run(['referrals', file], 'da', fresh);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, new RegExp(`Importeret til ${m.code} Importkommune: 4 nye henvisninger`));
    } finally {
      await fresh.close();
    }
  });
});
