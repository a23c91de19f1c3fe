import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { createStaff, startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { createTeam, freshCpr } from '../../test/support/fixtures.ts';
import { code } from '../../test/support/codes.ts';
import { launchChromium } from './chromium.ts';
import { apiRoutes, isPublic, isWrite, label, sessionEnding, xssPayloads } from './adversary.ts';
import { fillPath, jsonSchemaOf, sample, stringPaths } from './request-samples.ts';

/**
 * Stored XSS: script payloads go into every free-text field of every write route the API accepts
 * them in, then the staff app shows that data in real Chromium. Nothing may run: React renders
 * text, and the Content-Security-Policy forbids inline scripts besides.
 */
describe('adversarial: stored XSS rendered in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let coordinator: Client;
  const stored: string[] = [];
  const ids: Record<string, string> = {};
  const ran: string[] = [];

  before(async () => {
    server = await startTestServer();
    Object.defineProperty(server.clock, 'now', { get: () => new Date() });
    coordinator = await server.login('coordinator');
    const citizen = await coordinator.post('/api/citizens', { cpr: freshCpr(), givenName: xssPayloads[0], familyName: xssPayloads[1], addressLine: xssPayloads[2], city: xssPayloads[3] });
    assert.equal(citizen.status, 201, JSON.stringify(citizen.body));
    const referral = (await coordinator.post('/api/referrals', {
      citizenId: citizen.body.id, sourceCode: code('referralSources', 'Egen læge/vagtlæge'), diagnoses: [{ system: 'SKS', code: 'DE11' }],
      receivedAt: new Date(Date.now() - 86_400_000).toISOString(), reason: xssPayloads[2],
    })).body as { id: string };
    // The consent registry names the version it was shown, which generated samples cannot know.
    const consent = await coordinator.post(`/api/gdpr/citizens/${citizen.body.id}/consents`,
      { purpose: 'research', state: 'given', effectiveOn: '2026-03-01', method: 'written', note: xssPayloads[0], version: 0 });
    assert.equal(consent.status, 201, JSON.stringify(consent.body));
    const team = await createTeam(server.db, server.municipality.id, xssPayloads[1]!, new Date(Date.now() + 86_400_000), 2);
    Object.assign(ids, { citizen: citizen.body.id, referral: referral.id, team: team.id, session: team.sessionIds[0]! });
    browser = await launchChromium();
  });
  after(async () => { await browser?.close(); await server?.close(); });

  it('stores script payloads in every free-text field the write routes accept', async () => {
    const writes = apiRoutes(server.routes).filter((r) => isWrite(r) && !isPublic(r) && !sessionEnding(r) && r.schema?.body
      && stringPaths(jsonSchemaOf(r.schema.body)).length > 0 && !r.url.startsWith('/api/auth/') && !r.url.startsWith('/api/admin/'));
    assert.ok(writes.length > 20);
    for (const r of writes) {
      for (const [i, payload] of xssPayloads.entries()) {
        const candidates = r.url.includes(':') ? Object.values(ids).map((id) => fillPath(r.url, id)) : [r.url];
        for (const path of candidates) {
          const res = await coordinator.request(r.method, path, sample(jsonSchemaOf(r.schema!.body), payload, 0, ids), { 'idempotency-key': `xss-${i}-${Math.random().toString(36).slice(2)}` });
          if (res.status < 300) { stored.push(label(r)); break; }
        }
      }
    }
    assert.ok(new Set(stored).size >= 5, `stored through ${[...new Set(stored)].join(', ')}`);
  });

  it('runs none of them on the pages that show the data', async () => {
    const staff = await createStaff(server.db, server.municipality.id, 'coordinator');
    const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
    page = await context.newPage();
    page.on('dialog', (d) => { ran.push(`dialog: ${d.message()}`); void d.dismiss(); });
    await page.goto(server.url);
    await page.getByLabel('Brugernavn').fill(staff.username);
    await page.getByLabel('Adgangskode').fill(staff.password);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine arbejdslister' }).waitFor();
    const pages = ['/', `/borger/${ids.citizen}`, `/borger/${ids.citizen}?forloeb=${ids.referral}`, `/borger/${ids.citizen}/adgangslog`, `/borger/${ids.citizen}/samtykker`, '/hold',
      `/hold/${ids.team}`, `/hold/${ids.team}/moedegang/${ids.session}`, '/tilbud', '/fremmoede', '/foreningsregister', '/brobygning', '/kampagner',
      `/borger/${ids.citizen}/brobygning`, `/borger/${ids.citizen}/matchning`];
    for (const path of pages) {
      await page.goto(server.url + path);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      if (await page.evaluate('window.__xss !== undefined')) ran.push(path);
    }
    await page.goto(`${server.url}/borger/${ids.citizen}`);
    await page.locator('main h1').first().waitFor();
    const heading = await page.locator('main h1').first().textContent();
    assert.ok(xssPayloads.some((p) => heading?.includes(p)), `the payload is shown as text: ${heading}`);
    assert.match(await page.locator('main').innerHTML(), /&lt;(script|img|svg)/, 'escaped in the page');
    assert.deepEqual(ran, []);
    await context.close();
  });
});
