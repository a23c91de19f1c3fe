import { estimate, noEstimate, proportion, type Estimate } from './estimate.ts';
import { dispersionMeasures } from './dispersion.ts';
import { gradientMeasures, noGradient } from './gradient.ts';
import { katzRatio, newcombeDifference } from './group-comparison.ts';
import { extremeGroups, hierarchyOf, referenceGroup, type InequalityGroup, type InequalityInput } from './groups.ts';
import { populationOf } from './population.ts';
import { wilsonRate } from './wilson.ts';

export const summaryMeasureNames = ['d', 'r', 'sii', 'rii', 'aci', 'rci', 'par', 'paf', 'bgv', 'mdm', 'mdb', 'idis', 'idisw', 'theil', 'mld'] as const;
export type SummaryMeasureName = (typeof summaryMeasureNames)[number];
export type SummaryMeasures = Record<SummaryMeasureName, Estimate>;

/** equity-measures.md: "a measure from fewer than 20 people is marked as uncertain". */
export const UNCERTAIN_BELOW = 20;

export interface GroupResult {
  label: string;
  n: number;
  events: number;
  rate: Estimate;
  /** y_j − y_ref with Newcombe's CI. The reference group itself: 0, without an interval. */
  difference: Estimate;
  /** y_j / y_ref with Katz's CI. The reference group itself: 1, without an interval. */
  ratio: Estimate;
  isReference: boolean;
  uncertain: boolean;
}

export interface InequalityResult {
  /** Label of the reference group; null when there is none (no group with people, or an unknown name). */
  reference: string | null;
  /** The groups D and R compare (upper − lower), null when there are not two to compare. */
  compared: { upper: string; lower: string } | null;
  population: number;
  groups: GroupResult[];
  measures: SummaryMeasures;
  uncertain: boolean;
}

/**
 * Every measure of equity-measures.md for one outcome across the groups of one dimension. The input
 * is assumed valid (see inequality-input.ts); even invalid input gives nulls, never NaN, Infinity
 * or an exception.
 */
export function measureInequality(input: InequalityInput): InequalityResult {
  const reference = referenceGroup(input);
  const referenceHasPeople = reference !== null && reference.n > 0;
  const groups = input.groups.map((g): GroupResult => {
    const isReference = g === reference;
    return {
      label: g.label, n: g.n, events: g.events, rate: wilsonRate(g),
      difference: reference === null ? noEstimate : isReference ? selfDifference(g) : newcombeDifference(g, reference),
      ratio: reference === null ? noEstimate : isReference ? selfRatio(g) : katzRatio(g, reference),
      isReference, uncertain: g.n < UNCERTAIN_BELOW,
    };
  });
  const extremes = extremeGroups(input);
  const hierarchy = hierarchyOf(input);
  const population = populationOf(hierarchy);
  const measures: SummaryMeasures = {
    d: extremes ? newcombeDifference(extremes.upper, extremes.lower) : noEstimate,
    r: extremes ? katzRatio(extremes.upper, extremes.lower) : noEstimate,
    ...(input.ordered ? gradientMeasures(population) : noGradient),
    ...dispersionMeasures(population, referenceHasPeople ? proportion(reference) : null),
  };
  const total = population?.total ?? 0;
  return {
    reference: reference?.label ?? null,
    compared: extremes ? { upper: extremes.upper.label, lower: extremes.lower.label } : null,
    population: total, groups, measures, uncertain: total < UNCERTAIN_BELOW,
  };
}

// Comparing the reference with itself has a value but no sampling interval: it is not two groups.
const selfDifference = (g: InequalityGroup): Estimate => estimate(proportion(g) === null ? null : 0);
const selfRatio = (g: InequalityGroup): Estimate => estimate(g.events > 0 ? 1 : null);
