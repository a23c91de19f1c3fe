import { estimate, noEstimate, Z95, type Estimate, type GroupCount } from './estimate.ts';
import { wilsonRate } from './wilson.ts';

/**
 * Difference y_j − y_ref with Newcombe's hybrid score interval (his method 10), built from the two
 * Wilson intervals: D − sqrt((y_j − l_j)² + (u_ref − y_ref)²) to D + sqrt((u_j − y_j)² + (y_ref − l_ref)²).
 */
export function newcombeDifference(group: GroupCount, reference: GroupCount): Estimate {
  const g = wilsonRate(group);
  const r = wilsonRate(reference);
  if (g.value === null || r.value === null || g.ciLow === null || g.ciHigh === null || r.ciLow === null || r.ciHigh === null) return noEstimate;
  const d = g.value - r.value;
  return estimate(
    d,
    d - Math.sqrt((g.value - g.ciLow) ** 2 + (r.ciHigh - r.value) ** 2),
    d + Math.sqrt((g.ciHigh - g.value) ** 2 + (r.value - r.ciLow) ** 2),
  );
}

/**
 * Ratio y_j / y_ref with the Katz log interval exp(ln Q ± z·sqrt(1/e_j − 1/n_j + 1/e_ref − 1/n_ref)).
 * Null (value and interval) when e_j = 0 or e_ref = 0: a ratio is never shown without its interval.
 */
export function katzRatio(group: GroupCount, reference: GroupCount, z = Z95): Estimate {
  if (group.events <= 0 || reference.events <= 0 || group.n <= 0 || reference.n <= 0) return noEstimate;
  const q = (group.events / group.n) / (reference.events / reference.n);
  const se = Math.sqrt(1 / group.events - 1 / group.n + 1 / reference.events - 1 / reference.n);
  return estimate(q, Math.exp(Math.log(q) - z * se), Math.exp(Math.log(q) + z * se));
}
