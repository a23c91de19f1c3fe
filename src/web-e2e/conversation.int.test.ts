import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { createStaff, startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { launchChromium, screenshot } from './browser.ts';
import { assertAccessible, staffPage } from './staff-browser.ts';
import { contactedReferral } from './citizen-setup.ts';
import { completeAll } from './questionnaire-driver.ts';

/**
 * The clarifying conversation at desktop size: the nurse sends a personal link, the citizen answers
 * in Arabic on a phone, and the nurse sees the answers as the conversation wheel with findings,
 * records a measurement (confirming an unusual value), health literacy and the final level of
 * support, then holds the conversation and the pathway continues.
 */
describe('the conversation view in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let colleague: Client;
  let course: { citizenId: string; referralId: string };
  let problems: string[] = [];
  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  before(async () => {
    server = await startTestServer();
    Object.defineProperty(server.clock, 'now', { get: () => new Date() });
    colleague = await server.login('clinician');
    course = await contactedReferral(colleague, 'Amina', 'Haddad', 'ar');
    const nurse = await createStaff(server.db, server.municipality.id, 'clinician');
    browser = await launchChromium();
    ({ page, problems } = await staffPage(browser, server.url, nurse));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the conversation view from the citizen page and sends a personal link', async () => {
    await page.goto(`${server.url}/borger/${course.citizenId}?forloeb=${course.referralId}`);
    await heading('Amina Haddad').waitFor();
    await page.getByRole('link', { name: 'Samtalevisning' }).click();
    await heading('Samtalevisning').waitFor();
    await page.getByText('Amina Haddad, ').waitFor();
    await assertAccessible(page, 'conversation view before answers');
    await page.getByLabel('Udlevér selv linket').check();
    await page.getByRole('button', { name: 'Send link' }).click();
    const handOver = page.getByRole('status').filter({ hasText: 'Giv borgeren dette link' });
    await handOver.waitFor();
    const url = /(http\S+\/svar#[A-Za-z0-9_-]+)/.exec(await handOver.textContent() ?? '')?.[1];
    assert.ok(url, 'the link is shown to hand over');
    // The list of links is read again after sending: wait for the new link's row, open ("Åben").
    await page.getByRole('row', { name: /Åben/ }).first().waitFor();

    // The citizen answers in Arabic on a phone (choosing the last option of every question).
    const phone = await browser.newContext({ locale: 'ar', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const citizen = await phone.newPage();
    await citizen.goto(`${server.url}/svar#${url.split('#')[1]}`);
    await citizen.getByRole('heading', { level: 1, name: 'استبيان من المركز الصحي' }).waitFor();
    await completeAll(citizen, 'احفظ وتابع', 'أرسل إجاباتي', 'last');
    await citizen.getByRole('heading', { name: 'شكرًا على إجاباتك' }).waitFor();
    await phone.close();

    // Who has not answered: nobody now, the link is used.
    await page.getByRole('link', { name: 'Ubesvarede' }).click();
    await heading('Borgere, der ikke har svaret').waitFor();
    await assertAccessible(page, 'unanswered');
    assert.doesNotMatch(await page.locator('main').textContent() ?? '', /Amina Haddad/);
  });

  it('shows the answers as the conversation wheel with findings, records a measurement, health literacy and the decision', async () => {
    await page.goto(`${server.url}/borger/${course.citizenId}/forloeb/${course.referralId}/samtalevisning`);
    await heading('Samtalevisning').waitFor();
    const wheel = page.getByRole('img', { name: /Samtalehjulet/ });
    await wheel.waitFor();
    for (const domain of ['Krop', 'Hverdagsliv', 'Mental sundhed', 'Sundhedsadfærd', 'Netværk', 'Ressourcer']) assert.match(await wheel.textContent() ?? '', new RegExp(domain));
    const mental = page.getByRole('row', { name: /Mental sundhed/ });
    assert.match(await mental.textContent() ?? '', /Bekymring/, 'WHO-5 at the bottom of the scale is a concern');
    assert.match(await mental.textContent() ?? '', /who5 – score 0/);
    assert.ok(await page.locator('.flag-list .flag-concern').count() >= 1, 'concern findings are listed');
    assert.match(await page.locator('main').textContent() ?? '', /Borgeren selv/);

    // An implausible weight must be confirmed before it is saved.
    await page.getByLabel('Måling', { exact: true }).selectOption('weight');
    await page.getByRole('textbox', { name: 'Værdi' }).fill('260');
    await page.getByRole('button', { name: 'Gem måling' }).click();
    await page.getByText('Værdien er usædvanlig').waitFor();
    await assertAccessible(page, 'implausible measurement');
    await page.getByLabel('Jeg har kontrolleret værdien, og den er rigtig').check();
    await page.getByRole('button', { name: 'Gem måling' }).click();
    await page.getByText('Målingen er gemt.').waitFor();
    await page.getByRole('row', { name: /Krop/ }).getByText(/Vægt 260 kg/).waitFor();

    // Health literacy: the CHAT guide with notes, an overall rating and the digital-literacy flag.
    await page.getByText('Samtaleguide: sundhedskompetence').click();
    await page.getByLabel('Samlet vurdering').selectOption('2');
    await page.getByRole('button', { name: 'Gem vurdering' }).click();
    await page.getByRole('alert').getByText(/Vurdering \(Støttende relationer til fagpersoner\)/).waitFor();
    for (const area of ['professional_relationships', 'personal_relationships', 'health_behaviours', 'barriers_support']) await page.locator(`#lit-${area}-rating`).selectOption('3');
    await page.locator('#lit-information_access-rating').selectOption('1');
    await page.locator('#lit-information_access-notes').fill('Forstår ikke brevene fra hospitalet');
    await page.getByLabel('Samlet vurdering').selectOption('2');
    await page.getByLabel('Har brug for hjælp til det digitale').check();
    await assertAccessible(page, 'health literacy guide');
    await page.getByRole('button', { name: 'Gem vurdering' }).click();
    await page.getByText(/Vurderet .*: samlet Nogle udfordringer\. Digitalt: Har brug for hjælp til det digitale\./).waitFor();


    // The recommendation with its reasons; choosing another level needs a reason.
    const recommendation = page.locator('.recommendation').first();
    assert.match(await recommendation.textContent() ?? '', /anbefaler: /);
    assert.ok(await recommendation.locator('li').count() >= 1, 'the reasons are shown');
    const recommended = await page.locator('input[name="strat-level"]:checked').getAttribute('value');
    await page.getByLabel(recommended === 'standard' ? 'Udvidet med koordinator' : 'Standard').check();
    await page.getByRole('button', { name: 'Registrér beslutning' }).click();
    await page.getByRole('alert').getByText('Skriv, hvorfor du vælger et andet niveau end anbefalingen.').waitFor();
    await page.getByLabel('Begrundelse for at vælge et andet niveau end anbefalet').fill('Borgeren ønsker at starte i hold med andre');
    await page.getByRole('button', { name: 'Registrér beslutning' }).click();
    await page.getByText(/Besluttet .*:/).waitFor();
    await page.getByText(/Afviger fra anbefalingen .*Borgeren ønsker at starte i hold med andre/).waitFor();
    await assertAccessible(page, 'conversation view with answers');
    await screenshot(page, 'conversation-view');
  });

  it('continues the pathway: the clarifying conversation is held with an FSIII condition and a confirmed unusual weight', async () => {
    await page.getByRole('link', { name: 'Hold den afklarende samtale' }).click();
    await heading('Afklarende samtale').waitFor();
    const start = await page.getByLabel('Starttidspunkt').inputValue();
    const [h, m] = start.split(':').map(Number);
    await page.getByLabel('Sluttidspunkt').fill(`${String(Math.min(h! + 1, 23)).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    await page.getByLabel('Fysisk aktivitet').check();
    // An unusual weight typed in the step is kept only once the nurse confirms it.
    await page.getByRole('textbox', { name: /^Vægt/ }).fill('30');
    await page.getByRole('button', { name: 'Gem' }).click();
    const confirm = page.getByLabel('Vægt: jeg har kontrolleret den usædvanlige værdi, og den er rigtig');
    await confirm.waitFor();
    await assertAccessible(page, 'clarifying conversation with an unusual value');
    await confirm.check();
    await page.getByRole('button', { name: 'Gem' }).click();
    await heading('Amina Haddad').waitFor();
    assert.match(await page.locator('.timeline').textContent() ?? '', /Vægt 30 kg/);
    assert.equal(await page.locator('.stage-now').textContent(), 'Afklaret');
    await page.getByRole('link', { name: 'Samtalevisning' }).click();
    await heading('Samtalevisning').waitFor();
    await page.getByRole('region', { name: 'FSIII-tilstande' }).or(page.locator('section', { hasText: 'FSIII-tilstande' })).getByText('Fysisk aktivitet').first().waitFor();
    const decided = await colleague.get(`/api/referrals/${course.referralId}/stratification`);
    assert.equal(decided.status, 200);
    assert.deepEqual(problems, []);
  });
});
