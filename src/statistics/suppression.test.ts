import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { suppressCells, suppressCrossTable, type Line } from './suppression.ts';

/** A column of counts with its total shown below it: cells 0..k−1, the total last. */
function column(parts: number[], threshold?: number, totalsFirst = false): (string | null)[] {
  const values = [...parts, parts.reduce((s, x) => s + x, 0)];
  const line: Line = { total: parts.length, parts: parts.map((_, i) => i) };
  return suppressCells(values, [line], { threshold, totalsFirst });
}

describe('small-cell suppression', () => {
  it('hides counts 1-4 but shows 0 and counts from 5', () => {
    assert.deepEqual(suppressCells([0, 1, 4, 5, 12], []), [null, 'small', 'small', null, null]);
  });

  it('hides the smallest non-zero other cell when the total would reveal a small one', () => {
    // 25 − 10 − 12 would give 3; with 10 hidden too a reader knows only x + y = 13, x in 1..4, y = 0 or ≥ 5.
    assert.deepEqual(column([3, 10, 12]), ['small', 'complementary', null, null]);
    assert.deepEqual(column([12, 0, 3, 7]), [null, null, 'small', 'complementary', null], 'the zero is no cover');
  });

  it('needs no second cell when two small cells cannot be told apart', () => {
    // 2 + 3 = 5 could be 1 + 4, 2 + 3, 3 + 2 or 4 + 1.
    assert.deepEqual(column([2, 3, 9]), ['small', 'small', null, null]);
  });

  it('hides more when "<5" cells and the total still pin a value', () => {
    // 4 + 4 = 8 and both are 1-4: both must be 4. Hiding the total leaves x + y unknown.
    assert.deepEqual(column([4, 4]), ['small', 'small', 'complementary']);
    // 1 + 5: with 5 hidden, x + y = 6 with x in 1..4 and y = 0 or ≥ 5 still forces x = 1, y = 5.
    assert.deepEqual(column([1, 5]), ['small', 'complementary', 'complementary']);
    // 1 + 6 + 9: with 6 hidden, x + y = 7 allows (1, 6) and (2, 5).
    assert.deepEqual(column([1, 6, 9]), ['small', 'complementary', null, null]);
  });

  it('can hide the total rather than another group', () => {
    // 3 + 10 + 12 = 25: with the total hidden too, a reader knows only that it is 23 to 26.
    assert.deepEqual(column([3, 10, 12], 5, true), ['small', null, null, 'complementary']);
  });

  it('takes the threshold as a parameter', () => {
    assert.deepEqual(column([3, 2, 8], 3), ['complementary', 'small', null, null]);
    assert.deepEqual(column([3, 2, 8], 10), ['small', 'small', 'small', null], 'three cells of 1-9 summing to 13 can be many things');
  });

  it('protects rows and columns of a two-way table together', () => {
    //            a   b   c | total
    //   group 1  2  10  11 |  23
    //   group 2  9   6   8 |  23
    //   total   11  16  19 |  46
    const t = suppressCrossTable({ cells: [[2, 10, 11], [9, 6, 8]], rowTotals: true, columnTotals: true });
    // 2 is small; row 1 needs a second cell (10) and column a one (9); column b would then give 10
    // away (16 − 6) and row 2 would give 9 away (23 − 6 − 8), so 6 goes too, closing both.
    assert.deepEqual(t.cells, [['small', 'complementary', null], ['complementary', 'complementary', null]]);
    assert.deepEqual([t.rowTotals, t.columnTotals, t.grandTotal], [[null, null], [null, null, null], null]);
  });

  it('leaves a table without small counts untouched', () => {
    const t = suppressCrossTable({ cells: [[0, 10], [7, 5]], rowTotals: true, columnTotals: true });
    assert.deepEqual(t.cells, [[null, null], [null, null]]);
  });
});
