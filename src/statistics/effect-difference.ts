import { estimate, noEstimate, Z95, type Estimate } from './estimate.ts';
import { studentTQuantile } from './student-t.ts';

/** What a group's effect contributes to a comparison: its mean change (or change in prevalence), the sample SD of the changes and the pairs. */
export interface EffectSummary { meanChange: Estimate; sd: number | null; pairs: number }

/**
 * Does the effect differ? The difference of two groups' mean changes, group − reference, for
 * independent groups: Welch's t interval, d ± t_{0.975, ν}·sqrt(s₁²/m₁ + s₂²/m₂) with the
 * Welch–Satterthwaite ν. Null without a mean in either group; no interval with fewer than 2 pairs or
 * no SD in either.
 */
export function meanChangeDifference(group: EffectSummary, reference: EffectSummary): Estimate {
  const [a, b] = [group.meanChange.value, reference.meanChange.value];
  if (a === null || b === null) return noEstimate;
  const d = a - b;
  if (group.pairs < 2 || reference.pairs < 2 || group.sd === null || reference.sd === null) return estimate(d);
  const [va, vb] = [group.sd ** 2 / group.pairs, reference.sd ** 2 / reference.pairs];
  const se = Math.sqrt(va + vb);
  if (se === 0) return estimate(d, d, d);
  const df = (va + vb) ** 2 / (va ** 2 / (group.pairs - 1) + vb ** 2 / (reference.pairs - 1));
  const t = studentTQuantile(0.975, df);
  return t === null ? estimate(d) : estimate(d, d - t * se, d + t * se);
}

/**
 * The same for a yes/no measure, whose changes in prevalence come with Newcombe's paired intervals:
 * each interval's width gives a standard error, (high − low) / (2·1.96), and the difference takes
 * d ± 1.96·sqrt(se₁² + se₂²) (a normal approximation: the paired intervals are not symmetric).
 */
export function prevalenceChangeDifference(group: EffectSummary, reference: EffectSummary): Estimate {
  const [a, b] = [group.meanChange, reference.meanChange];
  if (a.value === null || b.value === null) return noEstimate;
  const d = a.value - b.value;
  if (a.ciLow === null || a.ciHigh === null || b.ciLow === null || b.ciHigh === null) return estimate(d);
  const half = Z95 * Math.hypot((a.ciHigh - a.ciLow) / (2 * Z95), (b.ciHigh - b.ciLow) / (2 * Z95));
  return estimate(d, Math.max(-2, d - half), Math.min(2, d + half));
}
