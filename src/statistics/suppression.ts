import { add, countCommonIntegers, negate, point, type IntervalSet } from './interval-set.ts';

/**
 * Small-cell suppression (equity-measures.md, "Presentation rules"): counts from 1 to threshold − 1
 * are hidden ("<5") from people without access to the records, and more cells in the same row or
 * column are hidden when the total would otherwise reveal one of them (complementary suppression).
 *
 * A table is a list of cell values and a list of lines: `parts` add up to `total` (a row or column
 * with its margin). A reader who sees the shown cells knows each "<5" cell is 1..threshold−1 and each
 * complementary cell is 0 or at least the threshold. Every line is checked for what the reader can
 * deduce from it; while some line pins a hidden cell to one value (a "<5" cell, or a complementary
 * one, which would then uncover its other line), the smallest non-zero shown part of that line (else
 * a zero part, else the total) is hidden too. Only when every cell of a line is already hidden can
 * nothing more be done (e.g. four "<5" cells whose total is "<5" must all be 1).
 * This protects against deductions line by line, chained through exact values; it does not solve
 * the whole table as a linear system.
 */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export type HiddenBecause = 'small' | 'complementary';
export interface Line { total: number; parts: readonly number[] }

export function isSmallCount(value: number, threshold: number): boolean {
  return value >= 1 && value < threshold;
}

/**
 * `totalsFirst`: hide a line's total as the complementary cell when it can, rather than another
 * group; for tables whose margins matter less than the groups (the equity cascade's "all" row).
 */
export interface SuppressionOptions { threshold?: number; totalsFirst?: boolean }

export function suppressCells(values: readonly number[], lines: readonly Line[], options: SuppressionOptions = {}): (HiddenBecause | null)[] {
  const threshold = options.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  const hidden: (HiddenBecause | null)[] = values.map((v) => (isSmallCount(v, threshold) ? 'small' : null));
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      if (!revealsHiddenCell(values, hidden, line, threshold)) continue;
      const next = complementFor(values, hidden, line, options.totalsFirst ?? false);
      if (next === null) continue;
      hidden[next] = 'complementary';
      changed = true;
    }
  }
  return hidden;
}

function complementFor(values: readonly number[], hidden: readonly (HiddenBecause | null)[], line: Line, totalsFirst: boolean): number | null {
  const shownParts = line.parts.filter((i) => hidden[i] === null);
  const smallest = (cells: number[]) => cells.reduce<number | null>((best, i) => (best === null || values[i]! < values[best]! ? i : best), null);
  const total = hidden[line.total] === null ? line.total : null;
  const part = smallest(shownParts.filter((i) => values[i]! > 0)) ?? smallest(shownParts);
  return totalsFirst ? total ?? part : part ?? total;
}

/** What a reader knows about a cell: its value if shown, else the range its mark implies. */
function knownValues(value: number, hidden: HiddenBecause | null, threshold: number): IntervalSet {
  if (hidden === null) return point(value);
  return hidden === 'small' ? [[1, threshold - 1]] : [[0, 0], [threshold, Infinity]];
}

/** True when the line lets a reader pin some hidden cell of it to exactly one value. */
export function revealsHiddenCell(values: readonly number[], hidden: readonly (HiddenBecause | null)[], line: Line, threshold: number): boolean {
  const known = (i: number) => knownValues(values[i]!, hidden[i]!, threshold);
  const sumOf = (cells: readonly number[]) => cells.reduce<IntervalSet>((s, i) => add(s, known(i)), point(0));
  for (const cell of [line.total, ...line.parts]) {
    if (hidden[cell] === null) continue;
    // Σ parts − total = 0, so the cell's possible values are what the other cells leave room for.
    const isTotal = cell === line.total;
    const otherParts = sumOf(line.parts.filter((i) => i !== cell));
    const room = isTotal ? otherParts : add(known(line.total), negate(otherParts));
    if (countCommonIntegers(room, known(cell)) <= 1) return true;
  }
  return false;
}

/**
 * A two-way table with its margins, suppressed: `cells[r][c]`, and optionally the row totals, the
 * column totals and the grand total shown next to it (each margin is then a line to protect).
 */
export interface CrossTable { cells: readonly (readonly number[])[]; rowTotals: boolean; columnTotals: boolean }
export interface SuppressedCrossTable {
  cells: (HiddenBecause | null)[][];
  rowTotals: (HiddenBecause | null)[] | null;
  columnTotals: (HiddenBecause | null)[] | null;
  grandTotal: HiddenBecause | null;
}

export function suppressCrossTable(table: CrossTable, options: SuppressionOptions = {}): SuppressedCrossTable {
  const rows = table.cells.length;
  const columns = table.cells[0]?.length ?? 0;
  const values: number[] = table.cells.flatMap((row) => [...row]);
  const at = (r: number, c: number) => r * columns + c;
  const rowTotal = (r: number) => values.length + r;
  const columnTotal = (c: number) => values.length + (table.rowTotals ? rows : 0) + c;
  const grand = values.length + (table.rowTotals ? rows : 0) + (table.columnTotals ? columns : 0);
  const range = (k: number) => Array.from({ length: k }, (_, i) => i);
  const lines: Line[] = [];
  const all = [...values];
  if (table.rowTotals) for (const r of range(rows)) all.push(sum(table.cells[r]!));
  if (table.columnTotals) for (const c of range(columns)) all.push(sum(table.cells.map((row) => row[c]!)));
  if (table.rowTotals && table.columnTotals) all.push(sum(values));
  if (table.rowTotals) {
    for (const r of range(rows)) lines.push({ total: rowTotal(r), parts: range(columns).map((c) => at(r, c)) });
    if (table.columnTotals) lines.push({ total: grand, parts: range(rows).map(rowTotal) });
  }
  if (table.columnTotals) {
    for (const c of range(columns)) lines.push({ total: columnTotal(c), parts: range(rows).map((r) => at(r, c)) });
    if (table.rowTotals) lines.push({ total: grand, parts: range(columns).map(columnTotal) });
  }
  const hidden = suppressCells(all, lines, options);
  return {
    cells: range(rows).map((r) => range(columns).map((c) => hidden[at(r, c)]!)),
    rowTotals: table.rowTotals ? range(rows).map((r) => hidden[rowTotal(r)]!) : null,
    columnTotals: table.columnTotals ? range(columns).map((c) => hidden[columnTotal(c)]!) : null,
    grandTotal: table.rowTotals && table.columnTotals ? hidden[grand]! : null,
  };
}

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
