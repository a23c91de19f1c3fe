/**
 * Dates as Danish staff read and type them: dd.mm.åååå (DKFDS's date format), kept as ISO
 * YYYY-MM-DD everywhere else. Pure functions for the staff app's date fields.
 */

const isRealDate = (y: number, m: number, d: number): boolean => {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
};
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * The ISO date of a date typed the Danish way: "23.11.2026", "1.3.2026", "23-11-2026", "23/11/2026",
 * "23 11 2026" or "23112026"; an ISO date (pasted) is taken as it is. Null when it is not a real date.
 */
export function parseDanishDate(text: string): string | null {
  const t = text.trim();
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const danish = /^(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  const [y, m, d] = isoMatch ? [isoMatch[1], isoMatch[2], isoMatch[3]].map(Number) : danish ? [danish[3], danish[2], danish[1]].map(Number) : [];
  return y !== undefined && m !== undefined && d !== undefined && isRealDate(y, m, d) ? iso(y, m, d) : null;
}

/** "2026-11-23" as "23.11.2026"; anything that is not an ISO date is returned unchanged. */
export function formatDanishDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : value;
}

/**
 * A time of day typed as 14:30, 14.30, 9.05 or 1430, as HH:MM on the 24-hour clock; null when it is
 * not one.
 */
export function parseDanishTime(text: string): string | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim()) ?? /^(\d{2})(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h <= 23 && min <= 59 ? `${String(h).padStart(2, '0')}:${m[2]}` : null;
}
