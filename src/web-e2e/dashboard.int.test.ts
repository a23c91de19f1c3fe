import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { Client, startTestServer, type TestServer } from '../../test/support/harness.ts';
import { DEMO_PASSWORD, loadDemoData } from '../demo/load.ts';
import { cascadeSteps, reachedStep } from '../analytics/cascade-steps.ts';
import { launchChromium } from './browser.ts';
import { assertAccessible, staffPage } from './staff-browser.ts';

/**
 * The equity dashboard in Chromium, as the demo manager ("leder", who sees small counts suppressed)
 * on a seeded municipality of 300 citizens: last year's cascade for the primary-school group matches
 * pathway_fact, the sentence under the gap chart states the API's gap, a filter goes into the address
 * and changes the numbers, a table downloads, and axe finds nothing.
 */
describe('the equity dashboard in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[] = [];
  let municipalityId: string;
  let managerName = 'leder';
  const failed: string[] = [];
  const year = new Date().getFullYear() - 1;

  /** pathway_fact's count at every step for one education group in `year` (Copenhagen days), by the cascade's own step rules. */
  async function expectedCounts(group: string, extra = ''): Promise<number[]> {
    const columns = cascadeSteps.map((s, i) => `count(*) FILTER (WHERE ${reachedStep[s]})::int AS c${i}`).join(', ');
    const row = (await server.db.owner.query<Record<string, number>>(
      `SELECT ${columns} FROM pathway_fact WHERE municipality_id = $1 AND education_group = $2 ${extra}
         AND referred_at >= ($3::date)::timestamp AT TIME ZONE 'Europe/Copenhagen' AND referred_at < ($4::date)::timestamp AT TIME ZONE 'Europe/Copenhagen'`,
      [municipalityId, group, `${year}-01-01`, `${year + 1}-01-01`])).rows[0]!;
    return cascadeSteps.map((_, i) => row[`c${i}`]!);
  }
  const shown = (n: number) => (n >= 1 && n <= 4 ? '<5' : String(n));
  const rowCounts = async (table: string, head: string) =>
    (await page.getByRole('table', { name: table }).getByRole('row', { name: new RegExp(`^${head}`) }).first().locator('td').allTextContents()).map((c) => c.split(' (')[0]!.trim());

  before(async () => {
    server = await startTestServer();
    const demo = await loadDemoData(server.db, server.vault, { municipalities: 1, citizens: 2000, seed: 119, referenceDate: new Date(`${year + 1}-06-30T12:00:00Z`) });
    municipalityId = demo.municipalities[0]!.id;
    // The demo manager: "leder" in a fresh database, suffixed with the code when PostgreSQL already has a demo municipality.
    managerName = demo.municipalities[0]!.logins.find((l) => l.role === 'manager')!.username;
    browser = await launchChromium();
    // A manager has no worklists (they are for roles with access to records): they land on the dashboard.
    ({ page, problems } = await staffPage(browser, server.url, { username: managerName, password: DEMO_PASSWORD }, 'Lighed i forløbene'));
    page.on('response', (r) => { if (r.status() >= 400 && /\/api\/(equity|quality)\//.test(r.url())) failed.push(`${r.status()} ${r.url()}`); });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows last year\'s cascade, the gap in a sentence, filters in the address, exports, and passes axe', async () => {
    assert.equal(new URL(page.url()).pathname, '/lighed');
    const cascadeTable = 'Tabel: Forløbet trin for trin';
    await page.getByRole('table', { name: cascadeTable }).waitFor();
    assert.match(page.url(), new RegExp(`from=${year}-01-01&to=${year}-12-31&dimension=education`), 'last year is the default, in the address');

    const low = await expectedCounts('low');
    assert.ok(low[0]! >= 5, `the demo has primary-school citizens referred in ${year}`);
    assert.deepEqual(await rowCounts(cascadeTable, 'Grundskole'), low.map(shown));
    await page.getByText(/Små tal er skjult: antal fra 1 til 4 vises som "<5"/).first().waitFor();

    // The sentence under the gap chart states the API's widest gap at "Gennemført".
    const manager = new Client(server.url);
    assert.equal((await manager.post('/api/auth/login', { username: managerName, password: DEMO_PASSWORD })).status, 200);
    const api = (await manager.get(`/api/equity/cascade?from=${year}-01-01&to=${year}-12-31&dimension=education`)).body;
    const completed = api.comparisons.find((c: { step: string }) => c.step === 'completed');
    const gaps = completed.groups.filter((g: any) => !g.isReference && g.difference.value !== null).sort((a: any, b: any) => a.difference.value - b.difference.value);
    const sentence = page.locator('.dashboard-sentence').nth(1);
    if (gaps.length === 0) assert.equal(await sentence.textContent(), 'Der er ikke tal nok til at sammenligne grupperne.');
    else {
      const gap = gaps[0];
      const points = Math.round(Math.abs(gap.difference.value) * 100);
      const text = await sentence.textContent() ?? '';
      if (points === 0) assert.match(text, /ingen forskel/);
      else {
        assert.match(text, new RegExp(`trinnet »Gennemført« ${points} procentpoint ${gap.difference.value < 0 ? 'sjældnere' : 'oftere'} end borgere i gruppen »Videregående« \\(95 %-KI `));
        const [lo, hi] = gap.difference.value < 0 ? [-gap.difference.ciHigh, -gap.difference.ciLow] : [gap.difference.ciLow, gap.difference.ciHigh];
        // The page writes "lo–hi", or "lo til hi" when the interval starts below zero.
        const ci = lo < 0 ? `${Math.round(lo * 100)} til ${Math.round(hi * 100)}` : `${Math.round(lo * 100)}–${Math.round(hi * 100)}`;
        assert.ok(text.includes(ci.replaceAll('-', '−')), text);
      }
    }
    assert.deepEqual((await page.getByRole('table', { name: cascadeTable }).locator('thead th').allTextContents()).slice(-2), ['Fulgt op', 'Brobygget til forening']);
    await assertAccessible(page, 'the dashboard');
    await shot(page, 'dashboard');
    await shot(page, 'dashboard-gaps', page.locator('section:has(> h2#dash-equity)'));
    await shot(page, 'dashboard-quality', page.locator('section:has(> h2#dash-quality)'));

    // Effect: weight from start to end (the README's picture: the most pairs), then to follow-up, chosen in the effect section and kept in the address.
    await page.getByLabel('Mål', { exact: true }).selectOption('weight');
    await page.getByLabel('Tidspunkt', { exact: true }).selectOption('end');
    await page.getByRole('button', { name: 'Vis effekt' }).click();
    await page.waitForURL(/measure=weight&timePoint=end/);
    await page.getByRole('table', { name: 'Tabel: Effekt: Vægt, start til slut' }).waitFor();
    await shot(page, 'dashboard-effect', page.locator('section:has(> h2#dash-effect)'));
    // Does the effect differ? Each group against "Videregående", in the table and in the sentence.
    const weightEnd = (await manager.get(`/api/equity/effects?from=${year}-01-01&to=${year}-12-31&dimension=education&measure=weight&timePoint=end`)).body.measures[0];
    assert.equal(weightEnd.reference, 'high');
    const endTable = page.getByRole('table', { name: 'Tabel: Effekt: Vægt, start til slut' });
    assert.equal((await endTable.locator('thead th').allTextContents()).at(-1), 'Forskel til »Videregående« (95 %-KI), kg');
    const firstGroup = weightEnd.groups.find((g: { known: boolean; effect: { meanChange: { value: number | null } } }) => g.known && g.effect.meanChange.value !== null);
    const effectSentence = await page.locator('section:has(> h2#dash-effect) .dashboard-sentence').first().textContent() ?? '';
    if (firstGroup && !firstGroup.isReference && firstGroup.difference.ciLow !== null && weightEnd.total.meanChange.value !== null) {
      assert.match(effectSentence, new RegExp(`Forskellen til gruppen »Videregående« er ${new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 }).format(firstGroup.difference.value).replace('-', '−')} kg \\(95 %-KI `), effectSentence);
    }
    await page.getByLabel('Tidspunkt', { exact: true }).selectOption('follow_up');
    await page.getByRole('button', { name: 'Vis effekt' }).click();
    await page.waitForURL(/measure=weight&timePoint=follow_up/);
    const effectTable = 'Tabel: Effekt: Vægt, start til opfølgning';
    await page.getByRole('table', { name: effectTable }).waitFor();
    const weightPairs = (await server.db.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pathway_fact WHERE municipality_id = $1 AND ${reachedStep.followed_up} AND weight_baseline IS NOT NULL AND weight_follow_up IS NOT NULL
         AND referred_at >= ($2::date)::timestamp AT TIME ZONE 'Europe/Copenhagen' AND referred_at < ($3::date)::timestamp AT TIME ZONE 'Europe/Copenhagen'`,
      [municipalityId, `${year}-01-01`, `${year + 1}-01-01`])).rows[0]!.n;
    // The table shows what the API gives the manager (the total may be hidden so it does not reveal a small group); shown, it is pathway_fact's count.
    const apiPairs = (await manager.get(`/api/equity/effects?from=${year}-01-01&to=${year}-12-31&dimension=education&measure=weight&timePoint=follow_up`)).body.measures[0].total.pairs;
    assert.equal((await rowCounts(effectTable, 'I alt'))[0], apiPairs.hidden === 'small' ? '<5' : apiPairs.hidden ? '–' : String(apiPairs.count), 'pairs of start and follow-up weights');
    if (apiPairs.hidden === null) assert.equal(apiPairs.count, weightPairs);
    if (apiPairs.hidden === 'small') assert.ok(weightPairs >= 1 && weightPairs <= 4);
    assert.match(await page.locator('section:has(> h2#dash-effect) .dashboard-sentence').first().textContent() ?? '', /^(Vægt ændrede sig fra start til opfølgning i gennemsnit|Ingen tal at vise)/);
    await assertAccessible(page, 'the effect section');

    // A filter goes into the address and changes the numbers.
    await page.getByLabel('Diagnosegruppe').selectOption('type2_diabetes');
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.waitForURL(/diagnosisGroup=type2_diabetes/);
    const diabetes = await expectedCounts('low', "AND diagnosis_group = 'type2_diabetes'");
    assert.notDeepEqual(diabetes, low);
    await page.waitForFunction((want) => {
      const row = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent === 'Tabel: Forløbet trin for trin')?.querySelector('tbody tr');
      return row?.querySelector('td')?.textContent?.split(' (')[0] === want;
    }, shown(diabetes[0]!));
    assert.deepEqual(await rowCounts(cascadeTable, 'Grundskole'), diabetes.map(shown));
    const shared = page.url();
    await page.reload();
    await page.getByRole('table', { name: cascadeTable }).waitFor();
    assert.equal(page.url(), shared);
    assert.equal(await page.getByLabel('Diagnosegruppe').inputValue(), 'type2_diabetes', 'the shared link restores the filter');

    // Exports: the table as CSV and XLSX, the chart as SVG.
    const csv = await download(page, 'Hent tabel som CSV – Forløbet trin for trin');
    assert.match(csv.name, /\.csv$/);
    assert.match(csv.text, /Grundskole;/);
    const xlsx = await download(page, 'Hent tabel som Excel (XLSX) – Forløbet trin for trin');
    assert.equal(xlsx.bytes.subarray(0, 2).toString(), 'PK');
    assert.ok(xlsx.bytes.includes('Grundskole'));
    const svg = await download(page, 'Hent figur som SVG – Forløbet trin for trin');
    const png = await download(page, 'Hent figur som PNG – Forløbet trin for trin');
    assert.deepEqual([...png.bytes.subarray(1, 4)], [...Buffer.from('PNG')]);
    const report = await download(page, `Årsrapport som PDF (${year})`, 'link');
    assert.equal(report.name, `ligevej-aarsrapport-${year}.pdf`);
    assert.equal(report.bytes.subarray(0, 5).toString(), '%PDF-');
    assert.match(svg.text, /^<\?xml[^]*<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"[^]*<title[^>]*>Forløbet trin for trin<\/title>/);

    // The funnel across places names them, never by id; referrals on no place yet are "Ikke tildelt".
    const placeNames = (await server.db.owner.query<{ name: string }>('SELECT name FROM place WHERE municipality_id = $1', [municipalityId])).rows.map((r) => r.name);
    await page.getByLabel('Sammenlign enheder efter').selectOption('place');
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.waitForURL(/by=place/);
    const unitHeads = await page.waitForFunction((names) => {
      const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent?.startsWith('Tabel: Tragtdiagram'));
      const heads = [...(table?.querySelectorAll('tbody th') ?? [])].map((th) => th.textContent ?? '');
      return heads.some((h) => names.includes(h)) ? heads : null;
    }, placeNames);
    const heads = await unitHeads.jsonValue() as string[];
    assert.ok(heads.every((h) => placeNames.includes(h) || h === 'Ikke tildelt'), heads.join(', '));
    await assertAccessible(page, 'the funnel by place');

    // In English the sentence and the headings follow.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Equity in the pathways' }).waitFor();
    await page.getByRole('table', { name: 'Table: The pathway step by step' }).waitFor();
    assert.match(await page.locator('.dashboard-sentence').first().textContent() ?? '', /^(The largest gap is at the step|There are not enough numbers)/);
    await assertAccessible(page, 'the dashboard in English');
    await shot(page, 'dashboard-en');
    assert.deepEqual(failed, []);
    assert.deepEqual(problems, [], 'no refused request, not even on the way in');
  });

  it('filters by offer, opens the pseudonymised list behind a count from the keyboard, refuses a hidden one, and names citizens for a coordinator', async () => {
    const base = `${server.url}/lighed?from=${year}-01-01&to=${year}-12-31&dimension=education`;
    await page.goto(base);
    await page.getByRole('button', { name: 'Switch to English' }).or(page.getByRole('button', { name: 'Skift til dansk' })).first().waitFor();
    if (await page.getByRole('button', { name: 'Skift til dansk' }).count()) await page.getByRole('button', { name: 'Skift til dansk' }).click();
    const cascadeTable = page.getByRole('table', { name: 'Tabel: Forløbet trin for trin' });
    await cascadeTable.waitFor();

    // The offer, team and place filters offer the catalogue by name and go into the address.
    const busiest = (await server.db.owner.query<{ offer_id: string; name: string }>(
      `SELECT f.offer_id::text AS offer_id, o.internal_name AS name FROM pathway_fact f JOIN offer o ON o.id = f.offer_id
        WHERE f.municipality_id = $1 AND f.education_group = 'low' GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`, [municipalityId])).rows[0];
    assert.ok(busiest, 'the demo puts courses on catalogue offers');
    await page.getByLabel('Tilbud (frivilligt)', { exact: true }).locator(`option[value="${busiest.offer_id}"]`).waitFor({ state: 'attached' });
    assert.ok(await page.getByLabel('Hold (frivilligt)', { exact: true }).locator('option').count() > 1, 'teams to choose from');
    assert.ok(await page.getByLabel('Sted (frivilligt)', { exact: true }).locator('option').count() > 1, 'places to choose from');
    await page.getByLabel('Tilbud (frivilligt)', { exact: true }).selectOption({ label: busiest.name });
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.waitForURL(new RegExp(`offer=${busiest.offer_id}`));
    const onOffer = await expectedCounts('low', `AND offer_id = '${busiest.offer_id}'`);
    await page.waitForFunction((want) => {
      const row = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent === 'Tabel: Forløbet trin for trin')?.querySelector('tbody tr');
      return row?.querySelector('td')?.textContent?.split(' (')[0]?.startsWith(want);
    }, shown(onOffer[0]!));
    assert.equal(await page.getByLabel('Tilbud (frivilligt)', { exact: true }).inputValue(), busiest.offer_id);

    // From the keyboard: the "Grundskole / Henvist" count is a link; Enter opens its list.
    await page.goto(base);
    await cascadeTable.waitFor();
    const low = await expectedCounts('low');
    const cell = cascadeTable.getByRole('row', { name: /^Grundskole/ }).first().getByRole('link', { name: `${low[0]} – vis borgerne bag tallet`, exact: true });
    await cell.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/listStep=referred&listGroup=low/);
    const heading = page.getByRole('heading', { level: 3, name: 'Borgerne bag tallet: Grundskole, Henvist' });
    await heading.waitFor();
    const list = page.getByRole('table', { name: 'Borgere: Grundskole, Henvist' });
    await list.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'dash-drill', 'focus moves to the list');
    await page.getByText(`${low[0]} henvisninger i perioden nåede trinnet »Henvist«.`).waitFor();
    await page.getByText(/Listen er pseudonymiseret/).waitFor();
    const heads = await list.locator('thead th').allTextContents();
    assert.deepEqual(heads, ['Pseudonym', 'Aldersgruppe', 'Køn', 'Trin nået (måned)', 'Grund til frafald', 'Dage til kontakt', 'Dage til start']);
    const pseudonyms = await list.locator('tbody th').allTextContents();
    assert.equal(pseudonyms.length, Math.min(low[0]!, 500));
    assert.ok(pseudonyms.every((p) => /^[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(p)), pseudonyms.join(' '));
    assert.equal(await list.getByRole('link').count(), 0, 'no links to records');
    const names = (await server.db.owner.query<{ name: string }>(
      `SELECT c.family_name AS name FROM citizen c JOIN pathway_fact f ON f.citizen_id = c.id WHERE f.municipality_id = $1 AND f.education_group = 'low' LIMIT 20`, [municipalityId])).rows;
    const listText = await list.textContent() ?? '';
    assert.deepEqual(names.filter((n) => listText.includes(n.name)), [], 'no names in a manager\'s list');
    assert.doesNotMatch(listText, /\d{4}-\d{2}-\d{2}|\d{1,2}\. [a-z]+\.? \d{4}/, 'months, not dates');
    await assertAccessible(page, 'the dashboard with a pseudonymised list');
    await shot(page, 'dashboard-drill-down', 'viewport');

    // The address is a shareable link: reloaded, the same list with the same pseudonyms.
    const shared = page.url();
    await page.reload();
    await list.waitFor();
    assert.equal(page.url(), shared);
    assert.deepEqual(await list.locator('tbody th').allTextContents(), pseudonyms);
    await page.getByRole('link', { name: 'Luk listen' }).click();
    await heading.waitFor({ state: 'detached' });

    // A cell the manager sees as "<5" is not a link, and its list is refused in Danish.
    const api = new Client(server.url);
    assert.equal((await api.post('/api/auth/login', { username: managerName, password: DEMO_PASSWORD })).status, 200);
    const cascade = (await api.get(`/api/equity/cascade?from=${year}-01-01&to=${year}-12-31&dimension=education`)).body;
    const hidden = cascade.groups.flatMap((g: any) => g.counts.filter((c: any) => c.hidden === 'small').map((c: any) => ({ group: g, step: c.step })))[0];
    assert.ok(hidden, 'the demo year has a small cell');
    const stepLabel = cascade.steps.find((s: any) => s.key === hidden.step).label;
    await page.goto(`${base}&listStep=${hidden.step}&listGroup=${hidden.group.value}`);
    await page.getByRole('heading', { level: 3, name: `Borgerne bag tallet: ${hidden.group.label}, ${stepLabel}` }).waitFor();
    await page.getByText(/^Listen kan ikke vises: cellen har færre end 5 borgere/).waitFor();
    await assertAccessible(page, 'the dashboard with a refused list');
    // In English, the panel and the server's reason follow the language.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByText(/^The list cannot be shown: the cell has fewer than 5 citizens/).waitFor();
    await page.getByRole('heading', { level: 3, name: /^The citizens behind the number: / }).waitFor();
    await page.goto(shared);
    await page.getByRole('table', { name: 'Citizens: Primary school, Referred' }).waitFor();
    await page.getByText(/^The list is pseudonymised/).waitFor();
    await assertAccessible(page, 'the pseudonymised list in English');
    await page.getByRole('button', { name: 'Skift til dansk' }).click();

    // A coordinator (access to the records) sees the names, linked to the citizen page.
    const coordinatorName = (await server.db.owner.query<{ username: string }>(
      `SELECT username FROM staff_user WHERE municipality_id = $1 AND role = 'coordinator' ORDER BY username LIMIT 1`, [municipalityId])).rows[0]!.username;
    const coordinator = await staffPage(browser, server.url, { username: coordinatorName, password: DEMO_PASSWORD });
    await coordinator.page.goto(shared);
    const named = coordinator.page.getByRole('table', { name: 'Borgere: Grundskole, Henvist' });
    await named.waitFor();
    await coordinator.page.getByText(/Du ser navnene/).waitFor();
    const links = named.getByRole('link');
    assert.equal(await links.count(), Math.min(low[0]!, 500));
    assert.match(await links.first().getAttribute('href') ?? '', /^\/borger\/[0-9a-f-]{36}$/);
    assert.deepEqual((await named.locator('tbody th').allTextContents()).sort(), [...pseudonyms].sort(), 'the same pseudonyms next to the names');
    await assertAccessible(coordinator.page, 'the dashboard with a named list');
    const first = await links.first().textContent();
    await links.first().click();
    await coordinator.page.getByRole('heading', { level: 1, name: new RegExp(first!.split(' ')[0]!) }).waitFor();
    await coordinator.page.context().close();
    assert.deepEqual(coordinator.problems, []);
  });
});

async function download(page: Page, name: string, role: 'button' | 'link' = 'button'): Promise<{ name: string; bytes: Buffer; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole(role, { name }).first().click()]);
  const bytes = readFileSync((await file.path())!);
  return { name: file.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/** README screenshots (npm run screenshots): the top of the page as a manager sees it, what the window shows, or one part of it. */
async function shot(page: Page, name: string, part?: Locator | 'viewport'): Promise<void> {
  const dir = process.env.LIGEVEJ_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  if (part === 'viewport') await page.screenshot({ path: `${dir}/${name}.png` });
  else if (part) await part.screenshot({ path: `${dir}/${name}.png` });
  else await page.screenshot({ path: `${dir}/${name}.png`, clip: { x: 0, y: 0, width: 1280, height: 2300 }, fullPage: true });
}
