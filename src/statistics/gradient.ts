import { estimate, noEstimate, ratioOrNull, Z95, type Estimate } from './estimate.ts';
import type { Population } from './population.ts';

/** The measures that need the groups in social order (null on an unordered dimension). */
export interface GradientMeasures { sii: Estimate; rii: Estimate; aci: Estimate; rci: Estimate }

export const noGradient: GradientMeasures = { sii: noEstimate, rii: noEstimate, aci: noEstimate, rci: noEstimate };

/** Ridits R_j = Σ_{k<j} p_k + p_j / 2, the groups listed from most disadvantaged to most advantaged. */
export function ridits(pop: Population): number[] {
  let below = 0;
  return pop.groups.map((g) => {
    const r = below + g.p / 2;
    below += g.p;
    return r;
  });
}

/**
 * SII: least-squares slope b of the individual 0/1 outcome on the individual's ridit,
 * b = Σ n_j (R_j − ½)(y_j − μ) / Σ n_j (R_j − ½)², intercept a = μ − b/2, with the HC0 standard error
 * sqrt(Σ_j (R_j − ½)² [e_j (1 − ŷ_j)² + (n_j − e_j) ŷ_j²]) / Σ n_j (R_j − ½)² and CI b ± z·SE.
 * RII = (a + b) / a (null if a ≤ 0 or a + b ≤ 0). ACI = Σ p_j (2R_j − 1) y_j; RCI = ACI / μ.
 * `pop` must list the groups in social order.
 */
export function gradientMeasures(pop: Population | null): GradientMeasures {
  if (pop === null) return noGradient;
  const r = ridits(pop);
  const { mu } = pop;
  const centred = r.map((rj) => rj - 0.5);
  const sxx = pop.groups.reduce((s, g, j) => s + g.n * centred[j]! ** 2, 0);
  const sxy = pop.groups.reduce((s, g, j) => (g.y === null ? s : s + g.n * centred[j]! * (g.y - mu)), 0);
  const aci = pop.groups.reduce((s, g, j) => (g.y === null ? s : s + g.p * (2 * r[j]! - 1) * g.y), 0);
  const concentration = { aci: estimate(aci), rci: estimate(ratioOrNull(aci, mu)) };
  if (!(sxx > 0)) return { sii: noEstimate, rii: noEstimate, ...concentration };
  const b = sxy / sxx;
  const a = mu - b / 2;
  const meat = pop.groups.reduce((s, g, j) => {
    const fitted = a + b * r[j]!;
    return s + centred[j]! ** 2 * (g.events * (1 - fitted) ** 2 + (g.n - g.events) * fitted ** 2);
  }, 0);
  const se = Math.sqrt(meat) / sxx;
  return {
    sii: estimate(b, b - Z95 * se, b + Z95 * se),
    rii: estimate(a > 0 && a + b > 0 ? (a + b) / a : null),
    ...concentration,
  };
}
