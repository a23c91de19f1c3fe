import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './browser.ts';

/**
 * A staff member's desktop browser (1280 × 900, Danish), logged in through the login page.
 * Console errors and page errors are collected in `problems` (a 401 before login is expected).
 */
/** Logs in; `landing` is the heading of the page the role lands on (roles without worklists land elsewhere). */
export async function staffPage(browser: Browser, url: string, staff: { username: string; password: string }, landing = 'Mine arbejdslister'): Promise<{ page: Page; problems: string[] }> {
  const problems: string[] = [];
  const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource.*(400|401|412)/.test(m.text())) problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url);
  await page.getByLabel('Brugernavn').fill(staff.username);
  await page.getByLabel('Adgangskode').fill(staff.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('heading', { level: 1, name: landing, exact: true }).waitFor();
  return { page, problems };
}

/** axe-core (WCAG 2.2 A/AA and best practice) finds nothing on the page as it is now; `name` says which page failed. */
export async function assertAccessible(page: Page, name: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`), [], `axe on ${name}`);
}
