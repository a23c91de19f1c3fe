import { display } from '../domain/terminology.ts';
import type { Label } from '../domain/social-position.ts';
import { suppressCrossTable, type HiddenBecause } from '../statistics/suppression.ts';
import type { DisclosureRule } from './disclosure.ts';
import { groupLabel, groupsPresent, isKnownValue, type EquityDimension } from './equity-dimensions.ts';
import type { DropoutReasonsOut } from './equity-detail-schemas.ts';

type Context = Pick<DropoutReasonsOut, 'period' | 'filters' | 'dimension' | 'phase'>;

/**
 * Why people dropped out, by group: a groups × reasons table with group totals, reason totals and the
 * grand total, all protected together by small-cell suppression. Shares are of the group's drop-outs.
 */
export function buildDropoutReasons(context: Context, dimension: EquityDimension, rows: readonly { group: string; reason: string; count: number }[], rule: DisclosureRule, lang: keyof Label): DropoutReasonsOut {
  const groups = groupsPresent(dimension, new Set(rows.map((r) => r.group)));
  const reasons = [...new Set(rows.map((r) => r.reason))].sort();
  const count = (g: string, reason: string) => rows.find((r) => r.group === g && r.reason === reason)?.count ?? 0;
  const cells = groups.map((g) => reasons.map((reason) => count(g, reason)));
  const rowTotals = cells.map((row) => row.reduce((s, x) => s + x, 0));
  const columnTotals = reasons.map((_, c) => cells.reduce((s, row) => s + row[c]!, 0));
  const grand = rowTotals.reduce((s, x) => s + x, 0);
  const none = { cells: cells.map((row) => row.map(() => null)), rowTotals: rowTotals.map(() => null), columnTotals: columnTotals.map(() => null), grandTotal: null };
  const marks = rule.suppressed && groups.length && reasons.length ? suppressCrossTable({ cells, rowTotals: true, columnTotals: true }, { threshold: rule.threshold }) : none;
  const cell = (n: number, hidden: HiddenBecause | null) => ({ count: hidden ? null : n, hidden });
  const share = (n: number, of: number, hidden: boolean) => (hidden || of === 0 ? null : n / of);
  return {
    ...context, disclosure: rule,
    reasons: reasons.map((code) => ({ code, label: display('cancellationReasons', code) ?? code })),
    groups: groups.map((g, r) => ({
      value: g, label: groupLabel(dimension, g, lang), known: isKnownValue(g), total: cell(rowTotals[r]!, marks.rowTotals![r]!),
      reasons: reasons.map((reason, c) => {
        const hidden = marks.cells[r]![c]!;
        return { reason, ...cell(cells[r]![c]!, hidden), share: share(cells[r]![c]!, rowTotals[r]!, hidden !== null || marks.rowTotals![r] !== null) };
      }),
    })),
    total: {
      total: cell(grand, marks.grandTotal),
      reasons: reasons.map((reason, c) => {
        const hidden = marks.columnTotals![c]!;
        return { reason, ...cell(columnTotals[c]!, hidden), share: share(columnTotals[c]!, grand, hidden !== null || marks.grandTotal !== null) };
      }),
    },
  };
}
