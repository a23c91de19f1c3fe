import { addDays } from './calendar.ts';

/**
 * The centre phones first; when the phone has been tried this many times without reaching the
 * citizen (or the number is wrong), it writes a letter. After a letter it phones again a week later.
 */
export const PHONE_TRIES_BEFORE_LETTER = 2;
export const DAYS_AFTER_LETTER = 7;

export type ContactAction = 'phone' | 'letter' | 'close';
export interface ContactHistory {
  phoneTries: number;
  letters: number;
  lastChannel: string;
  lastOutcome: string;
  /** Local date of the last attempt. */
  lastOn: string;
}

/** The next contact attempt and the local date it is due. */
export function nextContact(h: ContactHistory): { action: ContactAction; dueOn: string } {
  if (h.lastOutcome === 'declined') return { action: 'close', dueOn: h.lastOn };
  const lettered = h.letters > 0;
  if (!lettered && (h.lastOutcome === 'wrong_number' || h.phoneTries >= PHONE_TRIES_BEFORE_LETTER)) {
    return { action: 'letter', dueOn: h.lastOn };
  }
  if (h.lastChannel === 'letter' || h.lastChannel === 'digital_post') return { action: 'phone', dueOn: addDays(h.lastOn, DAYS_AFTER_LETTER) };
  return { action: 'phone', dueOn: addDays(h.lastOn, 1) };
}
