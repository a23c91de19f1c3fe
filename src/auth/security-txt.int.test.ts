import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../../test/support/harness.ts';
import { securityConfigFrom, securityContactsFrom } from './security-config.ts';
import { securityTxt } from './security-txt.ts';

describe('where to report a vulnerability (security.txt, LIGEVEJ_SECURITY_CONTACT)', () => {
  const servers: TestServer[] = [];
  after(() => Promise.all(servers.map((s) => s.close())));

  it('reads the contacts from the environment: e-mail addresses become mailto:, https URLs stay, anything else is refused', () => {
    assert.deepEqual(securityContactsFrom('it-sikkerhed@odense.dk, https://odense.dk/sikkerhed'), ['mailto:it-sikkerhed@odense.dk', 'https://odense.dk/sikkerhed']);
    assert.deepEqual(securityContactsFrom('mailto:cert@aarhus.dk'), ['mailto:cert@aarhus.dk']);
    assert.throws(() => securityContactsFrom('http://odense.dk/sikkerhed'), /LIGEVEJ_SECURITY_CONTACT: "http:\/\/odense.dk\/sikkerhed"/);
    assert.throws(() => securityContactsFrom('ring til IT'), /neither an e-mail address nor an https:\/\/ URL/);
    assert.equal(securityConfigFrom({}, true).securityContacts, undefined, 'no placeholder address by default');
    assert.deepEqual(securityConfigFrom({ LIGEVEJ_SECURITY_CONTACT: 'cert@vejle.dk' }, false).securityContacts, ['mailto:cert@vejle.dk']);
  });

  it('writes RFC 9116 fields with an expiry half a year ahead', () => {
    const text = securityTxt(['mailto:cert@vejle.dk'], new Date('2026-03-02T09:00:00Z'));
    assert.match(text, /^Contact: mailto:cert@vejle\.dk$/m);
    assert.match(text, /^Expires: 2026-08-29T00:00:00Z$/m);
    assert.match(text, /^Preferred-Languages: da, en$/m);
  });

  it('serves /.well-known/security.txt when configured, and 404 when not', async () => {
    const configured = await startTestServer({ security: { securityContacts: ['mailto:cert@vejle.dk', 'https://vejle.dk/sikkerhed'] } });
    const plain = await startTestServer();
    servers.push(configured, plain);
    const res = await fetch(`${configured.url}/.well-known/security.txt`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
    const body = await res.text();
    assert.deepEqual(body.split('\n').filter((l) => l.startsWith('Contact:')), ['Contact: mailto:cert@vejle.dk', 'Contact: https://vejle.dk/sikkerhed']);
    assert.equal((await fetch(`${plain.url}/.well-known/security.txt`)).status, 404);
  });
});
