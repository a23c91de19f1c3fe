import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createStaff, startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { conversationStep, createCitizen, createReferral, pathwayStep, steps } from '../../test/support/fixtures.ts';
import { createOffer, createPlace } from '../../test/support/catalogue.ts';
import { createWalkingClub } from '../../test/support/associations.ts';
import { axeViolations, launchChromium, screenshot } from './browser.ts';

const DAY = 86_400_000;
const localDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(d);
const isoWeekday = (d: Date) => ((new Date(`${localDay(d)}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

/**
 * Issue 5 in the browser: a coordinator builds a team from the catalogue, takes roll call until a
 * participant has missed twice, and the call list surfaces her; anyone finds a walking club on the
 * public page; a bridge-builder records the 3-month follow-up. Every page is checked with axe.
 */
describe('offers, teams, attendance and bridge-building in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let coordinator: Client & { userId: string };
  let staff: { username: string; password: string };
  const problems: string[] = [];
  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  async function accessible(name: string): Promise<void> {
    const violations = await axeViolations(page);
    assert.deepEqual(violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`), [], `axe on ${name}`);
  }
  function watch(p: Page) {
    p.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource.*(401|400|412|403)/.test(m.text())) problems.push(`console: ${m.text()}`); });
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  }

  before(async () => {
    server = await startTestServer();
    Object.defineProperty(server.clock, 'now', { get: () => new Date() });
    coordinator = await server.login('coordinator');
    staff = await createStaff(server.db, server.municipality.id, 'coordinator');
    const house = await createPlace(coordinator, 'Sundhedshuset Vestparken', 'health_house', 'Vestparken');
    await createOffer(coordinator, { publicName: 'Sund hverdag med diabetes', internalName: 'Diabetes, dansk', placeIds: [house.id], sessionCount: 6, sessionMinutes: 90 });
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    watch(page);
    await page.goto(server.url);
    await page.getByLabel('Brugernavn').fill(staff.username);
    await page.getByLabel('Adgangskode').fill(staff.password);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await heading('Mine arbejdslister').waitFor();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  let teamUrl = '';
  it('builds a team from the catalogue, showing the sessions and any holidays skipped before creating it', async () => {
    await page.getByRole('link', { name: 'Tilbud', exact: true }).click();
    await heading('Tilbudskatalog').waitFor();
    assert.match(await page.getByRole('row', { name: /Sund hverdag med diabetes/ }).textContent() ?? '', /6 × 90 min/);
    await accessible('offer catalogue');
    await screenshot(page, 'offer-catalogue');
    await page.getByRole('link', { name: 'Opret hold – Sund hverdag med diabetes' }).click();
    await heading('Opret hold').waitFor();
    await page.getByRole('button', { name: 'Opret holdet' }).click();
    await page.getByRole('alert').filter({ hasText: 'Første mulige dato skal udfyldes.' }).waitFor();
    await accessible('new team with errors');
    // Three weeks back on today's weekday, so the first sessions have been held by now.
    const from = new Date(Date.now() - 21 * DAY);
    await page.getByLabel('Første mulige dato *').fill(localDay(from));
    await page.getByLabel('Ugedag').selectOption(String(isoWeekday(from)));
    await page.getByLabel('Starttidspunkt *').fill('10:00');
    await page.getByLabel('Sted').selectOption({ label: 'Sundhedshuset Vestparken' });
    await page.getByRole('button', { name: 'Vis mødegangene' }).click();
    await page.getByRole('heading', { name: 'Mødegange' }).waitFor();
    assert.equal(await page.locator('.plan-preview ol li').count(), 6);
    await accessible('new team with preview');
    await screenshot(page, 'new-team');
    await page.getByRole('button', { name: 'Opret holdet' }).click();
    await page.getByText(/Holdet er oprettet med 6 mødegange\./).waitFor();
    await page.locator('main h1').filter({ hasText: /^Sund hverdag med diabetes, hold uge \d+\/\d{4}$/ }).waitFor();
    teamUrl = page.url().replace(/\?.*$/, '');
    assert.equal(await page.locator('main table').first().locator('tbody tr').count(), 6);
    await accessible('new team page');
  });

  it('takes roll call until a participant has missed twice, and the call list shows her with the history', async () => {
    const teamId = teamUrl.split('/').pop()!;
    const citizen = await createCitizen(coordinator, 'Yasmin', 'Udeblev');
    const referral = await createReferral(coordinator, citizen.id, new Date(Date.now() - 40 * DAY).toISOString());
    await steps(coordinator, referral.id, referral.version, [
      ['contact-attempts', { attemptedAt: new Date(Date.now() - 38 * DAY).toISOString(), channel: 'phone', outcome: 'reached' }],
      conversationStep(new Date(Date.now() - 30 * DAY).toISOString()), pathwayStep(localDay(new Date(Date.now() - 30 * DAY)), teamId), ['start', { startDate: localDay(new Date(Date.now() - 21 * DAY)) }],
    ]);
    for (const session of [1, 2]) {
      await page.goto(teamUrl);
      await page.getByRole('link', { name: `Tag fremmøde – Mødegang ${session}` }).click();
      await heading(/^Fremmøde: Sund hverdag med diabetes/).waitFor();
      await page.getByRole('button', { name: 'Udeblevet for Yasmin Udeblev' }).click();
      await page.getByText('Yasmin Udeblev: Udeblevet').waitFor();
    }
    await accessible('roll call');
    await page.goto(teamUrl);
    await page.getByRole('heading', { name: 'Fremmøde og gennemførelse' }).waitFor();
    assert.match(await page.getByRole('row', { name: /Yasmin Udeblev/ }).first().textContent() ?? '', /0 \/ 6\s*5\s*2/);
    await accessible('team page with progress');
    await screenshot(page, 'team-progress');
    await page.getByRole('link', { name: 'Fremmøde', exact: true }).click();
    await heading('Fremmøde: borgere at ringe til').waitFor();
    const row = page.getByRole('row', { name: /Yasmin Udeblev/ });
    assert.match(await row.textContent() ?? '', /1\. .*Udeblevet.*2\. .*Udeblevet/);
    await accessible('call list');
    await screenshot(page, 'attendance-call-list');
    await page.getByRole('button', { name: 'Registrér opkald – Yasmin Udeblev' }).click();
    await page.getByLabel('Er faldet fra').check();
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByRole('alert').filter({ hasText: 'Vælg en KL-afslutningsårsag' }).waitFor();
    await accessible('call form with errors');
    await page.getByLabel('KL-afslutningsårsag').selectOption({ label: 'Aktivt fravalg pga. logistik ifm. transport' });
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Opkaldet til Yasmin Udeblev er registreret.').waitFor();
    await page.getByText('Ingen borgere skal ringes op.').waitFor();
  });

  it('lets anyone find a walking club on the public page, without login and without personal data', async () => {
    await createWalkingClub(coordinator);
    await createWalkingClub(coordinator, { activity: 'Svømning for begyndere', activityKind: 'swimming', placeName: 'Ligeby Svømmehal', area: 'Centrum', weekdays: [1], languages: ['da'], inclusiveness: 'welcoming', companionAvailable: false, links: [] });
    const visitor = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: 640, height: 900 } });
    const anon = await visitor.newPage();
    watch(anon);
    await anon.goto(`${server.url}/foreninger?kommune=${server.municipality.code}`);
    await anon.getByRole('heading', { level: 1, name: 'Find et fællesskab i din kommune' }).waitFor();
    await anon.getByText('2 aktivitet(er) fundet.').waitFor();
    assert.equal(await anon.getByRole('navigation', { name: 'Hovedmenu' }).count(), 0, 'no staff menu for a visitor');
    await anon.getByLabel('Aktivitet').selectOption({ label: 'Gåture' });
    await anon.getByLabel('Dag').selectOption({ label: 'Torsdag' });
    await anon.getByRole('button', { name: 'Søg' }).click();
    await anon.getByText('1 aktivitet(er) fundet.').waitFor();
    const text = await anon.locator('main').textContent() ?? '';
    assert.match(text, /Gåtur i roligt tempo/);
    assert.match(text, /Introforløb for nye: Fire gange på lukket hold for nye/);
    assert.match(text, /En frivillig kan følges med dig de første gange/);
    assert.doesNotMatch(text, /Kirsten|22 33 44 55/, 'the contact person is for staff only');
    assert.match(anon.url(), /aktivitet=walking/, 'the search can be shared as an address');
    const violations = await axeViolations(anon);
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.help}`), [], 'axe on the public page');
    const wide = await anon.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(wide <= 0, 'no sideways scrolling at 640 px');
    await screenshot(anon, 'public-associations');

    // Citizen-facing, so also in the citizens' languages: Arabic turns the page right to left and keeps the search.
    await anon.getByRole('navigation', { name: 'Sprog på siden' }).getByRole('link', { name: 'العربية' }).click();
    await anon.getByRole('heading', { level: 1, name: 'ابحث عن نشاط جماعي في بلديتك' }).waitFor();
    assert.equal(await anon.evaluate(() => [document.documentElement.lang, document.documentElement.dir].join()), 'ar,rtl');
    await anon.getByText('عدد الأنشطة التي وُجدت: 1.').waitFor();
    const arabic = await anon.locator('main').textContent() ?? '';
    assert.match(arabic, /الخميس/, 'weekday in Arabic');
    assert.match(arabic, /Gåtur i roligt tempo/, 'the association\'s own text is kept as written');
    assert.match(anon.url(), /aktivitet=walking/);
    const rtlViolations = await axeViolations(anon);
    assert.deepEqual(rtlViolations.map((v) => `${v.id}: ${v.help}`), [], 'axe on the public page in Arabic');
    await anon.getByRole('navigation', { name: 'لغة الصفحة' }).getByRole('link', { name: 'Dansk' }).click();
    await anon.getByRole('heading', { level: 1, name: 'Find et fællesskab i din kommune' }).waitFor();
    assert.equal(await anon.evaluate(() => document.documentElement.dir), 'ltr');
    await visitor.close();
  });

  it('records a bridge-building follow-up at 3 months: still active, and why', async () => {
    const { offerId } = await createWalkingClub(coordinator, { activity: 'Stavgang ved stranden', area: 'Strandby' });
    const citizen = await createCitizen(coordinator, 'Bodil', 'Brobyg');
    const bridged = await coordinator.post('/api/bridges', { citizenId: citizen.id, associationOfferId: offerId, bridgedOn: localDay(new Date(Date.now() - 100 * DAY)), companion: 'volunteer' });
    assert.equal(bridged.status, 201);
    await page.getByRole('link', { name: 'Brobygning', exact: true }).click();
    await heading('Brobygning').waitFor();
    const due = page.getByRole('row', { name: /Bodil Brobyg/ });
    assert.match(await due.textContent() ?? '', /3 måneder: .*Overskredet/);
    await accessible('bridge-building worklist');
    await due.getByRole('link').click();
    await heading('Brobygning: Bodil Brobyg').waitFor();
    const form = page.getByRole('form', { name: 'Opfølgning efter 3 måneder' });
    await form.getByRole('button', { name: /Gem opfølgningen/ }).click();
    await page.getByRole('alert').filter({ hasText: 'skal udfyldes' }).first().waitFor();
    await accessible('follow-up with errors');
    await form.getByLabel('Ja').check();
    await form.getByLabel('Hvorfor?').selectOption({ label: 'Fællesskabet' });
    await form.getByLabel('Note').fill('Går med hver torsdag, har fået en gåmakker');
    await screenshot(page, 'bridge-follow-up');
    await form.getByRole('button', { name: /Gem opfølgningen/ }).click();
    await page.getByText('Opfølgningen er gemt.').waitFor();
    // The saved answer replaces the form once the list has been read again (times out if it never does).
    await page.locator('main').getByText(/Stadig aktiv\. Grund: Fællesskabet/).waitFor();
    assert.equal(await page.getByRole('form', { name: 'Opfølgning efter 3 måneder' }).count(), 0);
    assert.equal(await page.getByRole('form', { name: 'Opfølgning efter 6 måneder' }).count(), 1, 'the 6-month follow-up is still to come');
    await accessible('citizen bridges after follow-up');
    assert.deepEqual(problems, [], 'no script errors or CSP violations in the console');
  });
});
