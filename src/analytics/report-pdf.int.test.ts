import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client, startTestServer, type TestServer } from '../../test/support/harness.ts';
import { DEMO_PASSWORD, loadDemoData } from '../demo/load.ts';
import { pdfText } from './report-pdf-text.ts';

/** The annual report PDF on a seeded municipality: rendered, its text extracted, headings and figures checked. */
describe('GET /api/equity/report.pdf', () => {
  let server: TestServer;
  let municipalityId: string;
  const year = 2025;
  // The demo's logins: plain names in a fresh database, suffixed with the code when PostgreSQL already has a demo municipality.
  let logins: { username: string; role: string }[] = [];
  const login = async (role: string) => {
    const username = logins.find((l) => l.role === role)!.username;
    const client = new Client(server.url);
    assert.equal((await client.post('/api/auth/login', { username, password: DEMO_PASSWORD })).status, 200);
    return client;
  };
  const pdf = async (client: Client, query: string) => {
    const res = await fetch(`${server.url}/api/equity/report.pdf?${query}`, { headers: { cookie: client.cookie } });
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body: Buffer.from(await res.arrayBuffer()) };
  };

  before(async () => {
    server = await startTestServer();
    const demo = await loadDemoData(server.db, server.vault, { municipalities: 1, citizens: 250, seed: 7, referenceDate: new Date('2026-06-30T12:00:00Z') });
    municipalityId = demo.municipalities[0]!.id;
    logins = demo.municipalities[0]!.logins;
  });
  after(async () => { await server?.close(); });

  it('renders the report in Danish with every heading, the year\'s figures and the suppression applied for a manager', async () => {
    const res = await pdf(await login('manager'), `year=${year}`);
    assert.equal(res.status, 200);
    assert.equal(res.type, 'application/pdf');
    assert.match(res.disposition ?? '', /attachment; filename="ligevej-aarsrapport-2025.pdf"/);
    assert.equal(res.body.subarray(0, 5).toString(), '%PDF-');
    const text = pdfText(res.body);
    for (const h of ['Årsrapport 2025: lighed i forebyggelsesforløbene', '1. Sammenfatning', '2. Forløbet trin for trin', '3. Forskelle til referencegruppen',
      '4. Frafald og årsager', '5. Ventetid', '6. Effekt for grupperne', '7. Kvalitetsindikatorer', '8. Metode', '9. Små tal og diskretion']) {
      assert.ok(text.includes(h), `heading "${h}" in ${JSON.stringify(text.slice(0, 40))}`);
    }
    const referred = (await server.db.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pathway_fact WHERE municipality_id = $1
         AND referred_at >= '2025-01-01'::timestamp AT TIME ZONE 'Europe/Copenhagen' AND referred_at < '2026-01-01'::timestamp AT TIME ZONE 'Europe/Copenhagen'`, [municipalityId])).rows[0]!.n;
    assert.ok(referred > 0);
    assert.ok(text.some((l) => l.startsWith(`I alt ${referred} henvisninger i 2025.`)), 'the year\'s referrals in the summary');
    assert.ok(text.some((l) => l.startsWith('Diskretionering er anvendt: antal fra 1 til 4 vises som "<5"')), 'the suppression applied is stated');
    assert.ok(text.some((l) => /^Den største forskel er ved trinnet »|^Der er ikke tal nok/.test(l)), 'a plain-language summary');
    assert.ok(text.some((l) => l.includes('Gennemførelse')), 'the quality indicators');
    assert.ok(text.some((l) => l.includes('Brobygget til forening')), 'the cascade\'s bridged step');
    for (const h of ['6.1 Start til slut', '6.2 Start til opfølgning']) assert.ok(text.includes(h), `effect heading "${h}"`);
    for (const measure of ['Trivsel (WHO-5)', 'Selvvurderet helbred', 'Vægt', 'BMI', 'Taljemål', 'Blodtryk, systolisk', 'Blodtryk, diastolisk', 'Langtidsblodsukker (HbA1c)', 'Fysisk aktivitet', 'Rygning']) {
      for (const when of ['start til slut', 'start til opfølgning']) {
        assert.ok(text.some((l) => l.includes(`. ${measure}, ${when}:`)), `effect table for ${measure}, ${when}`);
      }
    }
    assert.ok(text.some((l) => l.startsWith('Forskel til')) && /forskel = gruppens ændring minus referencegruppens \(Welchs 95 %-KI\)/.test(text.join(' ')), 'does the effect differ: a column and its definition');
    assert.ok(text.some((l) => l.startsWith('Rygning er ja/nej')), 'the method note on smoking');
    assert.ok(text.some((l) => l.startsWith('Brobygget til forening: en borger, der gennemførte og blev fulgt op')), 'the bridged step defined in the method notes');
  });

  it('states that nothing is hidden for a role with record access, and refuses a year out of range', async () => {
    const coordinator = await login('coordinator');
    const text = pdfText((await pdf(coordinator, `year=${year}&dimension=labour_market`)).body);
    assert.ok(text.some((l) => l.startsWith('Rapporten er dannet af en bruger med adgang til borgernes journaler')));
    assert.ok(text.some((l) => l.includes('Opdelt efter tilknytning til arbejdsmarkedet')), JSON.stringify(text.slice(0, 5)));
    assert.equal((await pdf(coordinator, 'year=1999')).status, 400);
  });
});
