import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { createStaff, startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { createCitizen, createReferral } from '../../test/support/fixtures.ts';
import { createOffer } from '../../test/support/catalogue.ts';
import { createWalkingClub } from '../../test/support/associations.ts';
import { launchChromium, screenshot } from './browser.ts';
import { assertAccessible, staffPage } from './staff-browser.ts';

const DAY = 86_400_000;
const localDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(d);

/**
 * Issue 5 review gaps in the browser: editing an offer (prefilled, the public-name rule, a
 * colleague's concurrent change explained and reloaded, never overwritten), editing an association,
 * recording campaign outcomes per person and marking a person enrolled, and the citizen page's
 * links to matching and bridge-building. Every state is checked with axe.
 */
describe('editing the catalogue and working a campaign in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let coordinator: Client & { userId: string };
  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  before(async () => {
    server = await startTestServer();
    Object.defineProperty(server.clock, 'now', { get: () => new Date() });
    coordinator = await server.login('coordinator');
    browser = await launchChromium();
    ({ page, problems } = await staffPage(browser, server.url, await createStaff(server.db, server.municipality.id, 'coordinator')));
    page.on('response', (r) => { if (r.status() === 404) problems.push(`404 ${r.url()}`); });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('edits an offer: prefilled, the public name may not label the target group, and a colleague\'s change is explained, not overwritten', async () => {
    const offer = await createOffer(coordinator, { publicName: 'Styrk kroppen', capacity: 12 });
    const read = async () => (await coordinator.get(`/api/offers/${offer.id}`)).body as { publicName: string; capacity: number; version: number };
    await page.getByRole('link', { name: 'Tilbud', exact: true }).click();
    await heading('Tilbudskatalog').waitFor();
    await page.getByRole('link', { name: 'Redigér – Styrk kroppen' }).click();
    await heading('Redigér tilbuddet "Styrk kroppen"').waitFor();
    assert.equal(await page.getByLabel('Offentligt navn').inputValue(), 'Styrk kroppen');
    assert.equal(await page.getByLabel('Pladser').inputValue(), '12');
    assert.equal(await page.getByLabel('Fysisk træning').isChecked(), true, 'the interventions are prefilled');
    await assertAccessible(page, 'offer edit form');

    await page.getByLabel('Offentligt navn').fill('Styrketræning for ledige');
    await page.getByRole('button', { name: 'Gem ændringerne' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary.getByText(/Offentligt navn må ikke sætte mærkat på målgruppen \(her: "ledig"\)/).waitFor();
    assert.match(await page.locator('#publicName-error').textContent() ?? '', /mærkat på målgruppen/, 'the message stands next to the field too');
    assert.equal(await page.getByLabel('Offentligt navn').getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'offer edit form with errors');
    assert.equal((await read()).publicName, 'Styrk kroppen', 'nothing was saved');

    await page.getByLabel('Offentligt navn').fill('Styrketræning i roligt tempo');
    await page.getByLabel('Pladser').fill('14');
    await page.getByRole('button', { name: 'Gem ændringerne' }).click();
    await page.getByText('Ændringerne af "Styrketræning i roligt tempo" er gemt.').waitFor();
    const saved = await read();
    assert.deepEqual([saved.publicName, saved.capacity], ['Styrketræning i roligt tempo', 14]);

    // A colleague saves while the form is open: the browser's next save names the stale version.
    const colleague = await coordinator.patch(`/api/offers/${offer.id}`, { version: saved.version, capacity: 10 });
    assert.equal(colleague.status, 200);
    await page.getByLabel('Pladser').fill('16');
    await page.getByRole('button', { name: 'Gem ændringerne' }).click();
    await page.getByRole('alert').filter({ hasText: 'En kollega har ændret tilbuddet' }).waitFor();
    assert.equal((await read()).capacity, 10, 'the colleague\'s change is not overwritten');
    await assertAccessible(page, 'offer edit conflict');
    await screenshot(page, 'offer-edit-conflict');
    await page.getByRole('button', { name: 'Hent nyeste version' }).click();
    await page.getByText('Den nyeste version er hentet. Tjek oplysningerne, og gem igen.').waitFor();
    assert.equal(await page.getByLabel('Pladser').inputValue(), '10', 'the form shows the colleague\'s version');
    await page.getByLabel('Pladser').fill('16');
    await page.getByRole('button', { name: 'Gem ændringerne' }).click();
    await page.getByText('Ændringerne af "Styrketræning i roligt tempo" er gemt.').waitFor();
    assert.equal((await read()).capacity, 16);
  });

  it('edits an association in the registry, prefilled with its contact person', async () => {
    const { associationId } = await createWalkingClub(coordinator);
    const before = (await coordinator.get('/api/associations')).body.associations.find((a: { id: string }) => a.id === associationId);
    await page.getByRole('link', { name: 'Foreninger', exact: true }).click();
    await heading('Foreningsregister').waitFor();
    await page.getByRole('link', { name: `Redigér foreningen – ${before.name}` }).click();
    await heading(`Redigér "${before.name}"`).waitFor();
    assert.equal(await page.getByLabel('Kontaktperson (kun for medarbejdere)').inputValue(), 'Kirsten Frivillig');
    await page.getByLabel('Foreningens navn').fill('');
    await page.getByRole('button', { name: 'Gem ændringerne' }).click();
    await page.getByRole('alert').filter({ hasText: 'Foreningens navn skal udfyldes.' }).waitFor();
    await assertAccessible(page, 'association edit with errors');
    await page.getByLabel('Foreningens navn').fill('Gåklubben Ligeby og omegn');
    await page.getByLabel('Kontaktperson (kun for medarbejdere)').fill('Jens Frivillig');
    await page.getByRole('button', { name: 'Gem ændringerne' }).click();
    await page.getByText('Gemt.').waitFor();
    const after = (await coordinator.get('/api/associations')).body.associations.find((a: { id: string }) => a.id === associationId);
    assert.deepEqual([after.name, after.contactName, after.version], ['Gåklubben Ligeby og omegn', 'Jens Frivillig', before.version + 1]);

    await page.getByRole('link', { name: 'Foreningsregister' }).click();
    await heading('Foreningsregister').waitFor();
    await page.getByRole('row', { name: /Gåklubben Ligeby og omegn/ }).getByRole('link', { name: 'Redigér – Gåtur i roligt tempo' }).click();
    await heading('Redigér "Gåtur i roligt tempo"').waitFor();
    assert.equal(await page.getByLabel('Mødested').inputValue(), 'Parkeringspladsen ved Søparken');
    assert.equal(await page.getByLabel('Link til video').inputValue(), 'https://example.org/video');
    assert.equal(await page.getByLabel('Torsdag').isChecked(), true, 'the weekdays are prefilled');
    await assertAccessible(page, 'association offer edit');
    await page.getByLabel('Mødested').fill('Indgangen til Søparken');
    await page.getByLabel('Lørdag').check();
    await page.getByRole('button', { name: 'Gem ændringerne' }).click();
    await page.getByText('Gemt.').waitFor();
    const offer = (await coordinator.get('/api/associations')).body.associations.find((a: { id: string }) => a.id === associationId).offers[0];
    assert.deepEqual([offer.placeName, offer.weekdays, offer.links.map((l: { url: string }) => l.url), offer.version], ['Indgangen til Søparken', [2, 4, 6], ['https://example.org/video'], 2]);
  });

  it('records outcomes per person on a campaign and marks a person enrolled, whose data is then kept at the end', async () => {
    const campaign = await coordinator.post('/api/campaigns', { name: 'Rygestop i Sydparken', area: 'Sydparken', courseDate: localDay(new Date(Date.now() + 30 * DAY)), startsOn: localDay(new Date()), endsOn: localDay(new Date(Date.now() + 20 * DAY)) });
    assert.equal(campaign.status, 201);
    const per = await createCitizen(coordinator, 'Per', 'Ringer');
    const perReferral = await createReferral(coordinator, per.id, new Date(Date.now() - 5 * DAY).toISOString());
    assert.equal((await coordinator.post(`/api/campaigns/${campaign.body.id}/contacts`, { referralId: perReferral.id })).status, 201);
    for (const family of ['Dørklokke', 'Plakatsen']) {
      const res = await coordinator.post(`/api/campaigns/${campaign.body.id}/contacts`, { givenName: 'Lis', familyName: family, phone: '+45 30 30 30 30', legalBasis: 'consent', legalBasisNote: 'Mundtligt samtykke ved døren' });
      assert.equal(res.status, 201);
    }
    // Lis Dørklokke signs up: the centre creates her as a citizen with a referral, which the campaign then links.
    const lis = await createCitizen(coordinator, 'Lis', 'Dørklokke');
    const lisReferral = await createReferral(coordinator, lis.id, new Date().toISOString());

    await page.getByRole('link', { name: 'Kampagner', exact: true }).click();
    await page.getByRole('link', { name: 'Rygestop i Sydparken' }).click();
    await heading('Rygestop i Sydparken').waitFor();
    await page.getByText('Ingen er rekrutteret endnu.').waitFor();
    await assertAccessible(page, 'campaign page');

    const record = async (name: string, channel: string, outcome: string) => {
      await page.getByRole('button', { name: `Registrér udfald – ${name}` }).click();
      const form = page.getByRole('form', { name: `Registrér udfald for ${name}` });
      await form.getByLabel('Kanal').selectOption({ label: channel });
      await form.getByLabel(outcome, { exact: true }).check();
      await form.getByRole('button', { name: 'Registrér forsøg' }).click();
      await page.getByText(`Udfaldet for ${name} er registreret.`).waitFor();
    };
    await page.getByRole('button', { name: 'Registrér udfald – Per Ringer' }).click();
    await page.getByRole('heading', { name: 'Registrér udfald for Per Ringer' }).waitFor();
    assert.equal(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent), 'Registrér udfald for Per Ringer', 'the panel takes focus');
    await page.getByRole('button', { name: 'Registrér forsøg' }).click();
    await page.getByRole('alert').filter({ hasText: 'Udfald skal udfyldes.' }).waitFor();
    await assertAccessible(page, 'outcome form with errors');
    await page.getByRole('button', { name: 'Fortryd' }).click();
    await record('Per Ringer', 'Telefon', 'Intet svar');
    await record('Per Ringer', 'Telefon', 'Rekrutteret');
    await record('Lis Dørklokke', 'Dør til dør', 'Rekrutteret');
    await record('Lis Plakatsen', 'Plakater', 'Ikke interesseret');
    assert.match(await page.getByRole('row', { name: /Per Ringer/ }).textContent() ?? '', /Intet svar.*Rekrutteret \(Test coordinator\).*Rekrutteret/);

    await page.getByRole('button', { name: 'Markér som tilmeldt – Lis Dørklokke' }).click();
    const enrol = page.getByRole('region', { name: 'Tilmeld Lis Dørklokke' });
    assert.equal(await enrol.getByLabel('Borgerens navn').inputValue(), 'Lis Dørklokke', 'the search starts from the contact\'s name');
    await enrol.getByRole('button', { name: 'Søg borgere og henvisninger' }).click();
    const referral = enrol.getByLabel('Henvisning');
    await referral.waitFor();
    assert.equal(await referral.inputValue(), lisReferral.id);
    await assertAccessible(page, 'enrol panel');
    await enrol.getByRole('button', { name: 'Tilmeld', exact: true }).click();
    await page.getByText('Lis Dørklokke er tilmeldt. Kontaktoplysningerne bevares.').waitFor();
    await page.getByText('2 rekrutteret, heraf 1 via telefon, 1 via dør til dør. 1 tilmeldt et forløb.').waitFor();
    assert.match(await page.getByRole('row', { name: /Lis Dørklokke/ }).textContent() ?? '', /Tilmeldt/);
    assert.equal(await page.getByRole('button', { name: 'Markér som tilmeldt – Lis Dørklokke' }).count(), 0);
    const doorRow = page.locator('table').first().getByRole('row', { name: /Dør til dør/ });
    assert.deepEqual((await doorRow.locator('td').allTextContents()), ['1', '1', '1', '1'], 'door to door: contacted, attempts, recruited, enrolled');
    assert.deepEqual((await page.locator('table').first().locator('tfoot td').allTextContents()), ['3', '4', '2', '1']);
    await assertAccessible(page, 'campaign with an enrolment');
    await screenshot(page, 'campaign-results');

    // Per came from a referral: his is chosen at once. A colleague enrols him first; the save is refused and explained.
    await page.getByRole('button', { name: 'Markér som tilmeldt – Per Ringer' }).click();
    const enrolPer = page.getByRole('region', { name: 'Tilmeld Per Ringer' });
    await enrolPer.getByLabel('Henvisning').waitFor();
    assert.equal(await enrolPer.getByLabel('Henvisning').inputValue(), perReferral.id);
    assert.equal(await enrolPer.getByLabel('Borgerens navn').count(), 0, 'no search for a person who came from a referral');
    const perContact = (await coordinator.get(`/api/campaigns/${campaign.body.id}`)).body.contacts[0];
    assert.equal((await coordinator.post(`/api/campaign-contacts/${perContact.id}/enrol`, { referralId: perReferral.id, version: perContact.version })).status, 200);
    await enrolPer.getByRole('button', { name: 'Tilmeld', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'En kollega har ændret oplysningerne' }).waitFor();
    await assertAccessible(page, 'enrolment conflict');
    await page.getByRole('button', { name: 'Hent nyeste version' }).click();
    await page.getByText('2 rekrutteret, heraf 1 via telefon, 1 via dør til dør. 2 tilmeldt et forløb.').waitFor();
    assert.equal(await page.getByRole('region', { name: 'Tilmeld Per Ringer' }).count(), 0, 'the panel closes once he is enrolled');
    assert.match(await page.getByRole('row', { name: /Per Ringer/ }).textContent() ?? '', /Tilmeldt/);

    await page.getByRole('button', { name: 'Afslut kampagnen' }).click();
    await page.getByText('Kampagnen er afsluttet.').waitFor();
    await page.getByRole('row', { name: /\(slettet\)/ }).waitFor();
    const ended = (await coordinator.get(`/api/campaigns/${campaign.body.id}`)).body;
    assert.deepEqual(ended.contacts.map((c: { name: string | null; erased: boolean }) => [c.name, c.erased]), [['Per Ringer', false], ['Lis Dørklokke', false], [null, true]]);
    assert.equal(ended.contacts[1].enrolledReferralId, lisReferral.id);
  });

  it('links from the citizen page to matching for the course shown, and to bridge-building', async () => {
    const citizen = await createCitizen(coordinator, 'Sofie', 'Linksen');
    await createReferral(coordinator, citizen.id, new Date(Date.now() - 60 * DAY).toISOString());
    const newer = await createReferral(coordinator, citizen.id, new Date(Date.now() - 2 * DAY).toISOString());
    const older = (await coordinator.get(`/api/referrals?citizenId=${citizen.id}`)).body.referrals.find((r: { id: string }) => r.id !== newer.id);
    await page.goto(`${server.url}/borger/${citizen.id}?forloeb=${older.id}`);
    await heading('Sofie Linksen').waitFor();
    await assertAccessible(page, 'citizen page with planning links');
    await page.getByRole('link', { name: 'Find tilbud og hold' }).click();
    await heading('Tilbud til Sofie Linksen').waitFor();
    assert.equal(await page.getByLabel('Henvisning').inputValue(), older.id, 'the course shown on the citizen page is chosen');
    await page.getByRole('link', { name: 'Sofie Linksen' }).click();
    await heading('Sofie Linksen').waitFor();
    await page.getByRole('navigation', { name: 'Tilbud og fællesskaber' }).getByRole('link', { name: 'Brobygning' }).click();
    await heading('Brobygning: Sofie Linksen').waitFor();
    assert.deepEqual(problems, [], 'no script errors or CSP violations in the console');
  });
});
