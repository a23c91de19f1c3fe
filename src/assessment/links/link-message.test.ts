import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { linkMessage } from './link-message.ts';

describe('the message that carries a personal link', () => {
  const url = 'https://ligevej.example/svar#abcdefghijklmnopqrstuvwxyz';

  it('is Danish with the link, the days and the phone number for a Danish reader', () => {
    const text = linkMessage('da', url, 14, '+45 76 16 16 16');
    assert.equal(text, `Hej. Sundhedscentret beder dig svare på nogle spørgsmål før vores samtale. Det tager ca. 10 minutter, og du kan vælge sprog. Linket virker i 14 dage: ${url} Spørgsmål? Ring +45 76 16 16 16.`);
  });

  it('starts in the citizen\'s language and keeps the Danish text and the link once', () => {
    const text = linkMessage('ar', url, 7, null);
    assert.ok(text.startsWith('مرحباً.'), text);
    assert.match(text, /لمدة 7 يوماً/);
    assert.match(text, /Linket virker i 7 dage/);
    assert.equal(text.split(url).length - 1, 1, 'the link appears once');
    assert.doesNotMatch(text, /Ring/, 'no phone line without a phone number');
  });

  it('falls back to Danish only for a language without a text', () => {
    assert.ok(linkMessage('ti', url, 14, null).startsWith('Hej.'));
    assert.ok(linkMessage('_about', url, 14, null).startsWith('Hej.'));
  });
});
