import { proportion, type GroupCount } from './estimate.ts';

/** One group of a social dimension, as equity-measures.md's input describes it. */
export interface InequalityGroup extends GroupCount {
  label: string;
  /** Ordered dimensions: 1 = most disadvantaged … J = most advantaged. */
  order?: number | undefined;
}

export interface InequalityInput {
  dimension: string;
  ordered: boolean;
  /** True when a higher rate is better (completion), false when lower is better (drop-out). */
  favourable: boolean;
  /** Label of the reference group; by default the most advantaged (ordered) or the best rate (unordered). */
  reference?: string | undefined;
  groups: readonly InequalityGroup[];
}

/** The groups from most disadvantaged to most advantaged (ordered), else in input order. */
export function hierarchyOf(input: InequalityInput): readonly InequalityGroup[] {
  if (!input.ordered) return input.groups;
  return [...input.groups].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
}

/**
 * The reference group: the one named in the input; otherwise the most advantaged group of an
 * ordered dimension, and for an unordered one the best rate (highest if favourable, lowest if not;
 * first in input order on ties). Null when no group qualifies (an unknown name, or nobody at all).
 */
export function referenceGroup(input: InequalityInput): InequalityGroup | null {
  if (input.reference !== undefined) return input.groups.find((g) => g.label === input.reference) ?? null;
  if (input.ordered) return hierarchyOf(input).at(-1) ?? null;
  let best: { group: InequalityGroup; rate: number } | null = null;
  for (const group of input.groups) {
    const rate = proportion(group);
    if (rate === null) continue;
    if (best === null || (input.favourable ? rate > best.rate : rate < best.rate)) best = { group, rate };
  }
  return best?.group ?? null;
}

/**
 * The two groups D and R compare, `upper` minus (or over) `lower`: for an ordered dimension group J
 * against group 1; for an unordered one the highest rate against the lowest (first in input order on
 * ties, and never the same group twice). Null with fewer than two groups (with a rate, if unordered).
 */
export function extremeGroups(input: InequalityInput): { upper: InequalityGroup; lower: InequalityGroup } | null {
  if (input.ordered) {
    const h = hierarchyOf(input);
    return h.length >= 2 ? { upper: h.at(-1)!, lower: h[0]! } : null;
  }
  const rated = input.groups.filter((g) => proportion(g) !== null);
  if (rated.length < 2) return null;
  const rate = (g: InequalityGroup) => proportion(g)!;
  const upper = rated.reduce((best, g) => (rate(g) > rate(best) ? g : best));
  const others = rated.filter((g) => g !== upper);
  const lower = others.reduce((worst, g) => (rate(g) < rate(worst) ? g : worst));
  return { upper, lower };
}
