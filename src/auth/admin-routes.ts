import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { AppError, notFound, validationError } from '../shared/errors.ts';
import { appendAudit, type AuditAction } from '../audit/audit-log.ts';
import { requireActor, tenantRead } from '../http/context.ts';
import type { SessionActor } from './sessions.ts';
import type { Queryable } from '../db/database.ts';
import { revokeUserSessions } from './sessions.ts';
import { staffRoles } from './roles.ts';
import { apiKeyScopes, grantable } from './permissions.ts';
import { hashPassword } from './passwords.ts';
import { commonPasswords, passwordProblems } from './password-policy.ts';
import { createApiKey } from './api-keys.ts';

const Id = z.object({ id: z.uuid() });
const Staff = z.object({
  id: z.uuid(), username: z.string(), displayName: z.string(), role: z.enum(staffRoles), active: z.boolean(),
  locked: z.boolean(), failedLogins: z.number(), mfaEnabled: z.boolean(), grants: z.array(z.string()),
});
const ApiKey = z.object({ id: z.uuid(), name: z.string(), prefix: z.string(), scopes: z.array(z.string()), createdAt: z.string(), lastUsedAt: z.string().nullable(), revoked: z.boolean() });

/** Every change an administrator makes is audited in the same transaction as the change. */
async function adminChange(deps: Deps, actor: SessionActor, action: AuditAction, resourceType: string, resourceId: string, detail: Record<string, unknown>,
  change: (tx: Queryable) => Promise<number>): Promise<void> {
  const now = deps.clock();
  await deps.db.tenantTransaction(actor.municipalityId, async (tx) => {
    const changed = await change(tx);
    if (changed === 0) throw notFound(resourceType);
    await appendAudit(tx, actor, now, [{ action, resourceType, resourceId, purpose: 'administration', detail }]);
  });
}

