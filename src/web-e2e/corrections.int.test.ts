import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { createStaff, startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { createCitizen, createReferral } from '../../test/support/fixtures.ts';
import { createWalkingClub } from '../../test/support/associations.ts';
import { launchChromium, screenshot } from './browser.ts';
import { assertAccessible, staffPage } from './staff-browser.ts';

const DAY = 86_400_000;
const localDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(d);

/**
 * Corrections and confirmations in Chromium: a bridge-building follow-up and then the bridge itself
 * marked entered in error (after a confirmation; kept, struck through); the needs form on the
 * matching page after a colleague saved in between (load the newest version); and the retention
 * run from the administration page (only after the dry run, confirmed with the number of citizens,
 * refused when the list changed in between). Every state is checked with axe.
 */
describe('corrections, conflicts and the retention run in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let coordinator: Client & { userId: string };
  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  before(async () => {
    server = await startTestServer();
    Object.defineProperty(server.clock, 'now', { get: () => new Date() });
    coordinator = await server.login('coordinator');
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('marks a follow-up\'s answer and then the bridge entered in error, after confirming; both stay, struck through', async () => {
    const { offerId } = await createWalkingClub(coordinator, { activity: 'Stavgang i skoven', area: 'Skovby' });
    const citizen = await createCitizen(coordinator, 'Frida', 'Fejlbro');
    const bridged = await coordinator.post('/api/bridges', { citizenId: citizen.id, associationOfferId: offerId, bridgedOn: localDay(new Date(Date.now() - 100 * DAY)), companion: 'volunteer' });
    assert.equal(bridged.status, 201);
    const three = bridged.body.followUps[0];
    assert.equal((await coordinator.post(`/api/bridge-follow-ups/${three.id}`, { version: three.version, followedUpOn: localDay(new Date()), stillActive: false, reason: 'moved' })).status, 200);

    // The bridge-builder, who may not read the rest of the citizen's record, works the page.
    const staff = await createStaff(server.db, server.municipality.id, 'bridge_builder');
    // A bridge-builder has no worklists: they land on the bridge-building list, and the menu offers only what they may use.
    const { page, problems } = await staffPage(browser, server.url, staff, 'Brobygning');
    assert.equal(new URL(page.url()).pathname, '/brobygning');
    const menu = page.getByRole('navigation', { name: 'Hovedmenu' });
    assert.equal(await menu.getByRole('link', { name: 'Find borger' }).count(), 0, 'no citizen search in the menu');
    assert.equal(await menu.getByRole('link', { name: 'Foreninger', exact: true }).count(), 1);
    assert.deepEqual(problems, [], 'no refused request on the way in');
    await page.goto(`${server.url}/borger/${citizen.id}/brobygning`);
    await heading(page, 'Brobygning: Frida Fejlbro').waitFor();
    assert.equal(await page.getByRole('form', { name: 'Opfølgning efter 3 måneder' }).count(), 0, 'the answer is recorded');
    await page.getByRole('button', { name: /^Markér svaret som fejlregistreret\W+Opfølgning efter 3 måneder/ }).click();
    const question = page.getByRole('group', { name: /^Markér "Opfølgning efter 3 måneder: .*Ikke længere aktiv\. Grund: Flyttet" som fejlregistreret\?$/ });
    await question.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Ja, markér som fejlregistreret', 'the confirmation takes focus');
    await assertAccessible(page, 'confirming a follow-up entered in error');
    await question.getByRole('button', { name: 'Ja, markér som fejlregistreret' }).click();
    await page.getByText(/er markeret som fejlregistreret\.$/).waitFor();
    // The wrong answer stays, struck through and labelled, and the follow-up is due again with its form.
    await page.locator('main del', { hasText: 'Ikke længere aktiv. Grund: Flyttet' }).waitFor();
    await page.getByRole('form', { name: 'Opfølgning efter 3 måneder' }).waitFor();
    await assertAccessible(page, 'a follow-up entered in error');

    await page.getByRole('button', { name: /^Markér brobygningen som fejlregistreret\W+Stavgang i skoven/ }).click();
    const bridgeQuestion = page.getByRole('group', { name: /^Markér "Stavgang i skoven – .*" som fejlregistreret\?$/ });
    await bridgeQuestion.getByText(/tæller ikke længere som brobygget/).waitFor();
    await bridgeQuestion.getByRole('button', { name: 'Fortryd' }).click();
    assert.equal(await bridgeQuestion.count(), 0, 'cancelling changes nothing');
    await page.getByRole('button', { name: /^Markér brobygningen som fejlregistreret/ }).click();
    await bridgeQuestion.getByRole('button', { name: 'Ja, markér som fejlregistreret' }).click();
    await page.getByText(/^"Stavgang i skoven – .*" er markeret som fejlregistreret\.$/).waitFor();
    const section = page.getByRole('region', { name: /Stavgang i skoven/ });
    await section.locator('h2 del').waitFor();
    await section.getByText('Fejlregistreret', { exact: true }).first().waitFor();
    assert.equal(await page.getByRole('form', { name: /Opfølgning efter/ }).count(), 0, 'nothing more is recorded on a bridge in error');
    assert.equal(await page.getByRole('button', { name: /^Markér/ }).count(), 0);
    await screenshot(page, 'bridge-entered-in-error');
    await assertAccessible(page, 'a bridge entered in error');
    const listed = await coordinator.get(`/api/citizens/${citizen.id}/bridges`);
    assert.equal(listed.body.bridges[0].status, 'entered-in-error');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('offers the newest needs on the matching page after a colleague saved them in between', async () => {
    const citizen = await createCitizen(coordinator, 'Nanna', 'Nyeste');
    const staff = await createStaff(server.db, server.municipality.id, 'clinician');
    const { page, problems } = await staffPage(browser, server.url, staff);
    await page.goto(`${server.url}/borger/${citizen.id}/matchning`);
    await heading(page, /Nanna Nyeste/).waitFor();
    const form = page.getByRole('region', { name: 'Borgerens behov og ønsker' });
    await form.getByLabel('Foretrukne lokalområder').fill('Centrum');
    // A colleague records the needs first.
    assert.equal((await coordinator.post(`/api/citizens/${citizen.id}/needs`, { version: null, barriers: ['transport'], preferredTimes: [], preferredWeekdays: [], preferredAreas: ['Vestparken'] })).status, 200);
    await form.getByRole('button', { name: 'Gem behov og ønsker' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'En kollega har ændret oplysningerne' });
    await conflict.waitFor();
    await assertAccessible(page, 'needs after a conflict');
    await conflict.getByRole('button', { name: 'Hent nyeste version' }).click();
    await page.getByText('Den nyeste version er hentet. Tjek oplysningerne, og gem igen.').waitFor();
    assert.equal(await form.getByLabel('Foretrukne lokalområder').inputValue(), 'Vestparken', 'the colleague\'s needs are in the form, not overwritten');
    assert.equal(await form.getByRole('checkbox', { name: 'Svært ved transport' }).isChecked(), true);
    await form.getByLabel('Foretrukne lokalområder').fill('Vestparken, Centrum');
    await form.getByRole('button', { name: 'Gem behov og ønsker' }).click();
    await page.getByText('Behov og ønsker er gemt.').waitFor();
    assert.deepEqual((await coordinator.get(`/api/citizens/${citizen.id}/needs`)).body.preferredAreas, ['Vestparken', 'Centrum']);
    await assertAccessible(page, 'needs saved after reloading');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('runs the retention job from the administration page only as confirmed after the dry run, refusing a changed list', async () => {
    const pastPeriod = async (name: string) => {
      const c = await createCitizen(coordinator, name, 'Opbevaring');
      const r = await createReferral(coordinator, c.id, '2010-01-01T08:00:00Z');
      await server.db.owner.query('UPDATE referral SET stage = $2, updated_at = $3 WHERE id = $1 AND municipality_id = $4', [r.id, 'followed_up', '2012-01-01', server.municipality.id]);
      return c.id;
    };
    const first = [await pastPeriod('Asta'), await pastPeriod('Bent')];
    const admin = await createStaff(server.db, server.municipality.id, 'admin');
    const { page, problems } = await staffPage(browser, server.url, admin);
    await page.getByRole('link', { name: 'Administration' }).click();
    await heading(page, 'Administration').waitFor();
    await page.getByText('Prøvekørslen viser 2 borger(e), der vil blive anonymiseret.').waitFor();
    await page.getByRole('button', { name: 'Kør sletningen' }).click();
    const question = page.getByRole('group', { name: 'Anonymisér 2 borger(e) nu?' });
    await question.waitFor();
    await assertAccessible(page, 'confirming the retention run');
    // Meanwhile a third citizen falls due: the confirmed list no longer holds, so nothing is run.
    const late = await pastPeriod('Carl');
    await question.getByRole('button', { name: 'Ja, anonymisér 2 borger(e)' }).click();
    const changed = page.getByRole('alert').filter({ hasText: 'Listen er ændret' });
    await changed.getByText(/Sletningen er ikke kørt.*\(2 borgere dengang, 3 nu\)/).waitFor();
    await page.getByText('Prøvekørslen viser 3 borger(e), der vil blive anonymiseret.').waitFor();
    const anonymised = async () => (await server.db.owner.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM citizen WHERE anonymised_at IS NOT NULL AND municipality_id = $1 AND id = ANY($2::uuid[])', [server.municipality.id, [...first, late]])).rows[0]!.n;
    assert.equal(await anonymised(), 0, 'a refused run changes nothing');
    await assertAccessible(page, 'retention refused after a change');
    await page.getByRole('button', { name: 'Kør sletningen' }).click();
    await page.getByRole('button', { name: 'Ja, anonymisér 3 borger(e)' }).click();
    await page.getByText('Sletningen er kørt: 3 borger(e) er anonymiseret.').waitFor();
    await page.getByText('Ingen borgere er over deres periode.').waitFor();
    assert.equal(await anonymised(), 3);
    await screenshot(page, 'retention-run');
    await assertAccessible(page, 'retention run done');
    assert.deepEqual(problems.filter((p) => !/Failed to load resource.*409/.test(p)), [], 'no script errors besides the refused run\'s 409');
    await page.context().close();
  });
});
