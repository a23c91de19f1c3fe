import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { createStaff, startTestServer, type TestServer } from '../../test/support/harness.ts';
import { conversationStep, steps } from '../../test/support/fixtures.ts';
import { launchChromium, screenshot } from './browser.ts';
import { assertAccessible, staffPage } from './staff-browser.ts';
import { contactedReferral } from './citizen-setup.ts';

/** The KL Gateway page: report runs, rejected reports with the reason and the citizen, starting a run. */
describe('the KL Gateway page in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[] = [];
  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  before(async () => {
    server = await startTestServer();
    Object.defineProperty(server.clock, 'now', { get: () => new Date() });
    const coordinator = await server.login('coordinator');
    const nurse = await server.login('clinician');
    // Two citizens with a held clarifying conversation, reported in a first run.
    for (const [given, family] of [['Bodil', 'Afvist'], ['Carl', 'Godkendt']] as const) {
      const course = await contactedReferral(nurse, given, family);
      await steps(nurse, course.referralId, course.version, [conversationStep(new Date(Date.now() - 3_600_000).toISOString())]);
    }
    const first = await coordinator.post('/api/kl-gateway/runs', { send: false });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    // The gateway's answer for Bodil, as the sending client stores a rejection (sending itself is tested in src/reporting).
    const updated = await server.db.owner.query(
      `UPDATE kl_report SET status = 'rejected', rejection_reason = 'Bundle.entry[3].resource: Ukendt borger' WHERE run_id = $1
         AND citizen_id = (SELECT id FROM citizen WHERE given_name = 'Bodil' AND municipality_id = $2)`, [first.body.run.id, server.municipality.id]);
    assert.equal(updated.rowCount, 1);
    // The scheduled job, run once now by a staff member: nothing new to report (Carl is queued, Bodil's content was rejected).
    const job = await coordinator.post('/api/jobs/kl-gateway/run', {});
    assert.deepEqual(job.body.counts, { reports: 0, invalid: 0 }, JSON.stringify(job.body));
    browser = await launchChromium();
    ({ page, problems } = await staffPage(browser, server.url, await createStaff(server.db, server.municipality.id, 'coordinator')));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the runs and the rejected report with its reason and citizen; a coordinator starts a run', async () => {
    await page.getByRole('link', { name: 'KL Gateway' }).click();
    await heading('Indberetning til KL Gateway').waitFor();
    await page.getByText('Afsendelse er slået fra').waitFor();
    const rejected = page.getByRole('row', { name: /Bodil Afvist/ });
    assert.match(await rejected.textContent() ?? '', /Ukendt borger/);
    assert.match(await rejected.textContent() ?? '', /\d{6}-xxxx/, 'the CPR number is masked');
    assert.equal(await page.getByRole('row', { name: /Carl Godkendt/ }).count(), 0, 'only rejected reports are listed');
    await page.getByText('Planlæggeren er slået fra i serveren: driften starter indberetningen').waitFor();
    await page.getByText(/^Seneste automatiske kørsel: .+ – Gennemført\. Resultat: 0 indberetninger dannet, 0 ugyldige\.$/).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Se alle planlagte kørsler' }).getAttribute('href'), '/planlagte-koersler');
    const runs = page.getByRole('table').last();
    assert.equal(await runs.locator('tbody tr').count(), 2, 'the first run and the job\'s run');
    assert.deepEqual(await runs.locator('tbody tr').nth(0).locator('td').allTextContents(), ['2', '0', '0', '0', '0', '0'], 'the job made no report twice');
    assert.deepEqual(await runs.locator('tbody tr').nth(1).locator('td').allTextContents(), ['2', '2', '0', '0', '1', '1']);
    await assertAccessible(page, 'KL Gateway');
    await screenshot(page, 'kl-gateway');

    await page.getByRole('button', { name: 'Start en kørsel' }).click();
    await page.getByText(/Kørslen er færdig: \d+ indberetninger for \d+ borgere, 0 ugyldige\./).waitFor();
    // The runs table is read again after the run: wait for the third row, then check there are exactly three.
    await runs.locator('tbody tr').nth(2).waitFor();
    assert.equal(await runs.locator('tbody tr').count(), 3);

    await rejected.getByRole('link', { name: 'Bodil Afvist' }).click();
    await heading('Bodil Afvist').waitFor();
    assert.deepEqual(problems, []);
  });
});
