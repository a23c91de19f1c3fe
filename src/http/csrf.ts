import { createHmac, timingSafeEqual } from 'node:crypto';

export const CSRF_COOKIE = 'ligevej_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Signed double-submit: the token is an HMAC of the session token, readable by the page (cookie
 * without httpOnly) and sent back in a header. Another site can neither read the cookie nor set the
 * header, and the token is useless without the session it belongs to.
 */
export const csrfTokenFor = (key: Buffer, sessionToken: string): string =>
  createHmac('sha256', key).update(`csrf:${sessionToken}`).digest('base64url');

export const needsCsrf = (method: string): boolean => !SAFE.has(method.toUpperCase());

export function csrfValid(key: Buffer, sessionToken: string, header: string | string[] | undefined): boolean {
  const sent = Array.isArray(header) ? header[0] : header;
  if (!sent) return false;
  const expected = Buffer.from(csrfTokenFor(key, sessionToken));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A key for CSRF tokens derived from the lookup key, so restarts and several instances agree. */
export const csrfKeyFrom = (lookupKey: Buffer): Buffer => createHmac('sha256', lookupKey).update('ligevej-csrf-v1').digest();
