import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { launchChromium } from './browser.ts';
import { assertAccessible } from './staff-browser.ts';
import { contactedReferral, personalLink } from './citizen-setup.ts';

const instrument = JSON.parse(readFileSync(new URL('../../test/fixtures/questionnaires/kommune-trivsel-valueset.json', import.meta.url), 'utf8')) as { url: string };

/**
 * A municipality's own instrument whose answers come from a contained ValueSet, with a read-only
 * question and initial values, answered on a phone (360 × 740): the options show as radio buttons,
 * the read-only value cannot be changed, the pre-filled number can, and the answers are stored as Codings.
 */
describe('the citizen page with a municipality\'s ValueSet instrument in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let nurse: Client;

  before(async () => {
    server = await startTestServer();
    Object.defineProperty(server.clock, 'now', { get: () => new Date() });
    nurse = await server.login('clinician');
    const coordinator = await server.login('coordinator');
    const imported = await coordinator.post('/api/questionnaires', instrument);
    assert.equal(imported.status, 201, JSON.stringify(imported.body));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the resolved options, keeps the read-only answer, pre-fills the initial one and submits Codings', async () => {
    const { referralId } = await contactedReferral(nurse, 'Sofie', 'Værdisæt');
    const link = await personalLink(nurse, referralId, { questionnaire: { url: instrument.url } });
    const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${server.url}${link.path}`);
    await page.getByRole('heading', { level: 1, name: 'Spørgeskema fra sundhedscentret' }).waitFor();

    const municipality = page.getByLabel('Kommune');
    assert.equal(await municipality.inputValue(), 'Testkommune');
    assert.equal(await municipality.isEditable(), false, 'a read-only question cannot be changed');
    await assertAccessible(page, 'read-only question');
    await page.getByRole('button', { name: 'Gem og fortsæt' }).click();

    const first = page.getByRole('group', { name: /Jeg har været glad og i godt humør/ });
    await first.waitFor();
    assert.deepEqual(await first.getByRole('radio').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).labels?.[0]?.textContent)),
      ['Aldrig', 'Sjældent', 'Mindre end halvdelen af tiden', 'Mere end halvdelen af tiden', 'Det meste af tiden', 'Hele tiden']);
    await assertAccessible(page, 'ValueSet options');
    for (const fieldset of await page.locator('main form fieldset').all()) await fieldset.getByRole('radio', { name: 'Sjældent' }).check();
    await page.getByRole('group', { name: /Min hverdag/ }).getByRole('radio', { name: 'Mere end halvdelen af tiden' }).check();
    await page.getByRole('button', { name: 'Gem og fortsæt' }).click();

    const days = page.getByLabel('Hvor mange dage om ugen går du en tur?');
    await days.waitFor();
    assert.equal(await days.inputValue(), '3', 'the initial value is pre-filled');
    await days.fill('5');
    await page.getByRole('button', { name: 'Send svarene' }).click();
    await page.getByRole('heading', { name: 'Tak for dine svar' }).waitFor();
    assert.deepEqual(problems, []);

    const responses = await nurse.get(`/api/referrals/${referralId}/questionnaire-responses`);
    assert.equal(responses.status, 200, JSON.stringify(responses.body));
    const response = (responses.body.responses ?? responses.body)[0];
    const answerOf = (linkId: string) => response.answers.find((a: { linkId: string }) => a.linkId === linkId)?.answer;
    assert.deepEqual(answerOf('who5.5'), [{ valueCoding: { system: 'https://testkommune.example/cs/frekvens', code: '3' } }]);
    assert.deepEqual(answerOf('kommune'), [{ valueString: 'Testkommune' }]);
    assert.deepEqual(answerOf('days'), [{ valueInteger: 5 }]);
    assert.equal(response.results.find((r: { instrument: string }) => r.instrument === 'who5').score, 28);
    await context.close();
  });
});
