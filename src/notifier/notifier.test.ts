import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { maskRecipient, redactCpr, redactLinks } from './redact.ts';
import { configuredNotifier, developmentNotifier } from './notifier.ts';

describe('the notifier', () => {
  it('never lets a CPR number or a working link into the log', async () => {
    assert.equal(redactCpr('CPR 010170-1234 og 0101701234, men ikke 12345678901'), 'CPR xxxxxx-xxxx og xxxxxx-xxxx, men ikke 12345678901');
    assert.equal(redactLinks('Svar her: https://x.dk/svar#abcDEF_12-3 tak'), 'Svar her: https://x.dk/svar#[fjernet] tak');
    assert.equal(maskRecipient('+45 20 30 40 50'), '***50');
    assert.equal(maskRecipient('karen@example.dk'), 'k***@example.dk');
    const lines: Record<string, unknown>[] = [];
    const n = developmentNotifier((entry) => lines.push(entry));
    const { reference } = await n.send({ id: 'm1', channel: 'sms', recipient: '+4520304050', template: 't', body: 'Til 010170-1234' });
    assert.match(reference, /^dev-/);
    assert.equal(lines[0]!.to, '***50');
    assert.equal(lines[0]!.body, 'Til xxxxxx-xxxx');
    assert.ok(!JSON.stringify(lines).includes('1234'));
  });
  it('refuses an unknown configured notifier rather than silently not sending', () => {
    assert.throws(() => configuredNotifier(() => undefined, 'carrier-pigeon'), /Unknown LIGEVEJ_NOTIFIER/);
    assert.equal(configuredNotifier(() => undefined, undefined).name, 'development');
  });
});
