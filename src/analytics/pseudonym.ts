import { createHmac } from 'node:crypto';

/**
 * Stable pseudonyms for managers' drill-down lists (issue 6 §6). Each municipality has its own
 * secret, derived on the server from the CPR lookup key (which is never rotated, as every stored
 * lookup hash depends on it) and never sent anywhere; a citizen's pseudonym is an HMAC of the
 * citizen id under that secret. The same citizen has the same pseudonym in every list, so a manager
 * can say "borger 7F3K-9QXM" to staff, but no one without the secret can get from it to the id.
 * Pure: no I/O, deterministic.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function pseudonymSecret(serverKey: Buffer, municipalityId: string): Buffer {
  return createHmac('sha256', serverKey).update(`ligevej/pseudonym/v1/${municipalityId}`).digest();
}

/** "7F3K-9QXM": 40 bits of HMAC-SHA256 in Crockford base32 (no I, L, O or U to misread). */
export function pseudonymOf(secret: Buffer, citizenId: string): string {
  const mac = createHmac('sha256', secret).update(citizenId).digest();
  let bits = 0n;
  for (const byte of mac.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
  let text = '';
  for (let i = 7; i >= 0; i--) text += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${text.slice(0, 4)}-${text.slice(4)}`;
}
