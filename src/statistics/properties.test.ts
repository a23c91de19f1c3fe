import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { wilsonRate } from './wilson.ts';
import { katzRatio, newcombeDifference } from './group-comparison.ts';
import { measureInequality, summaryMeasureNames } from './inequality.ts';
import { hierarchyOf, type InequalityInput } from './groups.ts';
import { populationOf } from './population.ts';
import { ridits } from './gradient.ts';
import { pairedEffect } from './paired-effect.ts';
import { suppressCrossTable, type HiddenBecause } from './suppression.ts';
import type { Estimate } from './estimate.ts';

const groupCount = fc.integer({ min: 0, max: 500 }).chain((n) => fc.record({ n: fc.constant(n), events: fc.integer({ min: 0, max: n }) }));
const nonEmptyCount = fc.integer({ min: 1, max: 500 }).chain((n) => fc.record({ n: fc.constant(n), events: fc.integer({ min: 0, max: n }) }));

const inequalityInput = fc.array(groupCount, { minLength: 1, maxLength: 8 }).chain((counts) => fc.record({
  ordered: fc.boolean(),
  favourable: fc.boolean(),
  // The social order, deliberately not the input order.
  orders: fc.shuffledSubarray(counts.map((_, i) => i + 1), { minLength: counts.length, maxLength: counts.length }),
}).map(({ ordered, favourable, orders }): InequalityInput => ({
  dimension: 'x', ordered, favourable,
  groups: counts.map((c, i) => ({ label: `g${i}`, order: orders[i]!, ...c })),
})));

const finiteOrNull = (x: number | null) => x === null || Number.isFinite(x);
const wellFormed = (e: Estimate) => finiteOrNull(e.value) && finiteOrNull(e.ciLow) && finiteOrNull(e.ciHigh) && (e.value !== null || (e.ciLow === null && e.ciHigh === null));
const contains = (e: Estimate, slack = 1e-12) => e.value === null || e.ciLow === null || e.ciHigh === null || (e.ciLow <= e.value + slack && e.value <= e.ciHigh + slack);

describe('properties of the equity measures', () => {
  it('every rate lies within its Wilson interval, inside [0, 1]', () => {
    fc.assert(fc.property(nonEmptyCount, (g) => {
      const r = wilsonRate(g);
      return r.value !== null && r.ciLow! >= 0 && r.ciHigh! <= 1 && contains(r);
    }), { numRuns: 2000 });
  });

  it('every difference and ratio lies within its interval', () => {
    fc.assert(fc.property(nonEmptyCount, nonEmptyCount, (a, b) => contains(newcombeDifference(a, b)) && contains(katzRatio(a, b))), { numRuns: 2000 });
  });

  it('never yields NaN or Infinity, and an interval only with its value', () => {
    fc.assert(fc.property(inequalityInput, (input) => {
      const r = measureInequality(input);
      return summaryMeasureNames.every((k) => wellFormed(r.measures[k]))
        && r.groups.every((g) => wellFormed(g.rate) && wellFormed(g.difference) && wellFormed(g.ratio));
    }), { numRuns: 1000 });
  });

  it('D = y_J − y_1 on an ordered dimension, and D ≥ 0 on an unordered one', () => {
    fc.assert(fc.property(inequalityInput, (input) => {
      const d = measureInequality(input).measures.d.value;
      const h = hierarchyOf(input);
      if (input.ordered) {
        const top = h.at(-1)!;
        const bottom = h[0]!;
        const expected = h.length >= 2 && top.n > 0 && bottom.n > 0 ? top.events / top.n - bottom.events / bottom.n : null;
        return expected === null ? d === null : Math.abs(d! - expected) < 1e-12;
      }
      return d === null || d >= 0;
    }), { numRuns: 1000 });
  });

  it('ridits average ½ over people, and the measures do not depend on the input order of the groups', () => {
    fc.assert(fc.property(inequalityInput.filter((i) => i.ordered), (input) => {
      const pop = populationOf(hierarchyOf(input));
      if (pop === null) return true;
      const mean = ridits(pop).reduce((s, r, j) => s + pop.groups[j]!.p * r, 0);
      const shuffled = measureInequality({ ...input, groups: [...input.groups].reverse() }).measures;
      const original = measureInequality(input).measures;
      return Math.abs(mean - 0.5) < 1e-12 && summaryMeasureNames.every((k) => sameEstimate(shuffled[k], original[k]));
    }), { numRuns: 500 });
  });

  it('a paired mean change lies within its interval', () => {
    const pair = fc.record({ before: fc.option(fc.integer({ min: 0, max: 100 })), after: fc.option(fc.integer({ min: 0, max: 100 })) });
    fc.assert(fc.property(fc.array(pair, { maxLength: 40 }), (pairs) => {
      const e = pairedEffect(pairs, { higherIsBetter: true, minimalImportantChange: 10 });
      return wellFormed(e.meanChange) && contains(e.meanChange, 1e-9) && e.pairs + e.missing === pairs.length && e.improved <= e.pairs;
    }), { numRuns: 500 });
  });
});

