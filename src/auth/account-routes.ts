import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { AppError, validationError } from '../shared/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { requireActor } from '../http/context.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { commonPasswords, passwordProblems } from './password-policy.ts';
import { revokeUserSessions } from './sessions.ts';
import { newTotpSecret, totpUri, verifyTotp } from './totp.ts';
import { totpQrSvg } from './totp-qr.ts';

/** The logged-in staff member's own account: password change and two-factor enrolment. */
export function accountRoutes(app: Router, deps: Deps): void {
  app.post('/api/auth/password', {
    config: { policy: 'session' },
    bodyLimit: 4096,
    schema: {
      tags: ['auth'], summary: 'Change your password; every other session of yours is ended',
      body: z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }),
      response: { 200: z.object({ revokedSessions: z.number() }) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const now = deps.clock();
    const row = (await deps.db.owner.query<{ password_hash: string }>('SELECT password_hash FROM staff_user WHERE id = $1', [actor.userId])).rows[0];
    if (!row || !(await verifyPassword(row.password_hash, req.body.currentPassword))) throw new AppError('forbidden', 'error.wrong_password');
    const problems = passwordProblems(req.body.newPassword, actor.username, commonPasswords());
    if (problems.length > 0) throw validationError(problems.map((rule) => ({ path: 'newPassword', rule })));
    await deps.db.owner.query('UPDATE staff_user SET password_hash = $2, password_changed_at = $3 WHERE id = $1', [actor.userId, await hashPassword(req.body.newPassword), now]);
    const revokedSessions = await revokeUserSessions(deps.db, actor.userId, now, actor.sessionId);
    await deps.db.tenantTransaction(actor.municipalityId, (tx) => appendAudit(tx, actor, now, [
      { action: 'password_changed', resourceType: 'StaffUser', resourceId: actor.userId, purpose: 'administration', detail: { revokedSessions } }]));
    return { revokedSessions };
  });

  app.post('/api/auth/totp/setup', {
    config: { policy: 'session', allowRestricted: true },
    schema: {
      tags: ['auth'], summary: 'Start two-factor enrolment: a new secret for an authenticator app (shown once)',
      response: { 200: z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string().describe('The URI as a QR code (SVG document) for the app to scan') }) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const enabled = (await deps.db.owner.query<{ on: boolean }>('SELECT totp_enabled_at IS NOT NULL AS on FROM staff_user WHERE id = $1', [actor.userId])).rows[0]?.on;
    // Replacing an active second factor needs an administrator's reset, so a stolen session cannot do it.
    if (enabled) throw new AppError('duplicate', 'error.duplicate', { resource: 'TOTP' });
    const secret = newTotpSecret();
    await deps.db.owner.query('UPDATE staff_user SET totp_secret_encrypted = $2 WHERE id = $1', [actor.userId, deps.vault.encrypt(secret)]);
    const uri = totpUri(secret, actor.username);
    return { secret, uri, qrSvg: await totpQrSvg(uri) };
  });

  app.post('/api/auth/totp/confirm', {
    config: { policy: 'session', allowRestricted: true },
    schema: {
      tags: ['auth'], summary: 'Finish two-factor enrolment with a code from the app',
      body: z.strictObject({ code: z.string().max(12) }),
      response: { 200: z.object({ enabled: z.literal(true) }) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const now = deps.clock();
    const row = (await deps.db.owner.query<{ totp_secret_encrypted: string | null; totp_enabled_at: Date | null }>(
      'SELECT totp_secret_encrypted, totp_enabled_at FROM staff_user WHERE id = $1', [actor.userId])).rows[0];
    if (!row?.totp_secret_encrypted || row.totp_enabled_at) throw new AppError('not_found', 'error.not_found', { resource: 'TOTP' });
    const step = verifyTotp(deps.vault.decrypt(row.totp_secret_encrypted), req.body.code, now, null);
    if (step === null) throw validationError([{ path: 'code', rule: 'totp.invalid' }]);
    await deps.db.owner.query('UPDATE staff_user SET totp_enabled_at = $2, totp_last_step = $3 WHERE id = $1', [actor.userId, now, step]);
    await deps.db.owner.query('UPDATE staff_session SET restricted = false, auth_method = $2 WHERE id = $1', [actor.sessionId, 'password+totp']);
    await deps.db.tenantTransaction(actor.municipalityId, (tx) => appendAudit(tx, actor, now, [
      { action: 'mfa_enrolled', resourceType: 'StaffUser', resourceId: actor.userId, purpose: 'administration' }]));
    return { enabled: true as const };
  });
}
