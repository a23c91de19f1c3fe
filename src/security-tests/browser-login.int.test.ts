import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Client, createStaff, startTestServer, type TestServer } from '../../test/support/harness.ts';
import { createCitizen } from '../../test/support/fixtures.ts';
import { axeViolations, launchChromium } from './chromium.ts';
import { totpCode } from '../auth/totp.ts';
import { startTestProvider, type TestProvider } from './oidc-provider.ts';
import type { OidcConfig } from '../auth/security-config.ts';

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
    const { context, page, problems } = await newPage();
    await page.goto(server.url);
    await page.getByLabel('Brugernavn').fill(admin.username);
    await page.getByLabel('Adgangskode').fill(admin.password);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine arbejdslister' }).waitFor();
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
});
