import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium } from './browser.ts';

describe('the axe check the browser tests rely on', () => {
  let browser: Browser;
  before(async () => { browser = await launchChromium(); });
  after(() => browser.close());

  it('reports a violation on a page that has one, and none on a page that has none', async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html lang="da"><head><title>Test</title></head><body><main><h1>Test</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>');
    assert.deepEqual((await axeViolations(page)).map((v) => v.id), ['image-alt']);
    await page.setContent('<!doctype html><html lang="da"><head><title>Test</title></head><body><main><h1>Test</h1><img alt="Logo" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>');
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });
});
