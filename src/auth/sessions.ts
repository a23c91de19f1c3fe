import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import type { CprVault } from '../citizens/cpr-vault.ts';
import type { Role } from './roles.ts';
import { verifyPassword } from './passwords.ts';
import { afterFailure, idleExpired } from './lockout.ts';
import { verifyTotp } from './totp.ts';
import type { SecurityConfig } from './security-config.ts';

export interface SessionActor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  municipalityId: string;
  sessionId: string;
  /** Password accepted, but two-factor enrolment is owed: only enrolment and logout are allowed. */
  restricted?: boolean;
  /** 'password', 'password+totp', 'oidc' or 'api_key'. */
  authMethod?: string;
  /** API keys: the scopes granted. */
  scopes?: readonly string[];
  /** Extra permissions granted to this staff member beyond the role. */
  grants?: readonly string[];
}

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export type LoginOutcome =
  | { kind: 'ok'; token: string; actor: SessionActor }
  | { kind: 'failed'; userId?: string; municipalityId?: string; lockedNow?: boolean }
  | { kind: 'mfa_required'; invalidCode: boolean; userId: string; municipalityId: string };

interface UserRow {
  id: string; username: string; display_name: string; role: Role; municipality_id: string; password_hash: string;
  locked_at: Date | null; failed_logins: number; totp_secret_encrypted: string | null; totp_enabled_at: Date | null;
  totp_last_step: string | null; grants: string[];
}

// Login and session lookup run before the municipality is known, so they use the owner connection
// and read only the account tables; all citizen data is read through tenant transactions.
export async function login(
  db: Database, vault: CprVault, input: { username: string; password: string; code?: string | undefined },
  now: Date, hours: number, security: SecurityConfig,
): Promise<LoginOutcome> {
  const user = (await db.owner.query<UserRow>(
    `SELECT id, username, display_name, role, municipality_id, password_hash, locked_at, failed_logins,
            totp_secret_encrypted, totp_enabled_at, totp_last_step, grants
       FROM staff_user WHERE username = $1 AND active`,
    [input.username.trim().toLowerCase()],
  )).rows[0];
  // Verify against a fixed hash when the user is unknown, so timing does not reveal usernames.
  const ok = await verifyPassword(user?.password_hash || DUMMY_HASH, input.password);
  if (!user) return { kind: 'failed' };
  const ids = { userId: user.id, municipalityId: user.municipality_id };
  if (user.locked_at) return { kind: 'failed', ...ids };
  if (!ok) return { kind: 'failed', ...ids, lockedNow: await countFailure(db, user, security, now) };
  let authMethod = 'password';
  if (user.totp_enabled_at && user.totp_secret_encrypted) {
    if (!input.code) return { kind: 'mfa_required', invalidCode: false, ...ids };
    const step = verifyTotp(vault.decrypt(user.totp_secret_encrypted), input.code, now, user.totp_last_step === null ? null : Number(user.totp_last_step));
    if (step === null) {
      await countFailure(db, user, security, now);
      return { kind: 'mfa_required', invalidCode: true, ...ids };
    }
    await db.owner.query('UPDATE staff_user SET totp_last_step = $2 WHERE id = $1', [user.id, step]);
    authMethod = 'password+totp';
  }
  const restricted = authMethod === 'password' && security.mfaRoles.includes(user.role);
  await db.owner.query('UPDATE staff_user SET failed_logins = 0 WHERE id = $1', [user.id]);
  const { token, sessionId } = await createSession(db, user.id, user.municipality_id, now, hours, { restricted, authMethod });
  return {
    kind: 'ok', token,
    actor: { userId: user.id, username: user.username, displayName: user.display_name, role: user.role, municipalityId: user.municipality_id, sessionId, restricted, authMethod, grants: user.grants },
  };
}

async function countFailure(db: Database, user: UserRow, security: SecurityConfig, now: Date): Promise<boolean> {
  const next = afterFailure({ failedLogins: user.failed_logins, locked: user.locked_at !== null }, security.maxFailedLogins);
  await db.owner.query('UPDATE staff_user SET failed_logins = $2, locked_at = CASE WHEN $3 THEN coalesce(locked_at, $4) END WHERE id = $1',
    [user.id, next.failedLogins, next.locked, now]);
  return next.locked;
}

export async function createSession(
  db: Database, userId: string, municipalityId: string, now: Date, hours: number,
  opts: { restricted: boolean; authMethod: string },
): Promise<{ token: string; sessionId: string }> {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + hours * 3600_000);
  const session = (await db.owner.query<{ id: string }>(
    `INSERT INTO staff_session (token_hash, user_id, municipality_id, created_at, last_seen_at, expires_at, restricted, auth_method)
     VALUES ($1, $2, $3, $4, $4, $5, $6, $7) RETURNING id`,
    [tokenHash(token), userId, municipalityId, now, expires, opts.restricted, opts.authMethod],
  )).rows[0]!;
  return { token, sessionId: session.id };
}

export async function actorForToken(db: Database, token: string, now: Date, idleMinutes = 30): Promise<SessionActor | null> {
  const row = (await db.owner.query<{ session_id: string; user_id: string; username: string; display_name: string; role: Role; municipality_id: string; last_seen_at: Date; restricted: boolean; auth_method: string; grants: string[] }>(
    `SELECT s.id AS session_id, u.id AS user_id, u.username, u.display_name, u.role, u.municipality_id, s.last_seen_at,
            s.restricted, s.auth_method, u.grants
       FROM staff_session s JOIN staff_user u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.active AND u.locked_at IS NULL`,
    [tokenHash(token), now],
  )).rows[0];
  if (!row) return null;
  const lastSeen = new Date(row.last_seen_at);
  if (idleExpired(lastSeen, now, idleMinutes)) {
    await db.owner.query('UPDATE staff_session SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [row.session_id, now]);
    return null;
  }
  // Written at most once a minute, so reads do not each cost a write.
  if (now.getTime() - lastSeen.getTime() > 60_000) {
    await db.owner.query('UPDATE staff_session SET last_seen_at = $2 WHERE id = $1', [row.session_id, now]);
  }
  return {
    userId: row.user_id, username: row.username, displayName: row.display_name, role: row.role, municipalityId: row.municipality_id,
    sessionId: row.session_id, restricted: row.restricted, authMethod: row.auth_method, grants: row.grants,
  };
}

export async function revokeSession(db: Database, sessionId: string, now: Date): Promise<void> {
  await db.owner.query('UPDATE staff_session SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [sessionId, now]);
}

/** Ends every session of a user except (optionally) one: after a password change, reset or lock. */
export async function revokeUserSessions(db: Database, userId: string, now: Date, keepSessionId?: string): Promise<number> {
  const r = await db.owner.query('UPDATE staff_session SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $3::uuid',
    [userId, now, keepSessionId ?? null]);
  return r.rowCount;
}

const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2Kx0z1jvVqKZq1r3yGf0w3b8y2c8H1q5mP0n7m1Yy9E';
