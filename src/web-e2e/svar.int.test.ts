import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { launchChromium, screenshot } from './browser.ts';
import { assertAccessible } from './staff-browser.ts';
import { birthDateOf, contactedReferral, personalLink } from './citizen-setup.ts';
import { answerPage, completeAll } from './questionnaire-driver.ts';
import { readFileSync } from 'node:fs';

const tr = JSON.parse(readFileSync(new URL('../../web/src/svar/strings/tr.json', import.meta.url), 'utf8')) as Record<string, string>;

/**
 * The citizen's own phone (360 × 740): open the personal link, answer page by page in Danish or
 * Arabic, resume after closing the page, submit once. axe-core on every kind of page.
 */
describe('the citizen questionnaire page on a phone in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let nurse: Client;
  const problems: string[] = [];

  before(async () => {
    server = await startTestServer();
    Object.defineProperty(server.clock, 'now', { get: () => new Date() });
    nurse = await server.login('clinician');
    const admin = await server.login('admin');
    assert.equal((await admin.request('PUT', '/api/assessment/settings', { version: 0, contactPhone: '+45 76 16 16 16', linkDays: 14 })).status, 200);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function phone(locale: string): Promise<{ context: BrowserContext; page: Page; spoken: () => Promise<{ text: string; lang: string }[]> }> {
    const context = await browser.newContext({ locale, viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    // Records what the page asks the browser to read aloud (headless Chromium has no voices to hear).
    await context.addInitScript(() => {
      const said: { text: string; lang: string }[] = [];
      (window as unknown as { said: typeof said }).said = said;
      window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => { said.push({ text: u.text, lang: u.lang }); };
    });
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource.*(401|410)/.test(m.text())) problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    return { context, page, spoken: () => page.evaluate(() => (window as unknown as { said: { text: string; lang: string }[] }).said) };
  }

  async function enterBirthDate(page: Page, born: { day: string; month: string; year: string }): Promise<void> {
    await page.getByLabel('Dag').fill(born.day);
    await page.getByLabel('Måned').fill(born.month);
    await page.getByLabel('År').fill(born.year);
    await page.getByRole('button', { name: 'Fortsæt' }).click();
  }

  it('is served at /svar as its own page under the strict content security policy', async () => {
    const res = await fetch(`${server.url}/svar`);
    const html = await res.text();
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self';/);
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.match(html, /src="\/assets\/svar-[^"]+\.js"/);
    assert.doesNotMatch(html, /assets\/main-/, 'not the staff app');
    assert.doesNotMatch(await (await fetch(`${server.url}/`)).text(), /assets\/svar-/, 'the staff app is unchanged');
  });

  it('a citizen answers in Danish after the birth-date check, resumes where they left off and submits once', async () => {
    const { referralId, cpr } = await contactedReferral(nurse, 'Karen', 'Dansk');
    const link = await personalLink(nurse, referralId, { requireBirthDate: true });
    const { context, page, spoken } = await phone('da-DK');
    await page.goto(`${server.url}${link.path}`);
    await page.getByRole('heading', { level: 1, name: 'Bekræft, at det er dig' }).waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the token leaves the address bar');
    await assertAccessible(page, 'birth date');
    const born = birthDateOf(cpr);
    await page.getByLabel('Dag').fill(born.day === '01' ? '02' : '01');
    await page.getByLabel('Måned').fill(born.month);
    await page.getByLabel('År').fill(born.year);
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await page.getByText(/forsøg tilbage/).waitFor();
    await page.getByLabel('Dag').fill(born.day);
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Spørgeskema fra sundhedscentret' }).waitFor();
    assert.equal(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir].join()), 'da,ltr');
    await assertAccessible(page, 'questionnaire, first page');
    await screenshot(page, 'citizen-questionnaire-da-phone');

    await answerPage(page);
    await page.getByRole('button', { name: 'Gem og fortsæt' }).click();
    await page.getByText('Side 2 af').waitFor();
    // A required question left open is named in the error summary, which takes focus.
    await page.getByRole('button', { name: 'Gem og fortsæt' }).click();
    await page.getByRole('alert').getByText('Der mangler svar').waitFor();
    await assertAccessible(page, 'questionnaire with a missing answer');
    await page.getByRole('button', { name: 'Læs op' }).first().click();
    assert.equal((await spoken())[0]?.lang, 'da-DK');
    await answerPage(page);
    await page.getByRole('button', { name: 'Gem og fortsæt' }).click();
    await page.getByText('Side 3 af').waitFor();
    await page.getByText('Dine svar er gemt.').waitFor();

    // Closing the page and opening the link again asks for the birth date again, then resumes on page 3.
    await page.reload();
    await enterBirthDate(page, born);
    await page.getByText('Side 3 af').waitFor();
    await page.getByRole('button', { name: 'Tilbage' }).click();
    await page.getByText('Side 2 af').waitFor();
    assert.equal(await page.locator('main form input[type="radio"]:checked').count() > 0, true, 'the saved answers are shown');

    await completeAll(page, 'Gem og fortsæt', 'Send svarene');
    await page.getByRole('heading', { name: 'Tak for dine svar' }).waitFor();
    await assertAccessible(page, 'thank you');
    const responses = await nurse.get(`/api/referrals/${referralId}/questionnaire-responses`);
    assert.equal(responses.status, 200);
    assert.equal(JSON.stringify(responses.body).match(/"mode":"self"/g)?.length, 1, 'one response');

    // The link is used now: a second visit gets a kind message with the phone number.
    await page.goto('about:blank');
    await page.goto(`${server.url}${link.path}`);
    await page.getByRole('heading', { name: 'Linket virker ikke' }).waitFor();
    assert.match(await page.locator('main').textContent() ?? '', /\+45 76 16 16 16/);
    await assertAccessible(page, 'used link');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a citizen answers in Arabic: right to left, the questions in Arabic and read aloud in Arabic', async () => {
    const { referralId } = await contactedReferral(nurse, 'Amina', 'Haddad', 'ar');
    const link = await personalLink(nurse, referralId);
    const { context, page, spoken } = await phone('ar');
    await page.goto(`${server.url}${link.path}`);
    await page.getByRole('heading', { level: 1, name: 'استبيان من المركز الصحي' }).waitFor();
    assert.equal(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, getComputedStyle(document.body).direction].join()), 'ar,rtl,rtl');
    await assertAccessible(page, 'questionnaire in Arabic');
    await screenshot(page, 'citizen-questionnaire-ar-phone');
    await page.getByRole('button', { name: 'اقرأ بصوت عالٍ' }).first().click();
    assert.equal((await spoken())[0]?.lang, 'ar');
    await answerPage(page);
    await page.getByRole('button', { name: 'احفظ وتابع' }).click();
    await page.getByText('كيف تقيّم صحتك بشكل عام؟').waitFor();
    const pages = await completeAll(page, 'احفظ وتابع', 'أرسل إجاباتي');
    assert.ok(pages >= 8, `${pages} pages`);
    await page.getByRole('heading', { name: 'شكرًا على إجاباتك' }).waitFor();
    await assertAccessible(page, 'thank you in Arabic');
    const view = await nurse.get(`/api/referrals/${referralId}/conversation`);
    assert.deepEqual([view.body.responses.length, view.body.responses[0].language, view.body.responses[0].mode], [1, 'ar', 'self']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('switching language mid-way keeps the answers and turns the page left to right', async () => {
    const { referralId } = await contactedReferral(nurse, 'Reza', 'Ahmadi', 'fa');
    const link = await personalLink(nurse, referralId);
    const { context, page } = await phone('fa');
    await page.goto(`${server.url}${link.path}`);
    await page.getByText('صفحه 1 از').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    await page.locator('main form textarea').first().fill('Min familie');
    await page.getByLabel('زبان', { exact: true }).selectOption('en'); // exact: the Farsi barriers question also mentions language (زبان)
    await page.getByRole('heading', { level: 1, name: 'Questionnaire from the health centre' }).waitFor();
    assert.equal(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir].join()), 'en,ltr');
    assert.equal(await page.locator('main form textarea').first().inputValue(), 'Min familie');
    await assertAccessible(page, 'questionnaire in English');
    // WCAG reflow: 320 CSS pixels wide (a 1280 px screen at 400 %, a 640 px one at 200 %) without sideways scrolling.
    await page.setViewportSize({ width: 320, height: 640 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scrolling at 320 px');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a revoked link gets a kind message with the health centre\'s phone number, in the citizen\'s language', async () => {
    const { referralId } = await contactedReferral(nurse, 'Ali', 'Yilmaz', 'tr');
    const link = await personalLink(nurse, referralId);
    assert.equal((await nurse.post(`/api/questionnaire-links/${link.id}/revoke`, { version: link.version })).status, 200);
    const { context, page } = await phone('tr-TR');
    await page.goto(`${server.url}${link.path}`);
    await page.getByRole('heading', { name: 'Bağlantı çalışmıyor' }).waitFor();
    const text = await page.locator('main').textContent() ?? '';
    assert.match(text, /76 16 16 16/);
    assert.ok(text.includes(tr.linkRevoked!), 'the reason is in Turkish');
    assert.ok(!text.includes('ikke længere gyldigt'), 'not the server\'s Danish text');
    await assertAccessible(page, 'revoked link');
    await context.close();
  });
});
