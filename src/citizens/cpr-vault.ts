import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes } from 'node:crypto';

/** Encrypts CPR numbers at rest (AES-256-GCM) and derives a keyed hash for exact lookup. */
export interface CprVault {
  encrypt(cpr: string): string;
  decrypt(stored: string): string;
  lookupHash(cpr: string): string;
}

const VERSION = 'v1';

export function createCprVault(encryptionKeyBytes: Buffer, lookupKeyBytes: Buffer): CprVault {
  // KeyObjects are prepared once; passing raw buffers would re-import the key on every call.
  const encryptionKey = createSecretKey(encryptionKeyBytes);
  const lookupKey = createSecretKey(lookupKeyBytes);
  return {
    encrypt(cpr) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const body = Buffer.concat([cipher.update(cpr, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    decrypt(stored) {
      const [version, iv, tag, body] = stored.split('.');
      if (version !== VERSION || !iv || !tag || !body) throw new Error('Unreadable CPR ciphertext');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
    lookupHash(cpr) {
      return createHmac('sha256', lookupKey).update(cpr).digest('base64url');
    },
  };
}
