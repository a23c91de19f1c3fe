import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { AppError } from '../shared/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { SESSION_COOKIE } from './cookie.ts';
import { everyRole, roles } from './roles.ts';
import { login, revokeSession } from './sessions.ts';
import { requireActor } from '../http/context.ts';

const Me = z.object({
  userId: z.uuid(), username: z.string(), displayName: z.string(), role: z.enum(roles), municipalityId: z.uuid(),
});

export function authRoutes(app: Router, deps: Deps): void {
  app.post('/api/auth/login', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'], summary: 'Log in with a local staff account; sets an httpOnly session cookie',
      body: z.strictObject({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
      response: { 200: Me },
    },
  }, async (req, reply) => {
    const now = deps.clock();
    const result = await login(deps.db, req.body.username, req.body.password, now, deps.config.sessionHours);
    if (!result) throw new AppError('unauthenticated', 'error.login_failed');
    const { actor, token } = result;
    await deps.db.tenantTransaction(actor.municipalityId, (tx) =>
      appendAudit(tx, actor, now, [{ action: 'login', resourceType: 'StaffSession', resourceId: actor.sessionId, purpose: 'administration' }]));
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true, sameSite: 'strict', secure: deps.config.secureCookies, path: '/', maxAge: deps.config.sessionHours * 3600,
    });
    return { userId: actor.userId, username: actor.username, displayName: actor.displayName, role: actor.role, municipalityId: actor.municipalityId };
  });

  app.post('/api/auth/logout', {
    config: { access: everyRole },
    schema: { tags: ['auth'], summary: 'End the session', response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await revokeSession(deps.db, actor.sessionId, deps.clock());
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/api/auth/me', {
    config: { access: everyRole },
    schema: { tags: ['auth'], summary: 'The logged-in staff member', response: { 200: Me } },
  }, async (req) => {
    const a = requireActor(req);
    return { userId: a.userId, username: a.username, displayName: a.displayName, role: a.role, municipalityId: a.municipalityId };
  });
}