export function adminRoutes(app: Router, deps: Deps): void {
  app.get('/api/admin/staff', {
    config: { policy: 'staff.admin' },
    schema: { tags: ['admin'], summary: 'Staff accounts of the municipality, with lock and two-factor state', response: { 200: z.object({ staff: z.array(Staff) }) } },
  }, async (req) => tenantRead(deps, req, async (tx) => {
    const rows = (await tx.query<{ id: string; username: string; display_name: string; role: typeof staffRoles[number]; active: boolean; locked: boolean; failed_logins: number; mfa: boolean; grants: string[] }>(
      `SELECT id, username, display_name, role, active, locked_at IS NOT NULL AS locked, failed_logins, totp_enabled_at IS NOT NULL AS mfa, grants
         FROM staff_user ORDER BY username`)).rows;
    return { staff: rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role, active: r.active, locked: r.locked, failedLogins: r.failed_logins, mfaEnabled: r.mfa, grants: r.grants })) };
  }));

  app.post('/api/admin/staff', {
    config: { policy: 'staff.admin' },
    schema: {
      tags: ['admin'], summary: 'Create a staff account (password rules apply)',
      body: z.strictObject({ username: z.string().regex(/^[a-z0-9._-]{3,60}$/), displayName: z.string().min(1).max(200), role: z.enum(staffRoles), password: z.string().min(1).max(200) }),
      response: { 201: z.object({ id: z.uuid() }) },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const problems = passwordProblems(req.body.password, req.body.username, commonPasswords());
    if (problems.length > 0) throw validationError(problems.map((rule) => ({ path: 'password', rule })));
    const taken = await deps.db.owner.query('SELECT 1 FROM staff_user WHERE username = $1', [req.body.username]);
    if (taken.rows.length > 0) throw new AppError('duplicate', 'error.duplicate', { resource: req.body.username });
    const hash = await hashPassword(req.body.password);
    let id = '';
    await adminChange(deps, actor, 'staff_admin', 'StaffUser', actor.userId, { change: 'created', role: req.body.role }, async (tx) => {
      id = (await tx.query<{ id: string }>(
        'INSERT INTO staff_user (municipality_id, username, display_name, role, password_hash, password_changed_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [actor.municipalityId, req.body.username, req.body.displayName, req.body.role, hash, deps.clock()])).rows[0]!.id;
      return 1;
    });
    return reply.code(201).send({ id });
  });

  app.post('/api/admin/staff/:id/unlock', {
    config: { policy: 'staff.admin' },
    schema: { tags: ['admin'], summary: 'Unlock an account locked after failed logins', params: Id, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await adminChange(deps, actor, 'account_unlocked', 'StaffUser', req.params.id, {}, async (tx) =>
      (await tx.query('UPDATE staff_user SET locked_at = NULL, failed_logins = 0 WHERE id = $1 AND municipality_id = $2', [req.params.id, actor.municipalityId])).rowCount);
    return reply.code(204).send(null);
  });

  app.post('/api/admin/staff/:id/reset-mfa', {
    config: { policy: 'staff.admin' },
    schema: { tags: ['admin'], summary: 'Remove a lost second factor; the user enrols again at next login', params: Id, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await adminChange(deps, actor, 'mfa_reset', 'StaffUser', req.params.id, {}, async (tx) =>
      (await tx.query('UPDATE staff_user SET totp_secret_encrypted = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = $1 AND municipality_id = $2', [req.params.id, actor.municipalityId])).rowCount);
    await revokeUserSessions(deps.db, req.params.id, deps.clock());
    return reply.code(204).send(null);
  });

  app.post('/api/admin/staff/:id/grants', {
    config: { policy: 'staff.admin' },
    schema: { tags: ['admin'], summary: 'Set permissions granted beyond the role (e.g. a manager reading named citizens)', params: Id,
      body: z.strictObject({ grants: z.array(z.enum(grantable as [string, ...string[]])).max(10) }), response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await adminChange(deps, actor, 'staff_admin', 'StaffUser', req.params.id, { change: 'grants', grants: req.body.grants }, async (tx) =>
      (await tx.query('UPDATE staff_user SET grants = $3 WHERE id = $1 AND municipality_id = $2', [req.params.id, actor.municipalityId, req.body.grants])).rowCount);
    return reply.code(204).send(null);
  });

  app.get('/api/admin/api-keys', {
    config: { policy: 'api_key.admin' },
    schema: { tags: ['admin'], summary: 'API keys for integrations (never the secret)', response: { 200: z.object({ keys: z.array(ApiKey) }) } },
  }, async (req) => tenantRead(deps, req, async (tx) => {
    const rows = (await tx.query<{ id: string; name: string; prefix: string; scopes: string[]; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }>(
      'SELECT id, name, prefix, scopes, created_at, last_used_at, revoked_at FROM api_key ORDER BY created_at')).rows;
    return { keys: rows.map((r) => ({ id: r.id, name: r.name, prefix: r.prefix, scopes: r.scopes, createdAt: new Date(r.created_at).toISOString(), lastUsedAt: r.last_used_at ? new Date(r.last_used_at).toISOString() : null, revoked: r.revoked_at !== null })) };
  }));

  app.post('/api/admin/api-keys', {
    config: { policy: 'api_key.admin' },
    schema: {
      tags: ['admin'], summary: 'Create an API key with scopes; the key is in this answer only (stored hashed)',
      body: z.strictObject({ name: z.string().min(1).max(100), scopes: z.array(z.enum(apiKeyScopes as [string, ...string[]])).min(1).max(10) }),
      response: { 201: z.object({ id: z.uuid(), key: z.string(), prefix: z.string(), scopes: z.array(z.string()) }) },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const now = deps.clock();
    const created = await deps.db.tenantTransaction(actor.municipalityId, async (tx) => {
      const key = await createApiKey(tx, actor.municipalityId, actor.userId, req.body.name, req.body.scopes, now);
      await appendAudit(tx, actor, now, [{ action: 'api_key_created', resourceType: 'ApiKey', resourceId: key.id, purpose: 'administration', detail: { scopes: req.body.scopes } }]);
      return key;
    });
    return reply.code(201).send({ ...created, scopes: req.body.scopes });
  });

  app.post('/api/admin/api-keys/:id/revoke', {
    config: { policy: 'api_key.admin' },
    schema: { tags: ['admin'], summary: 'Revoke an API key', params: Id, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await adminChange(deps, actor, 'api_key_revoked', 'ApiKey', req.params.id, {}, async (tx) =>
      (await tx.query('UPDATE api_key SET revoked_at = $3 WHERE id = $1 AND municipality_id = $2 AND revoked_at IS NULL', [req.params.id, actor.municipalityId, deps.clock()])).rowCount);
    return reply.code(204).send(null);
  });
}
