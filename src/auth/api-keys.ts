import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database, Queryable } from '../db/database.ts';
import type { SessionActor } from './sessions.ts';

const sha256 = (s: string): Buffer => createHash('sha256').update(s).digest();

/** "lvk_<prefix>_<secret>": the prefix finds the row, the secret is compared by hash. */
export const parseApiKey = (key: string): { prefix: string; secret: string } | null => {
  const m = /^lvk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/.exec(key);
  return m ? { prefix: m[1]!, secret: m[2]! } : null;
};

/** Creates a key; the plain key is returned once and never stored. */
export async function createApiKey(tx: Queryable, municipalityId: string, createdBy: string, name: string, scopes: readonly string[], now: Date): Promise<{ id: string; key: string; prefix: string }> {
  const prefix = randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 12);
  const secret = randomBytes(32).toString('base64url');
  const row = (await tx.query<{ id: string }>(
    `INSERT INTO api_key (municipality_id, name, prefix, secret_hash, scopes, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [municipalityId, name, prefix, sha256(secret).toString('hex'), scopes, createdBy, now])).rows[0]!;
  return { id: row.id, key: `lvk_${prefix}_${secret}`, prefix };
}

export async function actorForApiKey(db: Database, key: string, now: Date): Promise<SessionActor | null> {
  const parsed = parseApiKey(key);
  if (!parsed) return null;
  const row = (await db.owner.query<{ id: string; municipality_id: string; name: string; secret_hash: string; scopes: string[] }>(
    'SELECT id, municipality_id, name, secret_hash, scopes FROM api_key WHERE prefix = $1 AND revoked_at IS NULL', [parsed.prefix])).rows[0];
  if (!row || !timingSafeEqual(Buffer.from(row.secret_hash, 'hex'), sha256(parsed.secret))) return null;
  await db.owner.query('UPDATE api_key SET last_used_at = $2 WHERE id = $1', [row.id, now]);
  return {
    userId: row.id, username: `api-key:${row.name}`, displayName: row.name, role: 'integration', municipalityId: row.municipality_id,
    sessionId: row.id, authMethod: 'api_key', scopes: row.scopes,
  };
}
