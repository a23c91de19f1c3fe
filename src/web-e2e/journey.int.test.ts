import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createStaff, startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { createCitizen, createReferral, createTeam, freshCpr } from '../../test/support/fixtures.ts';
import { axeViolations, launchChromium, screenshot } from './browser.ts';

/**
 * A nurse's day in the browser: log in, register a referral, contact the citizen, hold the
 * clarifying conversation, create the pathway, take roll call, end the pathway with a reason.
 * Every page visited is checked with axe-core and must have no violations.
 */
describe('the staff web app in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let colleague: Client;
  let nurse: { username: string; password: string };
  const problems: string[] = [];
  const checked: string[] = [];
  const cpr = freshCpr();

  /** axe on the page as it is now; the name says which page it was for the failure message. */
  async function accessible(name: string): Promise<void> {
    const violations = await axeViolations(page);
    checked.push(name);
    assert.deepEqual(violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`), [], `axe on ${name}`);
  }
  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const stage = () => page.locator('.stage-now').textContent();

  before(async () => {
    server = await startTestServer();
    // The browser works in real time, so the server's clock does too.
    Object.defineProperty(server.clock, 'now', { get: () => new Date() });
    nurse = await createStaff(server.db, server.municipality.id, 'clinician');
    colleague = await server.login('clinician');
    // A referral waiting 10 days (past the default 5-day limit), and a team meeting today (session 2).
    const waiting = await createCitizen(colleague, 'Gunnar', 'Venter');
    await createReferral(colleague, waiting.id, new Date(Date.now() - 10 * 86_400_000).toISOString());
    const today13 = new Date(`${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date())}T12:00:00Z`);
    await createTeam(server.db, server.municipality.id, 'Motion for KOL', new Date(today13.getTime() - 7 * 86_400_000), 6);
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource.*(401|400|412)/.test(m.text())) problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('logs in and shows the worklists, highlighting a referral waiting past the limit', async () => {
    await page.goto(server.url);
    await heading('Log ind').waitFor();
    await accessible('login');
    await screenshot(page, 'login');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByText('Brugernavn skal udfyldes.').first().waitFor();
    await page.getByLabel('Brugernavn').fill(nurse.username);
    await page.getByLabel('Adgangskode').fill('forkert');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByText('Brugernavn eller adgangskode er forkert.').waitFor();
    await page.getByLabel('Adgangskode').fill(nurse.password);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await heading('Mine arbejdslister').waitFor();
    const waitingRow = page.getByRole('row', { name: /Gunnar Venter/ });
    assert.match(await waitingRow.textContent() ?? '', /10\s*Over grænsen/);
    assert.match(await waitingRow.getAttribute('class') ?? '', /row-overdue/);
    assert.match(await page.getByRole('row', { name: /Motion for KOL/ }).textContent() ?? '', /I dag \d\d\.\d\d.*2 \/ 6/);
    assert.match(await page.locator('main').textContent() ?? '', /I dag er det \d{2}\.\d{2}\.\d{4}\./, 'Danish date format');
    await accessible('front page');
    await screenshot(page, 'front-page');
  });

  let citizenUrl = '';
  it('registers a referral, with Danish messages next to each field and an error summary', async () => {
    await page.getByRole('link', { name: 'Ny henvisning' }).click();
    await heading('Registrér henvisning').waitFor();
    await page.getByRole('button', { name: 'Registrér henvisning' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary.waitFor();
    assert.match(await summary.textContent() ?? '', /CPR-nummer skal udfyldes\./);
    assert.match(await summary.textContent() ?? '', /Henvendelse\/henvisning fra skal udfyldes\./);
    assert.equal(await page.evaluate(() => document.activeElement?.closest('.alert-error') !== null), true, 'the summary takes focus');
    assert.match(await page.locator('#cpr-error').textContent() ?? '', /CPR-nummer skal udfyldes/);
    await accessible('referral form with errors');
    await page.getByLabel('CPR-nummer').fill('321399-1234');
    await page.getByLabel('Fornavn').fill('Karen');
    await page.getByLabel('Efternavn').fill('Jensen');
    await page.getByLabel('Henvendelse/henvisning fra').selectOption({ label: 'Egen læge/vagtlæge' });
    await page.getByRole('button', { name: 'Registrér henvisning' }).click();
    await page.locator('#cpr-error').getByText('CPR-nummer skal begynde med en gyldig fødselsdato').waitFor();
    await screenshot(page, 'referral-errors');
    await page.getByLabel('CPR-nummer').fill(cpr);
    await page.getByLabel('Søg diagnose').fill('diabetes 2');
    await page.getByRole('button', { name: 'Tilføj SKS DE11 – Type 2-diabetes' }).click();
    await page.getByLabel('Årsag til henvisningen').fill('Type 2-diabetes, ønsker hjælp til mere bevægelse');
    await accessible('referral form filled in');
    await page.getByRole('button', { name: 'Registrér henvisning' }).click();
    await heading('Karen Jensen').waitFor();
    citizenUrl = page.url().replace(/[&?]gemt=.*$/, '');
    assert.equal(await stage(), 'Modtaget');
    assert.ok(!page.url().includes(cpr.replace('-', '')) && !page.url().includes(cpr), 'the CPR number is never in a URL');
    await page.getByText('Gemt: Henvisningen er registreret.').waitFor();
    assert.match(await page.locator('.timeline').textContent() ?? '', /Henvisning modtaget fra Egen læge\/vagtlæge/);
    assert.equal(await page.getByRole('link', { name: 'Registrér kontaktforsøg' }).count(), 1);
    assert.equal(await page.getByRole('link', { name: 'Start forløbet' }).count(), 0, 'only legal next steps are offered');
    await accessible('citizen page, new referral');
  });

  it('records a contact attempt, explaining a colleague\'s concurrent change instead of overwriting it', async () => {
    await page.getByRole('link', { name: 'Registrér kontaktforsøg' }).click();
    await heading('Registrér kontaktforsøg').waitFor();
    await accessible('contact attempt form');
    await page.getByLabel('Kontakt opnået').check();
    // Meanwhile a colleague records an unanswered call on the same referral.
    const referralId = /forloeb\/([0-9a-f-]+)\//.exec(page.url())![1]!;
    const current = await colleague.get(`/api/referrals/${referralId}`);
    const theirs = await colleague.post(`/api/referrals/${referralId}/contact-attempts`, { version: current.body.version, attemptedAt: new Date().toISOString(), channel: 'phone', outcome: 'no_answer' });
    assert.equal(theirs.status, 200);
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByRole('heading', { name: 'En anden har ændret forløbet' }).waitFor();
    assert.equal(await page.getByLabel('Kontakt opnået').isChecked(), true, 'what the user typed is kept');
    await accessible('contact attempt form after 412');
    await page.getByRole('button', { name: 'Hent nyeste version' }).click();
    await page.getByText('Den nyeste version er hentet').waitFor();
    await page.getByRole('button', { name: 'Gem' }).click();
    await heading('Karen Jensen').waitFor();
    assert.equal(await stage(), 'Kontaktet');
    const timeline = await page.locator('.timeline').textContent() ?? '';
    assert.match(timeline, /Kontaktforsøg: Telefon – intet svar/);
    assert.match(timeline, /Kontaktforsøg: Telefon – kontakt opnået/);
  });

  it('holds the clarifying conversation with conditions and a measurement typed the Danish way', async () => {
    await page.getByRole('link', { name: 'Hold afklarende samtale' }).click();
    await heading('Afklarende samtale').waitFor();
    await page.getByRole('textbox', { name: /^Vægt/ }).fill('92,5');
    await page.getByRole('textbox', { name: /^HbA1c/ }).fill('9000');
    await page.getByRole('button', { name: 'Gem' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary.waitFor();
    assert.match(await summary.textContent() ?? '', /Sluttidspunkt skal udfyldes/);
    assert.match(await summary.textContent() ?? '', /HbA1c skal ligge mellem 15 og 200 mmol\/mol/);
    await accessible('clarifying conversation with errors');
    await page.getByRole('textbox', { name: /^HbA1c/ }).fill('58');
    const start = await page.getByLabel('Starttidspunkt').inputValue();
    const [h, m] = start.split(':').map(Number);
    await page.getByLabel('Sluttidspunkt').fill(`${String(Math.min(h! + 1, 23)).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    await page.getByLabel('Fysisk aktivitet').check();
    await screenshot(page, 'clarifying-conversation');
    await page.getByRole('button', { name: 'Gem' }).click();
    await heading('Karen Jensen').waitFor();
    assert.equal(await stage(), 'Afklaret');
    const timeline = await page.locator('.timeline').textContent() ?? '';
    assert.match(timeline, /Afklarende samtale \(i sundhedscentret\) – holdt/);
    assert.match(timeline, /Vægt 92,5 kg/);
    assert.match(timeline, /Tilstande: Fysisk aktivitet/);
  });

  it('creates the pathway with a group intervention on a team, and starts it', async () => {
    await page.getByRole('link', { name: 'Opret forløb med indsatser' }).click();
    await heading('Opret forløb med indsatser').waitFor();
    await page.getByLabel('Indsats (FSIII)').selectOption({ label: 'Fysisk træning' });
    await page.getByLabel('Leveringsform').selectOption({ label: 'Gruppebaseret indsats' });
    await page.getByLabel('Hold').selectOption({ label: 'Motion for KOL' });
    await accessible('pathway form');
    await screenshot(page, 'pathway-form');
    await page.getByRole('button', { name: 'Gem' }).click();
    await heading('Karen Jensen').waitFor();
    assert.equal(await stage(), 'Planlagt');
    assert.match(await page.getByRole('row', { name: /Fysisk træning/ }).textContent() ?? '', /Gruppebaseret indsats\s*Ikke startet/);
    await page.getByRole('link', { name: 'Start forløbet' }).click();
    await heading('Start forløbet').waitFor();
    await accessible('start form');
    await page.getByRole('button', { name: 'Gem' }).click();
    await heading('Karen Jensen').waitFor();
    assert.equal(await stage(), 'I gang');
  });

  it('takes roll call with the keyboard alone', async () => {
    await page.getByRole('link', { name: 'Hold', exact: true }).click();
    await heading('Hold').waitFor();
    assert.match(await page.getByRole('row', { name: /Motion for KOL/ }).textContent() ?? '', /Mandag|Tirsdag|Onsdag|Torsdag|Fredag|Lørdag|Søndag/);
    await accessible('teams');
    await page.getByRole('link', { name: 'Motion for KOL' }).click();
    await heading('Motion for KOL').waitFor();
    await accessible('team sessions');
    await screenshot(page, 'team-sessions');
    await page.getByRole('link', { name: 'Tag fremmøde – Mødegang 2' }).click();
    await heading('Fremmøde: Motion for KOL').waitFor();
    const row = page.getByRole('row', { name: /Karen Jensen/ });
    assert.match(await row.textContent() ?? '', /Ikke registreret/);
    await accessible('roll call');
    // Tab from the heading to Karen's "Present" button and press Space: no mouse.
    await heading('Fremmøde: Motion for KOL').focus();
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.textContent?.startsWith('Fremmødt') ?? false)) break;
    }
    assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ''), /Fremmødt for Karen Jensen/);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused button shows where focus is');
    await page.keyboard.press('Space');
    await page.getByText('Karen Jensen: Fremmødt').waitFor();
    assert.equal(await row.getAttribute('data-attendance'), 'present');
    assert.equal(await row.getByRole('button', { name: 'Fremmødt for Karen Jensen' }).getAttribute('aria-pressed'), 'true');
    await accessible('roll call after marking');
    await screenshot(page, 'roll-call');
  });

  it('finds the citizen by CPR number and ends the pathway with a KL reason, required because it stopped', async () => {
    await page.getByRole('link', { name: 'Find borger' }).click();
    await heading('Find borger').waitFor();
    await page.getByLabel('Navn eller CPR-nummer').fill(cpr);
    await page.getByRole('button', { name: 'Søg' }).click();
    await page.getByText('1 borger(e) fundet.').waitFor();
    assert.ok(!page.url().includes(cpr), 'the CPR number is sent in a POST body, not the URL');
    await accessible('search results');
    await page.getByRole('link', { name: 'Karen Jensen' }).click();
    await heading('Karen Jensen').waitFor();
    assert.match(await page.locator('.timeline').textContent() ?? '', /Motion for KOL, mødegang 2: Fremmødt/);
    await page.getByRole('link', { name: 'Afslut forløbet' }).click();
    await heading('Afslut forløbet').waitFor();
    await page.getByLabel('Stoppet før tid').check();
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByRole('alert').filter({ hasText: 'Vælg en KL-afslutningsårsag' }).waitFor();
    await accessible('end form with errors');
    await screenshot(page, 'end-pathway-errors');
    await page.getByLabel('KL-afslutningsårsag').selectOption({ label: 'Aktivt fravalg pga. logistik ifm. transport' });
    await page.getByRole('button', { name: 'Gem' }).click();
    await heading('Karen Jensen').waitFor();
    assert.equal(await stage(), 'Afsluttet');
    const timeline = await page.locator('.timeline').textContent() ?? '';
    assert.match(timeline, /Forløbet afsluttet: stoppet/);
    assert.match(timeline, /Årsag: Aktivt fravalg pga\. logistik ifm\. transport/);
    assert.equal(await page.getByRole('link', { name: 'Registrér opfølgning' }).count(), 1);
    await accessible('citizen page, ended');
    await screenshot(page, 'citizen-page');
  });

  it('switches to English, works at 200 % zoom, and logs out', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'The course step by step' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.match(await page.locator('.stage-now').textContent() ?? '', /Ended/);
    assert.match(await page.locator('.timeline').textContent() ?? '', /\d{2}\/\d{2}\/\d{4}/, 'English dates');
    await accessible('citizen page in English');
    await page.getByRole('button', { name: 'Skift til dansk' }).click();
    await page.getByRole('heading', { name: 'Forløbet trin for trin' }).waitFor();
    // 200 % zoom of a 1280 px window is a 640 px wide layout: nothing may need sideways scrolling.
    await page.setViewportSize({ width: 640, height: 900 });
    for (const path of [citizenUrl, '/', '/hold']) {
      await page.goto(path.startsWith('http') ? path : server.url + path);
      await page.locator('main h1').waitFor();
      await page.locator('.loading').waitFor({ state: 'detached' });
      const wide = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const offenders = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > width + 1 && !e.parentElement?.closest('.table--responsive-scroll'));
        return { overflow: document.documentElement.scrollWidth - width, offenders: offenders.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className}`) };
      });
      assert.ok(wide.overflow <= 0, `${path} scrolls sideways by ${wide.overflow}px at 640 px: ${wide.offenders.join(', ')}`);
      assert.equal(await page.getByRole('navigation', { name: 'Hovedmenu' }).isVisible(), true, 'the menu stays reachable');
      assert.equal(await page.getByRole('button', { name: 'Log af' }).isVisible(), true, 'logging out stays reachable');
      assert.equal(await page.getByRole('button', { name: 'Switch to English' }).isVisible(), true, 'the language switch stays reachable');
    }
    await screenshot(page, 'teams-200-percent');
    await accessible('front page at 200 %');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Log af' }).click();
    await heading('Log ind').waitFor();
    assert.deepEqual(problems, [], 'no script errors or CSP violations in the console');
    assert.ok(checked.length >= 15, `axe ran on ${checked.length} pages`);
  });
});
