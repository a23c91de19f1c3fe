import { readFileSync } from 'node:fs';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

export type PasswordRule = 'password.too_short' | 'password.too_long' | 'password.common' | 'password.contains_username' | 'password.repetitive';

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '!': 'i' };

/** The spellings of a password to look up in the list: as typed, folded, without trailing digits/symbols. */
export function variants(password: string): string[] {
  const lower = password.toLowerCase().replace(/\s+/g, '');
  const stripped = lower.replace(/[^a-zæøå]+$/u, '');
  const unleet = (s: string) => s.replace(/[013457@$!]/g, (c) => LEET[c] ?? c);
  const danish = (s: string) => s.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
  const all = [lower, stripped, unleet(lower), unleet(stripped).replace(/[^a-zæøå]+$/u, ''), danish(lower), danish(stripped)];
  return [...new Set(all.filter((v) => v.length > 0))];
}

/**
 * NIST SP 800-63B style rules: long enough, not on the list of common/breached passwords (also as
 * common variations), not the username, not one repeated character. Pure: the list is passed in.
 */
export function passwordProblems(password: string, username: string, common: ReadonlySet<string>): PasswordRule[] {
  const problems: PasswordRule[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) problems.push('password.too_short');
  if (length > MAX_PASSWORD_LENGTH) problems.push('password.too_long');
  if (variants(password).some((v) => common.has(v))) problems.push('password.common');
  const user = username.trim().toLowerCase();
  if (user.length >= 3 && password.toLowerCase().includes(user)) problems.push('password.contains_username');
  if (/^(.)\1*$/u.test(password) || /^(.{1,3})\1+$/u.test(password)) problems.push('password.repetitive');
  return problems;
}

let bundled: ReadonlySet<string> | undefined;
/** The bundled list (src/auth/common-passwords.txt), read once. */
export function commonPasswords(): ReadonlySet<string> {
  bundled ??= new Set(readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
  return bundled;
}
