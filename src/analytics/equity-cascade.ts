import type { Label } from '../domain/social-position.ts';
import { noEstimate, type Estimate } from '../statistics/estimate.ts';
import { measureInequality, summaryMeasureNames, UNCERTAIN_BELOW, type SummaryMeasures } from '../statistics/inequality.ts';
import type { HiddenBecause } from '../statistics/suppression.ts';
import { wilsonRate } from '../statistics/wilson.ts';
import { cascadeSteps, stepLabels, type CascadeStep } from './cascade-steps.ts';
import { hiddenCells, type DisclosureRule } from './disclosure.ts';
import { groupLabel, groupsPresent, isKnownValue, orderOf, type EquityDimension } from './equity-dimensions.ts';
import type { CascadeOut } from './equity-schemas.ts';

/** Counts of one group at every step, as the query returns them. */
export interface CascadeCounts { group: string; counts: Record<CascadeStep, number> }
export type CascadeBase = 'previous' | 'referred';

type Context = Pick<CascadeOut, 'period' | 'filters' | 'dimension' | 'base'>;

/**
 * The equity cascade (pure): counts per group and step, then for each step after "referred" every
 * group's rate out of the previous step (or out of all referred), its gap to the reference group and
 * the summary measures. With suppression, a rate is hidden when either of its counts is, a gap when
 * the reference's counts are, and the summary measures when any known group's counts are (they
 * would let a reader work the hidden count out).
 */
export function buildCascade(context: Context, dimension: EquityDimension, rows: readonly CascadeCounts[], rule: DisclosureRule, lang: keyof Label): CascadeOut {
  const byGroup = new Map(rows.map((r) => [r.group, r.counts]));
  const groups = groupsPresent(dimension, byGroup.keys());
  const matrix = groups.map((g) => cascadeSteps.map((s) => byGroup.get(g)![s]));
  const totals = cascadeSteps.map((_, j) => matrix.reduce((sum, row) => sum + row[j]!, 0));
  const marks = hiddenCells(rule, matrix, cascadeSteps.length, true);
  const cell = (count: number, hidden: HiddenBecause | null) => ({ count: hidden ? null : count, hidden });
  const hiddenAt = (i: number, j: number) => marks.cells[i]![j] !== null;

  const comparisons = cascadeSteps.slice(1).map((step, k) => {
    const j = k + 1;
    const baseIndex = context.base === 'previous' ? j - 1 : 0;
    const known = groups.map((g, i) => ({ g, i })).filter(({ g }) => isKnownValue(g));
    const result = measureInequality({
      dimension: context.dimension.key, ordered: dimension.ordered, favourable: true,
      reference: dimension.reference !== undefined && known.some(({ g }) => g === dimension.reference) ? dimension.reference : undefined,
      groups: known.map(({ g, i }) => ({ label: g, order: orderOf(dimension, g), n: matrix[i]![baseIndex]!, events: matrix[i]![j]! })),
    });
    const groupHidden = (i: number) => hiddenAt(i, j) || hiddenAt(i, baseIndex);
    const referenceIndex = groups.indexOf(result.reference ?? '');
    const referenceHidden = referenceIndex >= 0 && groupHidden(referenceIndex);
    const measuresHidden = known.some(({ i }) => groupHidden(i));
    const totalHidden = marks.totals[j] !== null || marks.totals[baseIndex] !== null;
    return {
      step,
      overall: totalHidden ? noEstimate : wilsonRate({ n: totals[baseIndex]!, events: totals[j]! }),
      reference: result.reference, compared: measuresHidden ? null : result.compared,
      population: measuresHidden ? null : result.population, uncertain: result.uncertain, measuresHidden,
      groups: result.groups.map((r) => {
        const i = groups.indexOf(r.label);
        const hidden = groupHidden(i);
        const gapHidden = hidden || referenceHidden;
        return {
          value: r.label, n: hidden ? null : r.n, events: hidden ? null : r.events, rate: hidden ? noEstimate : r.rate,
          difference: gapHidden ? noEstimate : r.difference, ratio: gapHidden ? noEstimate : r.ratio,
          isReference: r.isReference, uncertain: r.n < UNCERTAIN_BELOW, hidden,
        };
      }),
      measures: measuresHidden ? hiddenMeasures() : result.measures,
    };
  });

  const unknownRows = groups.map((g, i) => ({ g, i })).filter(({ g }) => !isKnownValue(g));
  return {
    ...context,
    disclosure: rule,
    steps: cascadeSteps.map((key) => ({ key, label: stepLabels[key][lang] })),
    groups: groups.map((g, i) => ({
      value: g, label: groupLabel(dimension, g, lang), order: orderOf(dimension, g) ?? null, known: isKnownValue(g),
      counts: cascadeSteps.map((step, j) => ({ step, ...cell(matrix[i]![j]!, marks.cells[i]![j]!) })),
    })),
    total: { counts: cascadeSteps.map((step, j) => ({ step, ...cell(totals[j]!, marks.totals[j]!) })) },
    comparisons,
    unknown: cascadeSteps.map((step, j) => {
      const hidden = unknownRows.some(({ i }) => hiddenAt(i, j)) || marks.totals[j] !== null;
      const count = unknownRows.reduce((s, { i }) => s + matrix[i]![j]!, 0);
      return { step, count: hidden ? null : count, total: marks.totals[j] ? null : totals[j]!, share: hidden || totals[j] === 0 ? null : count / totals[j]! };
    }),
  };
}

const hiddenMeasures = (): SummaryMeasures => Object.fromEntries(summaryMeasureNames.map((k) => [k, noEstimate])) as Record<keyof SummaryMeasures, Estimate>;
