import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import jsqr from 'jsqr';
import { Client, createStaff, startTestServer, type TestServer } from '../../test/support/harness.ts';
import { createCitizen } from '../../test/support/fixtures.ts';
import { axeViolations, launchChromium } from './chromium.ts';
import { totpCode } from '../auth/totp.ts';
import { startTestProvider, type TestProvider } from './oidc-provider.ts';
import type { OidcConfig } from '../auth/security-config.ts';

/** jsQR is CommonJS compiled from an ES module: its function is the `default` of the module object. */
const decodeQr = jsqr.default;

/** Draws the page's QR code image on a canvas (white around it) and returns its RGBA pixels. */
const qrPixels = `(() => {
  const img = document.querySelector('.totp-qr img');
  const canvas = document.createElement('canvas');
  canvas.width = 400; canvas.height = 400;
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff'; g.fillRect(0, 0, 400, 400);
  g.drawImage(img, 40, 40, 320, 320);
  return Array.from(g.getImageData(0, 0, 400, 400).data);
})()`;

/** Two-factor enrolment and login, single sign-on, and the access log page, in real Chromium. */
describe('security in the browser: two-factor, SSO, the access log page', () => {
  let server: TestServer;
  let provider: TestProvider;
  let browser: Browser;
  const client = { id: 'ligevej', secret: 'browser-test-secret', redirectUri: '' };
  const oidc: OidcConfig = { issuer: '', clientId: client.id, clientSecret: client.secret, redirectUri: '', municipalityCode: '', allowHttp: true };

  before(async () => {
    provider = await startTestProvider(client, { sub: 'sso-1', preferred_username: '' });
    oidc.issuer = provider.issuer;
    server = await startTestServer({ security: { mfaRoles: ['clinician'], oidc } });
    Object.defineProperty(server.clock, 'now', { get: () => new Date() });
    client.redirectUri = oidc.redirectUri = `${server.url}/api/auth/oidc/callback`;
    oidc.municipalityCode = server.municipality.code;
    browser = await launchChromium();
  });
  after(async () => { await browser?.close(); await server?.close(); await provider?.close(); });

  async function newPage(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    return { context, page, problems };
  }
  /** A fresh page, logged in with the password alone (for users whose role needs no second factor here). */
  async function loggedIn(user: { username: string; password: string }) {
    const opened = await newPage();
    await opened.page.goto(server.url);
    await opened.page.getByLabel('Brugernavn').fill(user.username);
    await opened.page.getByLabel('Adgangskode').fill(user.password);
    await opened.page.getByRole('button', { name: 'Log ind' }).click();
    await opened.page.getByRole('heading', { level: 1, name: 'Mine arbejdslister' }).waitFor();
    return opened;
  }
  const noViolations = async (page: Page, name: string) =>
    assert.deepEqual((await axeViolations(page)).map((v) => `${v.id}: ${v.help}`), [], `axe on ${name}`);

  it('makes a clinician enrol two-factor first, then asks for the code at every login', async () => {
    const nurse = await createStaff(server.db, server.municipality.id, 'clinician');
    const { context, page, problems } = await newPage();
    await page.goto(server.url);
    await page.getByLabel('Brugernavn').fill(nurse.username);
    await page.getByLabel('Adgangskode').fill(nurse.password);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('heading', { level: 1, name: 'Opsæt to-faktor-login' }).waitFor();
    await page.getByRole('button', { name: 'Vis nøgle' }).click();
    const secret = (await page.locator('.totp-secret').textContent())!.trim();
    // The QR code on the page, read back by a QR decoder from the pixels Chromium drew: the app would get this URI.
    const qr = page.getByRole('img', { name: /QR-kode til godkendelses-appen.*skriv nøglen/ });
    await qr.waitFor();
    const scanned = decodeQr(new Uint8ClampedArray(await page.evaluate<number[]>(qrPixels)), 400, 400);
    assert.ok(scanned, 'the QR code decodes');
    const uri = new URL(scanned.data);
    assert.equal(uri.protocol, 'otpauth:');
    assert.equal(uri.searchParams.get('secret'), secret, 'the QR code carries the secret shown as text');
    assert.match(decodeURIComponent(uri.pathname), new RegExp(nurse.username));
    assert.match(await page.getByText('Nøglen er 32 tegn').textContent() ?? '', /A–Z og tallene 2–7/);
    await noViolations(page, 'two-factor enrolment');
    await page.getByLabel('Kode fra appen (6 cifre)').fill(totpCode(secret, new Date()));
    await page.getByRole('button', { name: 'Bekræft' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine arbejdslister' }).waitFor();
    await page.getByRole('button', { name: 'Log af' }).click();

    await page.getByLabel('Brugernavn').fill(nurse.username);
    await page.getByLabel('Adgangskode').fill(nurse.password);
    await page.getByRole('button', { name: 'Log ind' }).click();
    const codeField = page.getByLabel('Kode fra godkendelses-appen (6 cifre)');
    await codeField.waitFor();
    await noViolations(page, 'login asking for the code');
    // The next time step: the enrolment used the current one, and a step is accepted once.
    await codeField.fill(totpCode(secret, new Date(Date.now() + 30_000)));
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine arbejdslister' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('logs in through the municipality\'s identity provider (SSO)', async () => {
    const coordinator = await createStaff(server.db, server.municipality.id, 'coordinator');
    provider.user.preferred_username = coordinator.username;
    const { context, page, problems } = await newPage();
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Log ind med kommunens login' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine arbejdslister' }).waitFor();
    assert.match(await page.locator('.portal-user').textContent() ?? '', /Test coordinator/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('shows a citizen\'s access log with downloads for the citizen', async () => {
    const admin = await createStaff(server.db, server.municipality.id, 'admin');
    const colleague = await server.login('coordinator');
    const citizen = await createCitizen(colleague, 'Alma', 'Adgang');
    await colleague.get(`/api/citizens/${citizen.id}`);
    // Admins are not in mfaRoles here, so the password is enough.
    const { context, page, problems } = await loggedIn(admin);
    await page.goto(`${server.url}/borger/${citizen.id}`);
    await page.getByRole('link', { name: 'Adgangslog og indsigt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Adgangslog og indsigt' }).waitFor();
    await page.getByRole('row', { name: /Test coordinator/ }).first().waitFor();
    await noViolations(page, 'access log');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Hent adgangslog (PDF)' }).click();
    assert.equal((await download).suggestedFilename(), 'adgangslog.pdf');

    // A colleague locked out by wrong passwords; the admin unlocks her from the Administration page.
    const locked = await createStaff(server.db, server.municipality.id, 'manager');
    const guesser = new Client(server.url);
    for (let i = 0; i < 5; i += 1) await guesser.post('/api/auth/login', { username: locked.username, password: `gæt nummer ${i}` });
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page.getByRole('row', { name: new RegExp(locked.username) }).getByText('Låst').waitFor();
    await noViolations(page, 'administration');
    await page.getByRole('button', { name: `Lås op ${locked.username}` }).click();
    await page.getByText('Udført.').waitFor();
    assert.equal((await guesser.post('/api/auth/login', { username: locked.username, password: locked.password })).status, 200);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('keeps a citizen\'s consents from the citizen page: Danish validation, saving, a colleague\'s change in between', async () => {
    const staff = await createStaff(server.db, server.municipality.id, 'coordinator');
    const colleague = await server.login('coordinator');
    const citizen = await createCitizen(colleague, 'Signe', 'Samtykke');
    const { context, page, problems } = await loggedIn(staff);
    await page.goto(`${server.url}/borger/${citizen.id}`);
    await page.getByRole('link', { name: 'Samtykker' }).click();
    await page.getByRole('heading', { level: 1, name: 'Samtykker' }).waitFor();
    const now = page.getByRole('table', { name: 'Samtykker nu' });
    assert.equal(await now.getByRole('row', { name: /Forskning/ }).getByRole('cell').first().textContent(), 'Ikke givet');
    await page.getByText('Der er ikke registreret samtykker endnu.').waitFor();

    await page.getByRole('button', { name: 'Gem samtykke' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary.waitFor();
    assert.deepEqual(await summary.getByRole('link').allTextContents(), ['Formål skal udfyldes.', 'Hændelse skal udfyldes.', 'Hvordan skal udfyldes.']);
    await noViolations(page, 'consents with errors');
    await page.getByLabel('Påmindelser på sms').check();
    await page.getByLabel('Samtykke trukket tilbage').check();
    await page.getByLabel('Mundtligt').check();
    await page.getByRole('button', { name: 'Gem samtykke' }).click();
    await summary.getByRole('link', { name: 'Hændelse: samtykket kan ikke trækkes tilbage, da det ikke er givet.' }).waitFor();

    await page.getByLabel('Forskning').check();
    await page.getByLabel('Samtykke givet').check();
    await page.getByLabel('Gælder fra').fill('2026-03-01');
    await page.getByLabel('Skriftligt').check();
    await page.getByLabel('Note').fill('Underskrevet blanket');
    await page.getByRole('button', { name: 'Gem samtykke' }).click();
    await page.getByText('Samtykket er gemt.').waitFor();
    await now.getByRole('row', { name: /Forskning Givet 01\.03\.2026/ }).waitFor();
    await page.getByRole('table', { name: 'Historik' }).getByRole('row', { name: /Underskrevet blanket/ }).waitFor();

    // A colleague records a consent while the form is open: this form's version is old now.
    assert.equal((await colleague.post(`/api/gdpr/citizens/${citizen.id}/consents`, { purpose: 'sms_reminders', state: 'given', effectiveOn: '2026-03-02', method: 'digital', version: 1 })).status, 201);
    await page.getByLabel('Forskning').check();
    await page.getByLabel('Samtykke trukket tilbage').check();
    await page.getByLabel('Gælder fra').fill('2026-03-02');
    await page.getByLabel('Digitalt').check();
    await page.getByRole('button', { name: 'Gem samtykke' }).click();
    await page.getByRole('heading', { name: 'En anden har ændret samtykkerne' }).waitFor();
    await noViolations(page, 'consents after a conflict');
    await page.getByRole('button', { name: 'Hent nyeste version' }).click();
    await now.getByRole('row', { name: /Påmindelser på sms Givet/ }).waitFor();
    assert.equal(await page.getByLabel('Digitalt').isChecked(), true, 'what the user chose is kept');
    await page.getByRole('button', { name: 'Gem samtykke' }).click();
    await now.getByRole('row', { name: /Forskning Trukket tilbage 01\.03\.2026 02\.03\.2026 Digitalt/ }).waitFor();
    await noViolations(page, 'consents');
    await page.locator('.language-toggle').click();
    await page.getByRole('heading', { level: 1, name: 'Consents' }).waitFor();
    await page.getByRole('table', { name: 'Consents now' }).getByRole('row', { name: /Research Withdrawn .* Digital/ }).waitFor();
    await noViolations(page, 'consents in English');
    await page.locator('.language-toggle').click();
    const stored = (await colleague.get(`/api/gdpr/citizens/${citizen.id}/consents`)).body;
    assert.deepEqual(stored.events.map((e: { purpose: string; state: string }) => `${e.purpose}:${e.state}`), ['research:given', 'sms_reminders:given', 'research:withdrawn']);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
