import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { createStaff, startTestServer, type TestServer } from '../../test/support/harness.ts';
import { developmentNotifier } from '../notifier/notifier.ts';
import { runJobsOnce } from '../jobs/runner.ts';
import { defaultJobSettings } from '../jobs/schedule.ts';
import { launchChromium, screenshot } from './browser.ts';
import { assertAccessible, staffPage } from './staff-browser.ts';

/** The scheduled-jobs page: what ran, when, with what result, and what failed — in Danish and English. */
describe('the scheduled-jobs page in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[] = [];

  before(async () => {
    server = await startTestServer();
    Object.defineProperty(server.clock, 'now', { get: () => new Date() });
    const ctx = { db: server.db, notifier: developmentNotifier(() => undefined), settings: defaultJobSettings, clock: () => new Date() };
    const results = await runJobsOnce(ctx, { municipalityIds: [server.municipality.id], onlyDue: false, trigger: 'cli' });
    assert.deepEqual(results.map((r) => r.status), ['ok', 'ok', 'ok', 'ok']);
    // A failed run as the runner records it (the failure itself is tested in src/jobs/jobs.int.test.ts).
    await server.db.owner.query(
      `INSERT INTO job_run (municipality_id, job, trigger, status, started_at, finished_at, error) VALUES ($1, 'session-reminders', 'scheduler', 'failed', $2, $2, 'database unavailable')`,
      [server.municipality.id, new Date(Date.now() + 1000).toISOString()]);
    browser = await launchChromium();
    ({ page, problems } = await staffPage(browser, server.url, await createStaff(server.db, server.municipality.id, 'coordinator')));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows each job, its latest run and the failed one with its error, runs one now, and is accessible in Danish and English', async () => {
    await page.getByRole('link', { name: 'Kørsler' }).click();
    await page.getByRole('heading', { level: 1, name: 'Planlagte kørsler' }).waitFor();
    await page.getByText('Planlæggeren er slået fra i serveren').waitFor();
    const jobs = page.getByRole('table').first();
    assert.deepEqual((await jobs.locator('tbody th').allTextContents()),
      ['Send links til slut- og opfølgningsspørgeskemaer', 'SMS-påmindelser før holdgange', 'Afslut udløbne rekrutteringskampagner (slet kontaktdata)', 'Indberet §119-forløb til KL Gateway', 'Send beskeder fra udbakken']);
    assert.match(await page.getByRole('row', { name: /^SMS-påmindelser før holdgange hvert 60\. minut/ }).textContent() ?? '', /Fejlede/, 'the latest reminder run failed');
    const runs = page.getByRole('table').last();
    assert.equal(await runs.locator('tbody tr').count(), 5);
    const failed = runs.locator('tbody tr').first();
    assert.deepEqual((await failed.locator('td').allTextContents()).slice(1), ['Planlæggeren', 'Fejlede', '–', 'database unavailable']);
    assert.match(await runs.getByRole('row', { name: /Send beskeder fra udbakken/ }).textContent() ?? '', /Kommandolinjen.*Gennemført.*0 sendt, 0 ikke sendt/);
    await page.getByRole('button', { name: 'Kør nu – Send beskeder fra udbakken' }).click();
    await page.getByText('Send beskeder fra udbakken: gennemført (0 sendt, 0 ikke sendt).').waitFor();
    await runs.locator('tbody tr').nth(5).waitFor();
    assert.deepEqual((await runs.locator('tbody tr').first().locator('td').allTextContents()).slice(1, 3), ['En medarbejder', 'Gennemført']);
    await assertAccessible(page, 'scheduled jobs (da)');
    await screenshot(page, 'scheduled-jobs');

    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Scheduled jobs' }).waitFor();
    assert.match(await runs.getByRole('row', { name: /Send messages from the outbox/ }).filter({ hasText: 'The command line' }).textContent() ?? '', /The command line.*Done.*0 sent, 0 not sent/);
    assert.equal(await runs.getByRole('row', { name: /Send messages from the outbox/ }).filter({ hasText: 'A staff member' }).count(), 1);
    await assertAccessible(page, 'scheduled jobs (en)');
    assert.deepEqual(problems, []);
  });
});
