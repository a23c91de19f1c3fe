import type { FastifyRequest } from 'fastify';
import { actorForToken } from '../auth/sessions.ts';
import { actorForApiKey } from '../auth/api-keys.ts';
import { allows } from '../auth/permissions.ts';
import { securityOf } from '../auth/security-config.ts';
import { SESSION_COOKIE } from '../auth/cookie.ts';
import { AppError } from '../shared/errors.ts';
import { CSRF_HEADER, csrfKeyFrom, csrfValid, needsCsrf } from './csrf.ts';
import type { Deps } from './deps.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when the caller authenticated with the session cookie (the credential CSRF abuses). */
    sessionToken?: string;
  }
}

/** Who is calling: an API key (Authorization: Bearer) or a session cookie. */
export async function authenticate(deps: Deps, req: FastifyRequest): Promise<void> {
  const now = deps.clock();
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    req.actor = await actorForApiKey(deps.db, auth.slice(7).trim(), now);
    return;
  }
  const token = req.cookies[SESSION_COOKIE];
  req.actor = token ? await actorForToken(deps.db, token, now, securityOf(deps.config).idleMinutes) : null;
  if (req.actor && token) req.sessionToken = token;
}

/**
 * The policy check on every route: public routes pass; others need a caller, a CSRF token for
 * state-changing requests made with the session cookie, finished two-factor enrolment, and the
 * permission the route's policy names. A route without a policy is refused (and fails the tests).
 */
export async function authorize(deps: Deps, req: FastifyRequest): Promise<void> {
  const config = req.routeOptions.config;
  const policy = config.policy;
  // The web app's own files (made public by its scope in src/webapp/serve.ts) hold no data.
  if (policy === 'public' || (!policy && config.access === 'public' && !isApiPath(req.routeOptions.url))) return;
  const actor = req.actor;
  if (!actor) throw new AppError('unauthenticated', 'error.unauthenticated');
  if (req.sessionToken && needsCsrf(req.method) && !csrfValid(csrfKeyFrom(deps.config.cprLookupKey), req.sessionToken, req.headers[CSRF_HEADER])) {
    throw new AppError('forbidden', 'error.csrf');
  }
  if (actor.restricted && !config.allowRestricted) throw new AppError('forbidden', 'error.mfa_enrolment_required');
  if (!policy) throw new AppError('forbidden', 'error.no_policy');
  if (!allows(actor, policy)) throw new AppError('forbidden', 'error.forbidden', { role: actor.role });
}

const isApiPath = (url: string | undefined): boolean => url !== undefined && (url.startsWith('/api/') || url.startsWith('/health/'));
