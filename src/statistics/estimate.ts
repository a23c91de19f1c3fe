/**
 * The shape every statistic in Ligevej takes: a value with an optional 95 % confidence interval.
 * Null wherever the value is undefined (a zero denominator, a measure that does not apply); never
 * NaN or Infinity. Definitions: ../shared/docs/equity-measures.md.
 */
export interface Estimate {
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

/** z for a two-sided 95 % interval, as equity-measures.md fixes it. */
export const Z95 = 1.959963984540054;

/** Counts of one group: `n` people, `events` of them with the outcome. */
export interface GroupCount {
  n: number;
  events: number;
}

export const finiteOrNull = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** An estimate whose parts are all finite; a missing value hides its interval too. */
export function estimate(value: number | null, ciLow: number | null = null, ciHigh: number | null = null): Estimate {
  const v = finiteOrNull(value);
  if (v === null) return { value: null, ciLow: null, ciHigh: null };
  return { value: v, ciLow: finiteOrNull(ciLow), ciHigh: finiteOrNull(ciHigh) };
}

export const noEstimate: Estimate = Object.freeze({ value: null, ciLow: null, ciHigh: null }) as Estimate;

/** y = events / n, null when n = 0. */
export const proportion = (g: GroupCount): number | null => (g.n > 0 ? finiteOrNull(g.events / g.n) : null);

/** x / y, null when y = 0 or either side is missing. */
export const ratioOrNull = (x: number | null, y: number | null): number | null => (x === null || y === null || y === 0 ? null : finiteOrNull(x / y));
