/** The consent registry's rules (pure). */
export const consentPurposes = ['research', 'quality_database', 'sms_reminders'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
export const consentMethods = ['written', 'oral', 'digital', 'by_proxy'] as const;

export interface ConsentEvent {
  purpose: ConsentPurpose; state: 'given' | 'withdrawn'; effectiveOn: string; method: string; recordedAt: string;
}

export interface ConsentStatus {
  purpose: ConsentPurpose; given: boolean; givenOn: string | null; withdrawnOn: string | null; method: string | null;
}

/** The current state per purpose: the latest event by effective date (then by when it was recorded). */
export function currentConsents(events: readonly ConsentEvent[]): ConsentStatus[] {
  return consentPurposes.map((purpose) => {
    const mine = events.filter((e) => e.purpose === purpose)
      .sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || a.recordedAt.localeCompare(b.recordedAt));
    const last = mine.at(-1);
    const lastGiven = mine.filter((e) => e.state === 'given').at(-1);
    return {
      purpose, given: last?.state === 'given', givenOn: lastGiven?.effectiveOn ?? null,
      withdrawnOn: last?.state === 'withdrawn' ? last.effectiveOn : null, method: last?.method ?? null,
    };
  });
}

/** A withdrawal needs a consent that is currently given. */
export const canWithdraw = (events: readonly ConsentEvent[], purpose: ConsentPurpose): boolean =>
  currentConsents(events).find((c) => c.purpose === purpose)?.given === true;

/**
 * The registry's version for optimistic locking: events are only ever appended, so their number
 * grows with every change. A form names the version it was shown; a different one means a
 * colleague recorded something in between.
 */
export const consentVersion = (events: readonly ConsentEvent[]): number => events.length;

export interface ConsentInput { purpose: ConsentPurpose; state: 'given' | 'withdrawn'; effectiveOn: string }
export interface ConsentProblem { path: string; rule: string; params?: Record<string, string> }

/**
 * What is wrong with recording this consent event now (empty when nothing): the date may not lie
 * in the future, a withdrawal needs a consent that is given, and cannot take effect before the day
 * it was given. `today` is the ISO date in Danish time.
 */
export function consentProblems(events: readonly ConsentEvent[], input: ConsentInput, today: string): ConsentProblem[] {
  const problems: ConsentProblem[] = [];
  if (input.effectiveOn > today) problems.push({ path: 'effectiveOn', rule: 'consent.future_date' });
  if (input.state === 'withdrawn') {
    const now = currentConsents(events).find((c) => c.purpose === input.purpose);
    if (!now?.given) problems.push({ path: 'state', rule: 'consent.withdraw_without_given' });
    else if (now.givenOn && input.effectiveOn < now.givenOn) problems.push({ path: 'effectiveOn', rule: 'consent.before_given', params: { givenOn: now.givenOn } });
  }
  return problems;
}
