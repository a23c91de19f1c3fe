import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

/** Encrypts CPR numbers at rest (AES-256-GCM) and derives a keyed hash for exact lookup. */
export interface CprVault {
  encrypt(cpr: string): string;
  decrypt(stored: string): string;
  lookupHash(cpr: string): string;
  /** The key id new ciphertexts carry; a stored value with another id is due for re-encryption. */
  readonly currentKeyId: string;
  keyIdOf(stored: string): string;
}

const KEY_ID = /^[a-z0-9]{1,16}$/;

/**
 * Each ciphertext starts with the id of its key ("v1.iv.tag.body"), so a new key can be introduced
 * while the old one still decrypts: rotation re-encrypts rows in the background, without downtime.
 */
export function createCprVault(
  encryptionKeyBytes: Buffer, lookupKeyBytes: Buffer,
  opts: { keyId?: string; previousKeys?: Record<string, Buffer> } = {},
): CprVault {
  const currentKeyId = opts.keyId ?? 'v1';
  if (!KEY_ID.test(currentKeyId)) throw new Error('CPR key id must be 1-16 lowercase letters or digits');
  // KeyObjects are prepared once; passing raw buffers would re-import the key on every call.
  const keys = new Map<string, KeyObject>();
  for (const [id, bytes] of Object.entries(opts.previousKeys ?? {})) keys.set(id, createSecretKey(bytes));
  const encryptionKey = createSecretKey(encryptionKeyBytes);
  keys.set(currentKeyId, encryptionKey);
  const lookupKey = createSecretKey(lookupKeyBytes);
  return {
    currentKeyId,
    keyIdOf: (stored) => stored.split('.', 1)[0] ?? '',
    encrypt(cpr) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const body = Buffer.concat([cipher.update(cpr, 'utf8'), cipher.final()]);
      return [currentKeyId, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    decrypt(stored) {
      const [keyId, iv, tag, body] = stored.split('.');
      const key = keyId ? keys.get(keyId) : undefined;
      if (!key || !iv || !tag || !body) throw new Error('Unreadable CPR ciphertext');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
    lookupHash(cpr) {
      return createHmac('sha256', lookupKey).update(cpr).digest('base64url');
    },
  };
}
