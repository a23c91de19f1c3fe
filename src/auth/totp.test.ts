import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { newTotpSecret, totpCode, totpUri, verifyTotp } from './totp.ts';

/** RFC 6238 appendix B: the SHA-1 secret "12345678901234567890" (base32 below) at fixed times. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC test vectors (6 digits)', () => {
    assert.equal(totpCode(RFC_SECRET, new Date(59_000)), '287082');
    assert.equal(totpCode(RFC_SECRET, new Date(1_111_111_109_000)), '081804');
    assert.equal(totpCode(RFC_SECRET, new Date(2_000_000_000_000)), '279037');
  });
  it('agrees with a plain HMAC-SHA1 implementation', () => {
    const secret = newTotpSecret();
    const at = new Date('2026-03-02T09:00:00Z');
    const key = base32(secret);
    const counter = Buffer.alloc(8);
    counter.writeBigUInt64BE(BigInt(Math.floor(at.getTime() / 30_000)));
    const mac = createHmac('sha1', key).update(counter).digest();
    const offset = mac[19]! & 0xf;
    const code = ((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0');
    assert.equal(totpCode(secret, at), code);
  });
  it('accepts one step of drift, refuses two, and never the same step twice', () => {
    const secret = newTotpSecret();
    const at = new Date('2026-03-02T09:00:10Z');
    const step = Math.floor(at.getTime() / 30_000);
    assert.equal(verifyTotp(secret, totpCode(secret, new Date(at.getTime() - 30_000)), at, null), step - 1);
    assert.equal(verifyTotp(secret, totpCode(secret, at), at, null), step);
    assert.equal(verifyTotp(secret, totpCode(secret, new Date(at.getTime() - 90_000)), at, null), null);
    assert.equal(verifyTotp(secret, totpCode(secret, at), at, step), null, 'replay refused');
    assert.equal(verifyTotp(secret, 'abcdef', at, null), null);
  });
  it('gives an otpauth URI for authenticator apps', () => {
    assert.match(totpUri(RFC_SECRET, 'anne'), /^otpauth:\/\/totp\/Ligevej:anne\?.*secret=GEZDGNBV/);
  });
});

function base32(s: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of s.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}
