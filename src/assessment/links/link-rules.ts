import { createHash, randomBytes } from 'node:crypto';

/** Wrong birth dates allowed before a link locks (a second factor must not be guessable by trying). */
export const MAX_BIRTH_DATE_TRIES = 5;

/** 256 random bits, URL-safe; only its hash is stored. */
export const newToken = (): string => randomBytes(32).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export interface LinkFacts { expires_at: Date | string; used_at: Date | string | null; revoked_at: Date | string | null; failed_checks: number }
export type LinkState = 'open' | 'expired' | 'used' | 'revoked' | 'locked';

/** Whether a personal link may still be used. Used beats expired, so a citizen who answered is told so. Pure. */
export function linkState(link: LinkFacts, now: Date): LinkState {
  if (link.revoked_at) return 'revoked';
  if (link.used_at) return 'used';
  if (link.failed_checks >= MAX_BIRTH_DATE_TRIES) return 'locked';
  if (new Date(link.expires_at).getTime() <= now.getTime()) return 'expired';
  return 'open';
}

/** The date six months after another (end of month clamps: 31 Aug → 28/29 Feb). Pure. */
export function sixMonthsAfter(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const total = m - 1 + 6;
  const year = y + Math.floor(total / 12);
  const month = total % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
