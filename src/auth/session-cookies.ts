import type { FastifyReply } from 'fastify';
import type { Deps } from '../http/deps.ts';
import { CSRF_COOKIE, csrfKeyFrom, csrfTokenFor } from '../http/csrf.ts';
import { SESSION_COOKIE } from './cookie.ts';

/** The session cookie (httpOnly) and its CSRF token (readable by the page), both SameSite=Strict. */
export function setSessionCookies(reply: FastifyReply, deps: Deps, token: string): void {
  const base = { sameSite: 'strict' as const, secure: deps.config.secureCookies, path: '/', maxAge: deps.config.sessionHours * 3600 };
  reply.setCookie(SESSION_COOKIE, token, { ...base, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrfTokenFor(csrfKeyFrom(deps.config.cprLookupKey), token), { ...base, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
