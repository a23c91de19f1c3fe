/** Bridge-building is followed up 3 and 6 months after the citizen started in the association offer. */
export const FOLLOW_UP_MONTHS = [3, 6] as const;

/** The same day n months later; a day the month lacks becomes its last day (30 November + 3 months = 28/29 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export const followUpDueDates = (bridgedOn: string): { months: 3 | 6; dueOn: string }[] => FOLLOW_UP_MONTHS.map((months) => ({ months, dueOn: addMonths(bridgedOn, months) }));

/** Why a citizen is, or is no longer, active in the association offer (so bridging success can be analysed). */
export const stayedReasons = ['enjoys_activity', 'social_community', 'companion_helped', 'health_improved'] as const;
export const leftReasons = ['health', 'transport', 'economy', 'time', 'did_not_fit_in', 'activity_not_suitable', 'offer_ended', 'moved', 'other'] as const;
export const followUpReasons = [...stayedReasons, ...leftReasons] as const;
