import { isLeapYear } from './age.ts';

/** dk-core's CPR rule (kl-gateway-119.md): a valid day+month, then six digits. No modulus-11 check. */
export const DK_CORE_CPR =
  /^((((0[1-9]|1[0-9]|2[0-9]|3[0-1])(01|03|05|07|08|10|12))|((0[1-9]|1[0-9]|2[0-9]|30)(04|06|09|11))|((0[1-9]|1[0-9]|2[0-9])(02)))[0-9]{6})$/;

export type Sex = 'male' | 'female';
export interface Cpr {
  /** 10 digits, no separator. */
  digits: string;
  /** YYYY-MM-DD, always a real calendar date. */
  birthDate: string;
  sex: Sex;
}

export type CprResult = { ok: true; value: Cpr } | { ok: false; rule: 'cpr.format' | 'cpr.date' };

/** The four-digit birth year from YY and the 7th digit (the CPR office's century rule). */
export function birthYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/**
 * Accepts "DDMMYYXXXX" or "DDMMYY-XXXX", surrounding spaces ignored. 'cpr.format': not 10 digits;
 * 'cpr.date': the digits fail dk-core's day+month rule.
 *
 * dk-core accepts 29 February in every year, and so do we (the gateway must not reject what we
 * accept). When the derived year is not a leap year the birth date is reported as 28 February, so
 * birthDate is always a real date that a SQL `date` column and age calculations can hold.
 */
export function parseCpr(input: string): CprResult {
  const compact = input.trim().replace(/^(\d{6})-(\d{4})$/, '$1$2');
  if (!/^\d{10}$/.test(compact)) return { ok: false, rule: 'cpr.format' };
  if (!DK_CORE_CPR.test(compact)) return { ok: false, rule: 'cpr.date' };
  const mm = compact.slice(2, 4);
  const year = birthYear(Number(compact.slice(4, 6)), Number(compact[6]));
  const dd = mm === '02' && compact.startsWith('29') && !isLeapYear(year) ? '28' : compact.slice(0, 2);
  const sex: Sex = Number(compact[9]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: { digits: compact, birthDate: `${year}-${mm}-${dd}`, sex } };
}

/** "DDMMYY-XXXX" from the 10 digits. */
export const formatCpr = (digits: string): string => `${digits.slice(0, 6)}-${digits.slice(6, 10)}`;
/** "DDMMYY-xxxx": the birth-date part only, for lists and logs. */
export const maskCpr = (digits: string): string => `${digits.slice(0, 6)}-xxxx`;
