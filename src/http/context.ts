import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import type { SessionActor } from '../auth/sessions.ts';
import type { Role } from '../auth/roles.ts';
import { allows, type Permission } from '../auth/permissions.ts';
import { AppError } from '../shared/errors.ts';
import type { Language } from '../shared/i18n.ts';
import type { Deps } from './deps.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: SessionActor | null;
    lang: Language;
  }
  interface FastifyContextConfig {
    /** 'public' routes need no login; otherwise the roles allowed. Every route must declare this. */
    access?: 'public' | readonly Role[];
    /** The permission (src/auth/permissions.ts) this route needs; checked by the policy function. */
    policy?: Permission;
    /** Allowed to a session that still owes two-factor enrolment (me, logout, enrolment). */
    allowRestricted?: boolean;
  }
}

export function requireActor(req: FastifyRequest): SessionActor {
  if (!req.actor) throw new AppError('unauthenticated', 'error.unauthenticated');
  return req.actor;
}

/**
 * The database's own check of the role (migration 022): for a caller who may not read personal
 * data, citizens are invisible in this transaction even if a route's policy were wrong.
 */
export async function applyRoleWall(tx: Queryable, actor: SessionActor): Promise<void> {
  if (allows(actor, 'citizen.read') || allows(actor, 'bridge.read')) return;
  await tx.query(`SELECT set_config('app.personal_data', 'off', true)`);
}

/** Runs fn in a transaction scoped to the caller's municipality (row-level security applies). */
export function tenantRead<T>(deps: Deps, req: FastifyRequest, fn: (tx: Queryable, actor: SessionActor) => Promise<T>): Promise<T> {
  const actor = requireActor(req);
  return deps.db.tenantTransaction(actor.municipalityId, async (tx) => {
    await applyRoleWall(tx, actor);
    return fn(tx, actor);
  });
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,200}$/;

/**
 * Runs a write in a tenant transaction and sends its result. With an Idempotency-Key header, a
 * retried request gets the first response and writes nothing new; the key is reserved in the same
 * transaction, so a concurrent retry waits and then replays. `afterCommit` runs once the write has
 * committed and before the answer is sent (e.g. sending the messages it queued; not on a replay).
 */
export async function tenantWrite<T>(
  deps: Deps, req: FastifyRequest, reply: FastifyReply, status: number,
  fn: (tx: Queryable, actor: SessionActor) => Promise<T>,
  afterCommit?: (body: T, actor: SessionActor) => Promise<T>,
): Promise<void> {
  const actor = requireActor(req);
  const keyHeader = req.headers['idempotency-key'];
  const key = Array.isArray(keyHeader) ? keyHeader[0] : keyHeader;
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new AppError('validation_failed', 'error.validation_failed', { count: 1 }, [{ path: 'Idempotency-Key', rule: 'idempotency_key' }]);
  }
  const outcome = await deps.db.tenantTransaction(actor.municipalityId, async (tx) => {
    await applyRoleWall(tx, actor);
    if (!key) return { status, body: await fn(tx, actor), replayed: false };
    const requestHash = createHash('sha256').update(`${req.method} ${req.routeOptions.url} ${JSON.stringify(req.params)} ${JSON.stringify(req.body ?? null)}`).digest('hex');
    const reserved = await tx.query(
      `INSERT INTO idempotency_record (municipality_id, user_id, key, request_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING key`,
      [actor.municipalityId, actor.userId, key, requestHash],
    );
    if (reserved.rows.length === 0) {
      const prior = (await tx.query<{ request_hash: string; status_code: number; response_body: unknown }>(
        'SELECT request_hash, status_code, response_body FROM idempotency_record WHERE municipality_id = $1 AND user_id = $2 AND key = $3',
        [actor.municipalityId, actor.userId, key],
      )).rows[0]!;
      if (prior.request_hash !== requestHash) throw new AppError('idempotency_key_reused', 'error.idempotency_key_reused', { key });
      return { status: prior.status_code, body: prior.response_body as T, replayed: true };
    }
    const body = await fn(tx, actor);
    await tx.query(
      'UPDATE idempotency_record SET status_code = $4, response_body = $5 WHERE municipality_id = $1 AND user_id = $2 AND key = $3',
      [actor.municipalityId, actor.userId, key, status, JSON.stringify(body)],
    );
    return { status, body, replayed: false };
  });
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  else if (afterCommit) outcome.body = await afterCommit(outcome.body, actor);
  const version = (outcome.body as { version?: unknown } | null)?.version;
  if (typeof version === 'number') reply.header('etag', `"${version}"`);
  await reply.code(outcome.status).send(outcome.body);
}

/**
 * The version the client is changing: from the body's `version` or an If-Match header.
 * Required on every update so concurrent edits are detected rather than overwritten.
 */
export function expectedVersion(req: FastifyRequest, bodyVersion: number | undefined): number {
  if (typeof bodyVersion === 'number') return bodyVersion;
  const ifMatch = req.headers['if-match'];
  const parsed = typeof ifMatch === 'string' ? Number(ifMatch.replace(/^W\//, '').replace(/"/g, '')) : NaN;
  if (Number.isInteger(parsed) && parsed > 0) return parsed;
  throw new AppError('precondition_required', 'error.precondition_required');
}
