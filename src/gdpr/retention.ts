/** Retention rules (pure): which citizens' identities are due for anonymisation, and why. */
import { createHash } from 'node:crypto';

export interface RetentionInput {
  citizenId: string;
  anonymisedAt: string | null;
  referrals: { stage: string; lastActivityOn: string }[];
}

export interface RetentionPolicy { yearsAfterEnd: number; yearsAfterClosed: number }

export interface RetentionCandidate {
  citizenId: string;
  /** 'ended': a course ran and ended; 'closed': only referrals closed without a course (or in error). */
  basis: 'ended' | 'closed';
  lastActivityOn: string;
  dueOn: string;
  action: 'anonymise';
}

const ENDED = new Set(['ended', 'followed_up']);
const CLOSED = new Set(['closed', 'entered_in_error']);

const addYears = (isoDate: string, years: number): string => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
};

/**
 * A citizen is due when every referral has finished (ended, followed up, closed or in error) and the
 * retention period after the latest of them has passed. Citizens with an open referral, with no
 * referral at all (kept until one is registered or they are removed by hand), or already anonymised
 * are never due. `today` is an ISO date.
 */
export function retentionCandidates(citizens: readonly RetentionInput[], policy: RetentionPolicy, today: string): RetentionCandidate[] {
  const due: RetentionCandidate[] = [];
  for (const c of citizens) {
    if (c.anonymisedAt || c.referrals.length === 0) continue;
    if (!c.referrals.every((r) => ENDED.has(r.stage) || CLOSED.has(r.stage))) continue;
    const anyCourse = c.referrals.some((r) => ENDED.has(r.stage));
    const dueOn = c.referrals
      .map((r) => addYears(r.lastActivityOn, ENDED.has(r.stage) ? policy.yearsAfterEnd : policy.yearsAfterClosed))
      .reduce((a, b) => (a > b ? a : b));
    const lastActivityOn = c.referrals.map((r) => r.lastActivityOn).reduce((a, b) => (a > b ? a : b));
    if (dueOn <= today) due.push({ citizenId: c.citizenId, basis: anyCourse ? 'ended' : 'closed', lastActivityOn, dueOn, action: 'anonymise' });
  }
  return due.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.citizenId.localeCompare(b.citizenId));
}

/**
 * What a dry run showed, as a short fingerprint (SHA-256 over each candidate's id, basis and due
 * date, in order): the run is refused unless it is about to anonymise exactly the citizens the
 * administrator confirmed. Reveals nothing beyond the candidate list it was shown with.
 */
export function retentionFingerprint(candidates: readonly RetentionCandidate[]): string {
  const hash = createHash('sha256');
  for (const c of candidates) hash.update(`${c.citizenId}|${c.basis}|${c.dueOn}\n`);
  return hash.digest('hex');
}
