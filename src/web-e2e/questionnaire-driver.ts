import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** Answers every question shown on the citizen page: the first (or last) option, a small number, a short text. */
export async function answerPage(page: Page, pick: 'first' | 'last' = 'first'): Promise<void> {
  for (const fieldset of await page.locator('main form fieldset').all()) {
    const options = fieldset.locator('input');
    await (pick === 'first' ? options.first() : options.last()).check();
  }
  for (const input of await page.locator('main form input[inputmode="numeric"]').all()) await input.fill('3');
  for (const input of await page.locator('main form textarea, main form input[type="text"]:not([inputmode])').all()) await input.fill('Gå ture');
}

/** Pages through to the end and submits; checks that the page never scrolls sideways. Returns the number of pages. */
export async function completeAll(page: Page, next: string, send: string, pick: 'first' | 'last' = 'first'): Promise<number> {
  let pages = 0;
  for (;;) {
    pages += 1;
    await answerPage(page, pick);
    // Answering may reveal follow-up questions (enableWhen); answer those too.
    await answerPage(page, pick);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `no sideways scrolling on page ${pages}`);
    if (await page.getByRole('button', { name: send }).count()) {
      await page.getByRole('button', { name: send }).click();
      return pages;
    }
    const indicator = await page.locator('.step-indicator').textContent();
    await page.getByRole('button', { name: next }).click();
    await page.waitForFunction((before) => document.querySelector('.step-indicator')?.textContent !== before, indicator);
  }
}
