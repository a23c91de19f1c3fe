import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import type { Role } from './roles.ts';
import { verifyPassword } from './passwords.ts';

export interface SessionActor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  municipalityId: string;
  sessionId: string;
}

const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

// Login and session lookup run before the municipality is known, so they use the owner connection
// and read only the account tables; all citizen data is read through tenant transactions.
export async function login(db: Database, username: string, password: string, now: Date, hours: number): Promise<{ token: string; actor: SessionActor } | null> {
  const user = (await db.owner.query<{ id: string; username: string; display_name: string; role: Role; municipality_id: string; password_hash: string }>(
    'SELECT id, username, display_name, role, municipality_id, password_hash FROM staff_user WHERE username = $1 AND active',
    [username.trim().toLowerCase()],
  )).rows[0];
  // Verify against a fixed hash when the user is unknown, so timing does not reveal usernames.
  const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, password);
  if (!user || !ok) return null;
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + hours * 3600_000);
  const session = (await db.owner.query<{ id: string }>(
    'INSERT INTO staff_session (token_hash, user_id, municipality_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5) RETURNING id',
    [tokenHash(token), user.id, user.municipality_id, now, expires],
  )).rows[0]!;
  return { token, actor: { userId: user.id, username: user.username, displayName: user.display_name, role: user.role, municipalityId: user.municipality_id, sessionId: session.id } };
}

export async function actorForToken(db: Database, token: string, now: Date): Promise<SessionActor | null> {
  const row = (await db.owner.query<{ session_id: string; user_id: string; username: string; display_name: string; role: Role; municipality_id: string }>(
    `SELECT s.id AS session_id, u.id AS user_id, u.username, u.display_name, u.role, u.municipality_id
       FROM staff_session s JOIN staff_user u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.active`,
    [tokenHash(token), now],
  )).rows[0];
  if (!row) return null;
  return { userId: row.user_id, username: row.username, displayName: row.display_name, role: row.role, municipalityId: row.municipality_id, sessionId: row.session_id };
}

export async function revokeSession(db: Database, sessionId: string, now: Date): Promise<void> {
  await db.owner.query('UPDATE staff_session SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [sessionId, now]);
}

const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2Kx0z1jvVqKZq1r3yGf0w3b8y2c8H1q5mP0n7m1Yy9E';
