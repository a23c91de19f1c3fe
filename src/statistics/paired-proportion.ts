import { estimate, noEstimate, type Estimate } from './estimate.ts';
import { UNCERTAIN_BELOW } from './inequality.ts';
import type { PairedEffect, PairedObservation } from './paired-effect.ts';
import { wilsonRate } from './wilson.ts';

/**
 * A yes/no measure taken twice on the same people (smoking: 1 smoker, 0 not). equity-measures.md
 * defines no paired-proportion statistic, so Ligevej uses the standard one for paired binary data:
 * the change in prevalence p_after − p_before = (c − b)/m, where of the m complete pairs a stayed yes,
 * b went from yes to no, c from no to yes and d stayed no, with Newcombe's square-and-add (hybrid
 * score) interval for paired proportions (Newcombe 1998, method 10; Altman et al., Statistics with
 * Confidence, 2000, p. 52; recommended by Fagerland, Lydersen & Laake 2014):
 *   Wilson limits l₁,u₁ for p_before = (a+b)/m and l₂,u₂ for p_after = (a+c)/m,
 *   φ = (ad − bc)/√((a+b)(c+d)(a+c)(b+d)), with ad − bc replaced by max(ad − bc − m/2, 0) when it is positive, and φ = 0
 *   when a margin is empty;
 *   low  = Δ − √((p₂−l₂)² − 2φ(p₂−l₂)(u₁−p₁) + (u₁−p₁)²),
 *   high = Δ + √((u₂−p₂)² − 2φ(u₂−p₂)(p₁−l₁) + (p₁−l₁)²).
 * An important improvement is a move from yes to no when "yes" is the worse state (b), otherwise
 * from no to yes (c); its share of the complete pairs has the Wilson interval, like the other measures.
 */
export interface PairedTable { a: number; b: number; c: number; d: number }

export function pairedTable(observations: readonly PairedObservation[]): { table: PairedTable; missing: number } {
  const t: PairedTable = { a: 0, b: 0, c: 0, d: 0 };
  let missing = 0;
  for (const o of observations) {
    if ((o.before !== 0 && o.before !== 1) || (o.after !== 0 && o.after !== 1)) { missing++; continue; }
    if (o.before === 1) { if (o.after === 1) t.a++; else t.b++; } else if (o.after === 1) t.c++; else t.d++;
  }
  return { table: t, missing };
}

/** p_after − p_before with Newcombe's paired hybrid score interval; null without pairs. */
export function pairedProportionDifference({ a, b, c, d }: PairedTable): Estimate {
  const m = a + b + c + d;
  if (m === 0) return noEstimate;
  const p1 = (a + b) / m, p2 = (a + c) / m;
  const w1 = wilsonRate({ n: m, events: a + b }), w2 = wilsonRate({ n: m, events: a + c });
  const [l1, u1, l2, u2] = [w1.ciLow!, w1.ciHigh!, w2.ciLow!, w2.ciHigh!];
  const margins = (a + b) * (c + d) * (a + c) * (b + d);
  const cross = a * d - b * c;
  const phi = margins === 0 ? 0 : (cross > 0 ? Math.max(cross - m / 2, 0) : cross) / Math.sqrt(margins);
  const delta = p2 - p1;
  const below = Math.sqrt(Math.max(0, (p2 - l2) ** 2 - 2 * phi * (p2 - l2) * (u1 - p1) + (u1 - p1) ** 2));
  const above = Math.sqrt(Math.max(0, (u2 - p2) ** 2 - 2 * phi * (u2 - p2) * (p1 - l1) + (p1 - l1) ** 2));
  return estimate(delta, Math.max(-1, delta - below), Math.min(1, delta + above));
}

/** The paired-effect shape for a yes/no measure: meanChange is the change in prevalence (a proportion). */
export function pairedProportionEffect(observations: readonly PairedObservation[], yesIsWorse: boolean): PairedEffect {
  const { table, missing } = pairedTable(observations);
  const m = table.a + table.b + table.c + table.d;
  const improved = yesIsWorse ? table.b : table.c;
  return {
    pairs: m, missing, meanChange: pairedProportionDifference(table), sd: null,
    improved, improvedShare: wilsonRate({ n: m, events: improved }), uncertain: m < UNCERTAIN_BELOW,
  };
}
