/** A CPR number written as DDMMYY-XXXX or DDMMYYXXXX (not part of a longer number). */
const CPR = /(?<![0-9])([0-3][0-9][01][0-9]{3})-?([0-9]{4})(?![0-9])/g;

/** Replaces anything shaped like a CPR number, so a message body can be logged. Pure. */
export const redactCpr = (text: string): string => text.replace(CPR, 'xxxxxx-xxxx');

/** Replaces personal-link tokens (…/svar#TOKEN) so a sent message no longer opens the questionnaire. Pure. */
export const redactLinks = (text: string): string => text.replace(/(\/svar#)[A-Za-z0-9_-]+/g, '$1[fjernet]');

/** Shows only enough of a phone number or e-mail address to tell messages apart in a log. Pure. */
export function maskRecipient(recipient: string | null): string {
  if (!recipient) return '–';
  const at = recipient.indexOf('@');
  if (at > 0) return `${recipient[0]}***${recipient.slice(at)}`;
  const digits = recipient.replace(/[^0-9]/g, '');
  return digits.length > 2 ? `***${digits.slice(-2)}` : '***';
}
