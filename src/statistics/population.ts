import type { GroupCount } from './estimate.ts';

/** One group's weight p_j = n_j / N and rate y_j (null when n_j = 0, so its weight is 0 too). */
export interface WeightedRate { p: number; y: number | null; n: number; events: number }

/** N = Σ n_j, E = Σ e_j, μ = E / N and each group's weight; null when N = 0. */
export interface Population { total: number; events: number; mu: number; groups: WeightedRate[] }

export function populationOf(groups: readonly GroupCount[]): Population | null {
  const total = groups.reduce((s, g) => s + g.n, 0);
  if (!(total > 0)) return null;
  const events = groups.reduce((s, g) => s + g.events, 0);
  return {
    total, events, mu: events / total,
    groups: groups.map((g) => ({ p: g.n / total, y: g.n > 0 ? g.events / g.n : null, n: g.n, events: g.events })),
  };
}

/** Σ p_j f(y_j) over the groups that have people (an empty group has weight 0). */
export const weightedSum = (pop: Population, f: (y: number) => number): number =>
  pop.groups.reduce((s, g) => (g.y === null || g.p === 0 ? s : s + g.p * f(g.y)), 0);