const sameEstimate = (a: Estimate, b: Estimate) => [a.value, a.ciLow, a.ciHigh].every((x, i) => {
  const y = [b.value, b.ciLow, b.ciHigh][i]!;
  return x === null || y === null ? x === y : Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y));
});

/**
 * An independent reader: for one line of a suppressed table, tries every value a hidden cell could
 * have (as its mark says: "<5" is 1..4, a complementary cell 0 or ≥ 5) and returns how many values
 * of `target` fit with some choice of the others. Brute force, bounded by `cap`.
 */
function possibleValues(values: number[], marks: (HiddenBecause | null)[], parts: number[], total: number, target: number, threshold: number, cap: number): number {
  const cells = [...parts, total];
  const unknown = cells.filter((c) => marks[c] !== null && c !== target);
  const allowed = (c: number, v: number) => (marks[c] === 'small' ? v >= 1 && v < threshold : v === 0 || v >= threshold);
  const candidates = (c: number) => Array.from({ length: cap + 1 }, (_, v) => v).filter((v) => allowed(c, v));
  let count = 0;
  for (const x of candidates(target)) {
    const fits = (i: number, assigned: Map<number, number>): boolean => {
      if (i === unknown.length) {
        const value = (c: number) => (c === target ? x : assigned.get(c) ?? values[c]!);
        return parts.reduce((s, c) => s + value(c), 0) === value(total);
      }
      return candidates(unknown[i]!).some((v) => fits(i + 1, new Map(assigned).set(unknown[i]!, v)));
    };
    if (fits(0, new Map())) count++;
    if (count >= 2) return count;
  }
  return count;
}

describe('properties of small-cell suppression', () => {
  const cell = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 14 }));
  const table = fc.record({ rows: fc.integer({ min: 1, max: 3 }), columns: fc.integer({ min: 1, max: 3 }) })
    .chain(({ rows, columns }) => fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));

  it('hides every count from 1 to 4 and no total lets a reader work out a hidden cell', () => {
    fc.assert(fc.property(table, fc.boolean(), fc.boolean(), fc.boolean(), (cells, rowTotals, columnTotals, totalsFirst) => {
      const threshold = 5;
      const s = suppressCrossTable({ cells, rowTotals, columnTotals }, { threshold, totalsFirst });
      const rows = cells.length;
      const columns = cells[0]!.length;
      // Flatten as suppression.ts lays the table out, to read the lines back.
      const values = cells.flat();
      const marks: (HiddenBecause | null)[] = s.cells.flat();
      const rowTotal: number[] = [];
      const columnTotal: number[] = [];
      if (rowTotals) for (let r = 0; r < rows; r++) { rowTotal.push(values.length); values.push(cells[r]!.reduce((a, b) => a + b, 0)); marks.push(s.rowTotals![r]!); }
      if (columnTotals) for (let c = 0; c < columns; c++) { columnTotal.push(values.length); values.push(cells.reduce((a, row) => a + row[c]!, 0)); marks.push(s.columnTotals![c]!); }
      const grand = values.length;
      if (rowTotals && columnTotals) { values.push(cells.flat().reduce((a, b) => a + b, 0)); marks.push(s.grandTotal); }
      values.forEach((v, i) => assert.equal(marks[i] === 'small', v >= 1 && v < threshold, `cell ${i} = ${v} marked ${marks[i]}`));
      const lines: { parts: number[]; total: number }[] = [];
      const range = (k: number) => Array.from({ length: k }, (_, i) => i);
      if (rowTotals) range(rows).forEach((r) => lines.push({ parts: range(columns).map((c) => r * columns + c), total: rowTotal[r]! }));
      if (columnTotals) range(columns).forEach((c) => lines.push({ parts: range(rows).map((r) => r * columns + c), total: columnTotal[c]! }));
      if (rowTotals && columnTotals) lines.push({ parts: rowTotal, total: grand }, { parts: columnTotal, total: grand });
      const cap = values.reduce((a, b) => Math.max(a, b), 0) + 2 * threshold;
      for (const line of lines) {
        const lineCells = [...line.parts, line.total];
        if (lineCells.every((c) => marks[c] !== null)) continue; // nothing left to hide (e.g. 1 + 1 + 1 + 1 = "<5")
        for (const target of lineCells.filter((c) => marks[c] !== null)) {
          const n = possibleValues(values, marks, line.parts, line.total, target, threshold, cap);
          assert.ok(n >= 2, `cell ${target} (${values[target]}, ${marks[target]}) is given away by line ${JSON.stringify(line)} of ${JSON.stringify({ cells, rowTotals, columnTotals, marks })}`);
        }
      }
    }), { numRuns: 300 });
  });
});
