import { allows, type Subject } from '../auth/permissions.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD, suppressCrossTable, type HiddenBecause } from '../statistics/suppression.ts';

/**
 * Who sees small counts: callers with access to the records (the 'citizen.read' permission, by role
 * or by an administrator's grant) see aggregates as they are; everyone else (managers, API keys)
 * gets them with small-cell suppression, applied here on the server before an aggregate leaves it
 * (equity-measures.md, "Presentation rules").
 */
export interface DisclosureRule { suppressed: boolean; threshold: number }

export function disclosureFor(subject: Subject, threshold = DEFAULT_SUPPRESSION_THRESHOLD): DisclosureRule {
  return { suppressed: !allows(subject, 'citizen.read'), threshold };
}

/** LIGEVEJ_SMALL_CELL_THRESHOLD (an integer of at least 2; default 5). */
export function thresholdFrom(value: string | undefined): number {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n >= 2 ? n : DEFAULT_SUPPRESSION_THRESHOLD;
}

/**
 * Marks for a groups × columns table whose column totals ("all") are shown; nothing is hidden when
 * the rule does not suppress. `totalsFirst` when the "all" row is shown only as a row of its own
 * (hiding it keeps the groups, and so the comparisons between them, visible).
 */
export function hiddenCells(rule: DisclosureRule, cells: number[][], columns: number, totalsFirst = false): { cells: (HiddenBecause | null)[][]; totals: (HiddenBecause | null)[] } {
  // `columns` is explicit: with no rows (a filter that matches nobody) the totals still need one mark per column.
  if (!rule.suppressed || cells.length === 0) return { cells: cells.map((row) => row.map(() => null)), totals: Array.from({ length: columns }, () => null) };
  const s = suppressCrossTable({ cells, rowTotals: false, columnTotals: true }, { threshold: rule.threshold, totalsFirst });
  return { cells: s.cells, totals: s.columnTotals! };
}
