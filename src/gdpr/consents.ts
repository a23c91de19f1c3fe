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
