import type { Label } from '../domain/social-position.ts';
import type { HiddenBecause } from '../statistics/suppression.ts';
import { hiddenCells, type DisclosureRule } from './disclosure.ts';
import { groupLabel, groupsPresent, isKnownValue, type EquityDimension } from './equity-dimensions.ts';
import type { WaitingTimesOut } from './equity-detail-schemas.ts';
import type { WaitingRow } from './equity-queries.ts';

type Context = Pick<WaitingTimesOut, 'period' | 'filters' | 'dimension'>;

/** Median and quartiles of days from referral to first contact and to start, per group; hidden with their n. */
export function buildWaitingTimes(context: Context, dimension: EquityDimension, rows: readonly WaitingRow[], rule: DisclosureRule, lang: keyof Label): WaitingTimesOut {
  const byGroup = new Map(rows.filter((r) => r.group !== null).map((r) => [r.group!, r]));
  const total = rows.find((r) => r.group === null) ?? { group: null, contactN: 0, contactDays: null, startN: 0, startDays: null };
  const groups = groupsPresent(dimension, byGroup.keys());
  const marks = hiddenCells(rule, groups.map((g) => [byGroup.get(g)!.contactN, byGroup.get(g)!.startN]), 2, true);
  const quartiles = (n: number, q: number[] | null, hidden: HiddenBecause | null) => {
    const shown = hidden === null && n > 0 && q !== null;
    return { n: hidden ? null : n, hidden, p25: shown ? q[0] ?? null : null, median: shown ? q[1] ?? null : null, p75: shown ? q[2] ?? null : null };
  };
  return {
    ...context, disclosure: rule,
    groups: groups.map((g, i) => {
      const r = byGroup.get(g)!;
      return {
        value: g, label: groupLabel(dimension, g, lang), known: isKnownValue(g),
        toContact: quartiles(r.contactN, r.contactDays, marks.cells[i]![0]!), toStart: quartiles(r.startN, r.startDays, marks.cells[i]![1]!),
      };
    }),
    total: { toContact: quartiles(total.contactN, total.contactDays, marks.totals[0] ?? null), toStart: quartiles(total.startN, total.startDays, marks.totals[1] ?? null) },
  };
}
