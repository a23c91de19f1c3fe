import type { Label } from '../domain/social-position.ts';
import { noEstimate } from '../statistics/estimate.ts';
import { pairedEffect, type PairedEffect, type PairedObservation } from '../statistics/paired-effect.ts';
import { pairedProportionEffect } from '../statistics/paired-proportion.ts';
import { meanChangeDifference, prevalenceChangeDifference } from '../statistics/effect-difference.ts';
import type { HiddenBecause } from '../statistics/suppression.ts';
import { hiddenCells, type DisclosureRule } from './disclosure.ts';
import { groupLabel, groupsPresent, isKnownValue, referenceOf, type EquityDimension } from './equity-dimensions.ts';
import type { EffectsOut } from './equity-detail-schemas.ts';
import type { CompleterMeasures } from './equity-queries.ts';
import { effectMeasures, timePointLabels, type EffectMeasureKey } from './effect-measures.ts';

type Context = Pick<EffectsOut, 'period' | 'filters' | 'dimension' | 'timePoint'>;

/** One measure's paired statistics: a mean difference, or for a yes/no measure the change in prevalence. */
export function measureEffect(key: EffectMeasureKey, observations: readonly PairedObservation[]): PairedEffect {
  const def = effectMeasures[key];
  return def.kind === 'proportion' ? pairedProportionEffect(observations, !def.rule.higherIsBetter) : pairedEffect(observations, def.rule);
}

/**
 * Effect by group: start vs end (among completers) or start vs follow-up (among followed-up
 * completers) for each measure, paired differences with CIs, the share with an important
 * improvement and the missing pairs. With suppression, an effect from a hidden number of pairs is
 * hidden entirely (a mean of 1-4 people is close to their own values).
 */
export function buildEffects(context: Context, dimension: EquityDimension, rows: readonly CompleterMeasures[], rule: DisclosureRule, lang: keyof Label,
  keys: readonly EffectMeasureKey[] = Object.keys(effectMeasures) as EffectMeasureKey[]): EffectsOut {
  const groups = groupsPresent(dimension, new Set(rows.map((r) => r.group)));
  return {
    ...context, timePointLabel: timePointLabels[context.timePoint][lang], disclosure: rule,
    measures: keys.map((key) => {
      const def = effectMeasures[key];
      const effectOf = (subset: readonly CompleterMeasures[]) => measureEffect(key, subset.map((r) => r.values[key]));
      const effects = groups.map((g) => effectOf(rows.filter((r) => r.group === g)));
      const marks = hiddenCells(rule, effects.map((e) => [e.pairs, e.improved, e.missing]), 3, true);
      const total = effectOf(rows);
      const ref = effectReference(dimension, groups, effects);
      const differ = def.kind === 'proportion' ? prevalenceChangeDifference : meanChangeDifference;
      // Against the reference group; none for the reference itself or an unknown group (they never enter the measures), hidden with either group's pairs.
      const difference = (i: number) => (ref === null || i === ref || !isKnownValue(groups[i]!) || marks.cells[i]![0] || marks.cells[ref]![0] ? noEstimate
        : differ(effects[i]!, effects[ref]!));
      return {
        key, label: def.label[lang], unit: def.unit[lang], kind: def.kind, higherIsBetter: def.rule.higherIsBetter,
        minimalImportantChange: def.rule.minimalImportantChange, relative: 'relative' in def.rule && def.rule.relative,
        reference: ref === null ? null : groups[ref]!,
        groups: groups.map((g, i) => ({
          value: g, label: groupLabel(dimension, g, lang), known: isKnownValue(g), effect: shown(effects[i]!, marks.cells[i]!),
          isReference: i === ref, difference: difference(i),
        })),
        total: shown(total, marks.totals),
      };
    }),
  };
}

/**
 * The group the others' effects are compared with: the dimension's named reference, else for an
 * ordered dimension the most advantaged known group present (the last), else the known group with
 * the most pairs. Null when that group has no pairs.
 */
function effectReference(dimension: EquityDimension, groups: readonly string[], effects: readonly PairedEffect[]): number | null {
  const named = referenceOf(dimension);
  const known = groups.map((g, i) => [g, i] as const).filter(([g, i]) => isKnownValue(g) && effects[i]!.pairs > 0);
  const index = named !== null ? known.find(([g]) => g === named)?.[1]
    : dimension.ordered ? known.at(-1)?.[1]
      : known.reduce<number | undefined>((best, [, i]) => (best === undefined || effects[i]!.pairs > effects[best]!.pairs ? i : best), undefined);
  return index ?? null;
}

function shown(e: PairedEffect, hidden: readonly (HiddenBecause | null)[]) {
  const [pairsHidden = null, improvedHidden = null, missingHidden = null] = hidden;
  const cell = (n: number, h: HiddenBecause | null) => ({ count: h ? null : n, hidden: h });
  return {
    pairs: cell(e.pairs, pairsHidden), missing: cell(e.missing, missingHidden), improved: cell(e.improved, pairsHidden ?? improvedHidden),
    meanChange: pairsHidden ? noEstimate : e.meanChange, sd: pairsHidden ? null : e.sd,
    improvedShare: pairsHidden || improvedHidden ? noEstimate : e.improvedShare, uncertain: e.uncertain,
  };
}
