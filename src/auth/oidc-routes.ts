import { z } from 'zod';
import * as oidc from 'openid-client';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { AppError } from '../shared/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { securityOf, type OidcConfig } from './security-config.ts';
import { createSession } from './sessions.ts';
import { setSessionCookies } from './session-cookies.ts';

const FLOW_COOKIE = 'ligevej_oidc';

/** Discovery once per process; a failure is retried on the next login. */
function discoverer(cfg: OidcConfig): () => Promise<oidc.Configuration> {
  let cached: Promise<oidc.Configuration> | undefined;
  return () => {
    cached ??= oidc.discovery(new URL(cfg.issuer), cfg.clientId, cfg.clientSecret, undefined,
      cfg.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined).catch((err: unknown) => { cached = undefined; throw err; });
    return cached;
  };
}

/**
 * OpenID Connect single sign-on (authorization code flow with PKCE, state and nonce) through the
 * municipality's identity provider. A staff account is linked by (issuer, subject); the first login
 * links the account whose username equals the provider's preferred_username. Accounts are never
 * created here: an administrator creates them. The provider is trusted for the second factor.
 */
export function oidcRoutes(app: Router, deps: Deps): void {
  const cfg = securityOf(deps.config).oidc;
  const configuration = cfg ? discoverer(cfg) : undefined;

  app.get('/api/auth/options', {
    config: { policy: 'public' },
    schema: { tags: ['auth'], summary: 'Which ways to log in are offered (for the login page)', response: { 200: z.object({ sso: z.boolean() }) } },
  }, async () => ({ sso: cfg !== undefined }));

  app.get('/api/auth/oidc/start', {
    config: { policy: 'public' },
    schema: { tags: ['auth'], summary: 'Start single sign-on: redirects to the identity provider' },
  }, async (_req, reply) => {
    if (!cfg || !configuration) throw new AppError('not_found', 'error.sso_not_configured');
    const config = await configuration();
    const verifier = oidc.randomPKCECodeVerifier();
    const flow = { verifier, state: oidc.randomState(), nonce: oidc.randomNonce() };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: cfg.redirectUri, scope: 'openid profile', code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256', state: flow.state, nonce: flow.nonce,
    });
    // Lax, because the provider sends the browser back with a cross-site top-level GET. Encrypted and authenticated.
    reply.setCookie(FLOW_COOKIE, deps.vault.encrypt(JSON.stringify(flow)), { httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies, path: '/api/auth/oidc', maxAge: 600 });
    return reply.redirect(url.href, 302);
  });

  app.get('/api/auth/oidc/callback', {
    config: { policy: 'public' },
    schema: { tags: ['auth'], summary: 'Single sign-on callback: checks the provider\'s answer and starts a session', querystring: z.record(z.string(), z.string().max(2000)) },
  }, async (req, reply) => {
    if (!cfg || !configuration) throw new AppError('not_found', 'error.sso_not_configured');
    const raw = req.cookies[FLOW_COOKIE];
    reply.clearCookie(FLOW_COOKIE, { path: '/api/auth/oidc' });
    let flow: { verifier: string; state: string; nonce: string };
    let claims: oidc.IDToken;
    try {
      if (!raw) throw new Error('no flow');
      flow = JSON.parse(deps.vault.decrypt(raw)) as typeof flow;
      const current = new URL(cfg.redirectUri);
      current.search = new URLSearchParams(req.query).toString();
      const tokens = await oidc.authorizationCodeGrant(await configuration(), current, { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce });
      const c = tokens.claims();
      if (!c) throw new Error('no id token');
      claims = c;
    } catch {
      throw new AppError('unauthenticated', 'error.sso_failed');
    }
    const now = deps.clock();
    const user = await linkedUser(deps, cfg, claims);
    if (!user) throw new AppError('unauthenticated', 'error.sso_failed');
    const { token, sessionId } = await createSession(deps.db, user.id, user.municipality_id, now, deps.config.sessionHours, { restricted: false, authMethod: 'oidc' });
    await deps.db.tenantTransaction(user.municipality_id, (tx) => appendAudit(tx, { userId: user.id, role: user.role, municipalityId: user.municipality_id }, now,
      [{ action: 'login', resourceType: 'StaffSession', resourceId: sessionId, purpose: 'administration', detail: { method: 'oidc' } }]));
    setSessionCookies(reply, deps, token);
    return reply.redirect('/', 302);
  });
}

async function linkedUser(deps: Deps, cfg: OidcConfig, claims: oidc.IDToken): Promise<{ id: string; municipality_id: string; role: string } | undefined> {
  const byLink = (await deps.db.owner.query<{ id: string; municipality_id: string; role: string }>(
    `SELECT u.id, u.municipality_id, u.role FROM staff_user u JOIN municipality m ON m.id = u.municipality_id
      WHERE u.oidc_issuer = $1 AND u.oidc_subject = $2 AND m.code = $3 AND u.active AND u.locked_at IS NULL`,
    [claims.iss, claims.sub, cfg.municipalityCode])).rows[0];
  if (byLink) return byLink;
  const username = typeof claims.preferred_username === 'string' ? claims.preferred_username.toLowerCase() : undefined;
  if (!username) return undefined;
  return (await deps.db.owner.query<{ id: string; municipality_id: string; role: string }>(
    `UPDATE staff_user u SET oidc_issuer = $1, oidc_subject = $2 FROM municipality m
      WHERE m.id = u.municipality_id AND m.code = $3 AND u.username = $4 AND u.oidc_subject IS NULL AND u.active AND u.locked_at IS NULL
      RETURNING u.id, u.municipality_id, u.role`,
    [claims.iss, claims.sub, cfg.municipalityCode, username])).rows[0];
}
