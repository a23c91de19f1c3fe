import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { AppError } from '../shared/errors.ts';
import { appendAudit, type AuditEntry } from '../audit/audit-log.ts';
import { roles } from './roles.ts';
import { allows, permissions } from './permissions.ts';
import { login, revokeSession, type SessionActor } from './sessions.ts';
import { requireActor } from '../http/context.ts';
import { securityOf } from './security-config.ts';
import { clearSessionCookies, setSessionCookies } from './session-cookies.ts';

const Me = z.object({
  userId: z.uuid(), username: z.string(), displayName: z.string(), role: z.enum(roles), municipalityId: z.uuid(),
  /** True when two-factor enrolment is owed before anything else is allowed. */
  mfaEnrolmentRequired: z.boolean().optional(),
  authMethod: z.string().optional(),
  /** What this staff member may do (role plus grants), so the app shows only the menus and pages they can use. */
  permissions: z.array(z.enum(permissions)),
});

export function authRoutes(app: Router, deps: Deps): void {
  const security = securityOf(deps.config);
  app.post('/api/auth/login', {
    config: { access: 'public', policy: 'public', rateLimit: { max: security.loginRateLimitPerMinute, timeWindow: 60_000 } },
    bodyLimit: 4096,
    schema: {
      tags: ['auth'], summary: 'Log in with a local staff account (and a TOTP code when two-factor is on); sets an httpOnly session cookie',
      body: z.strictObject({ username: z.string().min(1).max(100), password: z.string().min(1).max(200), code: z.string().max(12).optional() }),
      response: { 200: Me },
    },
  }, async (req, reply) => {
    const now = deps.clock();
    const result = await login(deps.db, deps.vault, req.body, now, deps.config.sessionHours, security);
    if (result.kind !== 'ok') {
      if (result.userId && result.municipalityId) {
        const subject = { userId: result.userId, role: 'system', municipalityId: result.municipalityId };
        const entries: AuditEntry[] = [{ action: 'login_failed', resourceType: 'StaffUser', resourceId: result.userId, purpose: 'administration', detail: { reason: result.kind === 'mfa_required' ? (result.invalidCode ? 'totp_invalid' : 'totp_missing') : 'password' } }];
        if (result.kind === 'failed' && result.lockedNow) entries.push({ action: 'account_locked', resourceType: 'StaffUser', resourceId: result.userId, purpose: 'administration', detail: { reason: 'failed_logins' } });
        if (!(result.kind === 'mfa_required' && !result.invalidCode)) {
          await deps.db.tenantTransaction(result.municipalityId, (tx) => appendAudit(tx, subject, now, entries));
        }
      }
      if (result.kind === 'mfa_required') {
        throw new AppError('unauthenticated', result.invalidCode ? 'error.mfa_invalid' : 'error.mfa_required', {},
          [{ path: 'code', rule: result.invalidCode ? 'totp.invalid' : 'totp.required' }]);
      }
      throw new AppError('unauthenticated', 'error.login_failed');
    }
    const { actor, token } = result;
    await deps.db.tenantTransaction(actor.municipalityId, (tx) =>
      appendAudit(tx, actor, now, [{ action: 'login', resourceType: 'StaffSession', resourceId: actor.sessionId, purpose: 'administration', detail: { method: actor.authMethod ?? 'password' } }]));
    setSessionCookies(reply, deps, token);
    return meOf(actor);
  });

  app.post('/api/auth/logout', {
    config: { policy: 'session', allowRestricted: true },
    schema: { tags: ['auth'], summary: 'End the session', response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await revokeSession(deps.db, actor.sessionId, deps.clock());
    clearSessionCookies(reply);
    return reply.code(204).send(null);
  });

  app.get('/api/auth/me', {
    config: { policy: 'session', allowRestricted: true },
    schema: { tags: ['auth'], summary: 'The logged-in staff member', response: { 200: Me } },
  }, async (req) => meOf(requireActor(req)));
}

function meOf(a: SessionActor): z.infer<typeof Me> {
  return {
    userId: a.userId, username: a.username, displayName: a.displayName, role: a.role, municipalityId: a.municipalityId,
    mfaEnrolmentRequired: a.restricted === true, ...(a.authMethod ? { authMethod: a.authMethod } : {}),
    permissions: a.restricted ? ['session'] : permissions.filter((p) => p !== 'public' && allows(a, p)),
  };
}
