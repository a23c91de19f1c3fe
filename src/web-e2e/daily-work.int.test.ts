import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { Client, createStaff, startTestServer, type TestServer } from '../../test/support/harness.ts';
import { createCitizen, createReferral, freshCpr, steps } from '../../test/support/fixtures.ts';
import { baselineAnswers } from '../../test/support/baseline-answers.ts';
import { launchChromium, screenshot } from './browser.ts';
import { assertAccessible, staffPage } from './staff-browser.ts';

const DAY = 86_400_000;

/**
 * The daily-work additions in Chromium: a long worklist paged, a referring organisation added inside
 * the referral form (with a validation error first), a record marked entered in error on the citizen
 * page (and a colleague's change in between explained), and dates shown and typed the Danish way.
 */
describe('daily work in the browser: paging, a new organisation, entered in error, Danish dates', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let nurse: Client;
  let colleague: Client;
  let staff: { id: string; username: string; password: string };
  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  before(async () => {
    server = await startTestServer();
    Object.defineProperty(server.clock, 'now', { get: () => new Date() });
    staff = await createStaff(server.db, server.municipality.id, 'clinician');
    // The browser's user also works through the API, so the citizens below are theirs.
    nurse = new Client(server.url);
    assert.equal((await nurse.post('/api/auth/login', { username: staff.username, password: staff.password })).status, 200);
    colleague = await server.login('clinician');
    // 22 citizens reached by phone: each is due the clarifying conversation, so "my citizens" has two pages of 20.
    for (let n = 1; n <= 22; n += 1) {
      const citizen = await createCitizen(nurse, `Borger${String(n).padStart(2, '0')}`, 'Sidetal');
      const referral = await createReferral(nurse, citizen.id, new Date(Date.now() - 5 * DAY).toISOString());
      await steps(nurse, referral.id, referral.version, [['contact-attempts', { attemptedAt: new Date(Date.now() - DAY).toISOString(), channel: 'phone', outcome: 'reached' }]]);
    }
    browser = await launchChromium();
    ({ page, problems } = await staffPage(browser, server.url, staff));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('pages "my citizens" 20 at a time, with the total, the page in the address and focus on the list', async () => {
    const mine = page.getByRole('region', { name: /Mine borgere med et næste skridt/ }).or(page.locator('section[aria-labelledby="wl-mine"]'));
    await page.getByRole('heading', { level: 2, name: 'Mine borgere med et næste skridt (22)' }).waitFor();
    assert.equal(await mine.locator('tbody tr').count(), 20);
    assert.match(await mine.locator('tbody tr').first().textContent() ?? '', /Borger01 Sidetal/);
    const pages = page.getByRole('navigation', { name: 'Sider: Mine borgere med et næste skridt' });
    assert.equal(await pages.getByRole('link', { name: 'Side 1' }).getAttribute('aria-current'), 'page');
    await assertAccessible(page, 'front page with a paged list');
    await pages.getByRole('link', { name: 'Næste' }).click();
    await page.getByText('Viser 21–22 af 22.').waitFor();
    assert.match(page.url(), /\?mine=2$/);
    assert.deepEqual(await mine.locator('tbody th').allTextContents(), ['Borger21 Sidetal', 'Borger22 Sidetal']);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'wl-mine', 'focus moves to the paged list');
    assert.equal(await pages.getByRole('link', { name: 'Side 2' }).getAttribute('aria-current'), 'page');
    await assertAccessible(page, 'front page, second page of my citizens');
    await screenshot(page, 'front-page-paged');
    await page.goBack();
    await page.getByText('Viser 1–20 af 22.').waitFor();
  });

  it('adds the referring organisation inside the referral form, with a Danish message next to each wrong field and in the summary', async () => {
    await page.getByRole('link', { name: 'Ny henvisning' }).click();
    await heading('Registrér henvisning').waitFor();
    await page.getByLabel('Søg efter henviseren').fill('Lægehuset Testby');
    await page.getByText('Ingen kendte organisationer matcher "Lægehuset Testby".').waitFor();
    await page.getByRole('button', { name: 'Opret ny organisation' }).click();
    const form = page.getByRole('group', { name: 'Ny henvisende organisation' });
    assert.equal(await form.getByLabel('Navn').inputValue(), 'Lægehuset Testby', 'the name searched for is filled in');
    await form.getByLabel('SOR-kode', { exact: false }).first().check();
    await form.getByRole('textbox', { name: /^SOR-kode/ }).fill('12AB');
    await form.getByRole('button', { name: 'Opret og vælg organisationen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary.waitFor();
    assert.match(await summary.textContent() ?? '', /SOR-koden skal være 6–18 cifre\./);
    assert.match(await summary.textContent() ?? '', /Type skal udfyldes\./);
    assert.match(await page.locator('#org-idValue-error').textContent() ?? '', /SOR-koden skal være 6–18 cifre/);
    assert.match(await page.locator('#org-kind-error').textContent() ?? '', /Type skal udfyldes/);
    await assertAccessible(page, 'referral form, new organisation with errors');
    await screenshot(page, 'referral-new-organisation');
    await summary.getByRole('link', { name: /SOR-koden/ }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'org-idValue', 'the summary leads to the field');
    await form.getByRole('textbox', { name: /^SOR-kode/ }).fill('987654321');
    await form.getByLabel('Type').selectOption({ label: 'Praktiserende læge' });
    await form.getByRole('button', { name: 'Opret og vælg organisationen' }).click();
    await page.getByText('Lægehuset Testby er oprettet og valgt som henviser.').waitFor();
    assert.equal(await summary.count(), 0, 'the summary is gone');
    await page.getByText('Henviser: Lægehuset Testby').waitFor();
    await assertAccessible(page, 'referral form, organisation chosen');

    const cpr = freshCpr();
    await page.getByLabel('CPR-nummer').fill(cpr);
    await page.getByLabel('Fornavn').fill('Olga');
    await page.getByLabel('Efternavn').fill('Organisation');
    await page.getByLabel('Henvendelse/henvisning fra').selectOption({ label: 'Egen læge/vagtlæge' });
    await page.getByRole('button', { name: 'Registrér henvisning' }).click();
    await heading('Olga Organisation').waitFor();
    const referralId = new URL(page.url()).searchParams.get('forloeb')!;
    const referral = await nurse.get(`/api/referrals/${referralId}`);
    const org = (await nurse.get('/api/organizations?q=987654321')).body.organizations[0];
    assert.equal(referral.body.referringOrganizationId, org.id);
    assert.deepEqual([org.name, org.kind, org.idSystem], ['Lægehuset Testby', 'gp', 'sor']);

    // The next referral finds it by the beginning of its SOR code.
    await page.getByRole('link', { name: 'Ny henvisning til borgeren' }).or(page.getByRole('link', { name: 'Ny henvisning' }).first()).first().click();
    await heading('Registrér henvisning').waitFor();
    await page.getByLabel('Søg efter henviseren').fill('98765');
    await page.getByRole('button', { name: /^Vælg Lægehuset Testby – SOR 987654321/ }).click();
    await page.getByText('Henviser: Lægehuset Testby').waitFor();
  });

  it('shows and takes dates and times the Danish way (dd.mm.åååå, tt:mm)', async () => {
    const field = page.getByRole('textbox', { name: /^Modtaget dato/ });
    const today = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
    assert.equal(await field.inputValue(), today);
    const time = page.getByRole('textbox', { name: /^Modtaget klokkeslæt/ });
    assert.match(await time.inputValue(), /^([01]\d|2[0-3]):[0-5]\d$/, 'the 24-hour clock, not 08:31 AM');
    await field.fill('31.02.2026');
    await time.fill('25.00');
    await page.getByRole('button', { name: 'Registrér henvisning' }).click();
    await page.locator('#receivedOn-error').getByText('Modtaget dato skal være en gyldig dato skrevet som dd.mm.åååå, fx 17.03.2026.').waitFor();
    assert.match(await page.locator('#receivedTime-error').textContent() ?? '', /Modtaget klokkeslæt skal være et klokkeslæt skrevet som tt:mm/);
    await time.fill('9.05');
    await time.blur();
    assert.equal(await time.inputValue(), '09:05');
    await field.fill('1.3.2026');
    await field.blur();
    assert.equal(await field.inputValue(), '01.03.2026', 'a date typed short is written out in full');
    await page.getByRole('button', { name: 'Registrér henvisning' }).click();
    await page.locator('#cpr-error').waitFor();
    assert.equal(await page.locator('#receivedOn-error').count(), 0, 'the date is right now');
    assert.equal(await page.locator('#receivedTime-error').count(), 0, 'and so is the time');
    await assertAccessible(page, 'referral form with a Danish date');
  });

  it('marks a measurement and then the whole referral entered in error after confirming, and explains a colleague\'s change in between', async () => {
    const citizen = await createCitizen(nurse, 'Erik', 'Fejlrettet');
    const referral = await createReferral(nurse, citizen.id, new Date(Date.now() - 3 * DAY).toISOString());
    await steps(nurse, referral.id, referral.version, [['contact-attempts', { attemptedAt: new Date(Date.now() - 2 * DAY).toISOString(), channel: 'phone', outcome: 'reached' }]]);
    assert.equal((await nurse.post(`/api/referrals/${referral.id}/observations`, { measure: 'weight', value: 190, unit: 'kg' })).status, 201);
    const booked = await nurse.post(`/api/referrals/${referral.id}/encounters`, {
      purpose: 'clarifying_conversation', class: 'AMB', status: 'planned',
      startAt: new Date(Date.now() + DAY).toISOString(), endAt: new Date(Date.now() + DAY + 3_600_000).toISOString(),
    });
    assert.equal(booked.status, 201, JSON.stringify(booked.body));
    const answered = await nurse.post(`/api/referrals/${referral.id}/questionnaire-responses`, { timePoint: 'baseline', mode: 'staff', status: 'completed', answers: baselineAnswers() });
    assert.equal(answered.status, 201, JSON.stringify(answered.body));
    await page.goto(`${server.url}/borger/${citizen.id}`);
    await heading('Erik Fejlrettet').waitFor();
    await page.locator('.timeline-what').getByText(/^Spørgeskema besvaret: .+ \(start\)$/).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Markér som fejlregistreret\s*: Spørgeskema besvaret/ }).count(), 1, 'an answered questionnaire can be marked too');

    await page.getByRole('button', { name: /^Markér som fejlregistreret\s*: Måling: Vægt 190 kg/ }).click();
    const question = page.getByRole('group', { name: 'Markér "Måling: Vægt 190 kg" som fejlregistreret?' });
    await question.waitFor();
    await assertAccessible(page, 'citizen page, confirming entered in error');
    await screenshot(page, 'entered-in-error-confirm');
    await question.getByRole('button', { name: 'Fortryd' }).click();
    assert.equal(await question.count(), 0, 'nothing happens without confirming');
    await page.getByRole('button', { name: /^Markér som fejlregistreret\s*: Måling: Vægt 190 kg/ }).click();
    await question.getByRole('button', { name: 'Ja, markér som fejlregistreret' }).click();
    await page.getByText('"Måling: Vægt 190 kg" er markeret som fejlregistreret.').waitFor();
    const marked = page.locator('.timeline-item.entered-in-error');
    assert.equal(await marked.count(), 1);
    assert.match(await marked.textContent() ?? '', /Fejlregistreret.*Måling.*Vægt 190 kg/);
    assert.equal(await marked.locator('del').first().textContent(), 'Måling');
    assert.equal(await marked.getByRole('button').count(), 0, 'a marked record cannot be marked again');
    const weight = await server.db.owner.query<{ status: string }>(
      `SELECT status FROM observation WHERE referral_id = $1 AND municipality_id = $2 AND measure = 'weight'`, [referral.id, server.municipality.id]);
    assert.deepEqual(weight.rows, [{ status: 'entered-in-error' }]);
    await assertAccessible(page, 'citizen page with a record entered in error');
    await screenshot(page, 'entered-in-error');

    // A colleague cancels the booked conversation while the nurse is about to mark it.
    await page.getByRole('button', { name: /^Markér som fejlregistreret\s*: Afklarende samtale/ }).click();
    const current = (await colleague.get(`/api/referrals/${referral.id}/timeline`)).body.items.find((i: { id: string }) => i.id === booked.body.id);
    assert.equal((await colleague.patch(`/api/encounters/${booked.body.id}`, { version: current.version, status: 'cancelled' })).status, 200);
    await page.getByRole('button', { name: 'Ja, markér som fejlregistreret' }).click();
    await page.getByRole('heading', { name: 'En kollega har ændret registreringen' }).waitFor();
    await page.locator('.timeline-what').getByText('Afklarende samtale (i sundhedscentret) – aflyst').waitFor();
    assert.equal(await page.locator('.timeline-item.entered-in-error').count(), 1, 'the conversation was not marked');
    await assertAccessible(page, 'citizen page after a conflicting change');

    // The whole referral was registered by mistake: marked after confirming, with the version read.
    await page.getByRole('button', { name: 'Markér henvisningen som fejlregistreret' }).click();
    const whole = page.getByRole('group', { name: /^Markér "henvisningen af \d\d\.\d\d\.\d{4} med forløb og indsatser" som fejlregistreret\?$/ });
    await whole.getByRole('button', { name: 'Ja, markér som fejlregistreret' }).click();
    await page.getByText(/^"henvisningen af .*" er markeret som fejlregistreret\.$/).waitFor();
    assert.equal(await page.locator('.stage-now').textContent(), 'Fejlregistreret');
    assert.equal(await page.getByRole('button', { name: 'Markér henvisningen som fejlregistreret' }).count(), 0);
    assert.equal((await nurse.get(`/api/referrals/${referral.id}`)).body.stage, 'entered_in_error');
    await assertAccessible(page, 'citizen page, referral entered in error');
    assert.deepEqual(problems, []);
  });
});
