import { Secret, TOTP } from 'otpauth';

/** RFC 6238 with the parameters every authenticator app understands: SHA-1, 6 digits, 30 seconds. */
const PERIOD = 30;
const totpFor = (secretBase32: string, label = 'Ligevej') =>
  new TOTP({ issuer: 'Ligevej', label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The otpauth:// URI an authenticator app reads (as a QR code or typed in). */
export const totpUri = (secretBase32: string, username: string): string => totpFor(secretBase32, username).toString();

export const totpCode = (secretBase32: string, at: Date): string => totpFor(secretBase32).generate({ timestamp: at.getTime() });

/**
 * Checks a code at a moment, allowing one step of clock drift either way. Returns the time step the
 * code belongs to, or null. A step at or before `lastStep` is refused, so a code cannot be replayed.
 */
export function verifyTotp(secretBase32: string, code: string, at: Date, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(at.getTime() / 1000 / PERIOD) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}
