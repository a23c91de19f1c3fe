/**
 * Sets of integers written as unions of closed intervals (bounds may be ±Infinity), for reasoning
 * about what a reader can deduce from a table's totals. Small and exact; used by suppression.ts.
 */
export type Interval = readonly [number, number];
export type IntervalSet = readonly Interval[];

export function normalize(set: IntervalSet): IntervalSet {
  const sorted = set.filter(([lo, hi]) => lo <= hi).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** {a + b : a ∈ x, b ∈ y} */
export const add = (x: IntervalSet, y: IntervalSet): IntervalSet =>
  normalize(x.flatMap(([a, b]) => y.map(([c, d]): Interval => [a + c, b + d])));

/** {−a : a ∈ x} */
export const negate = (x: IntervalSet): IntervalSet => normalize(x.map(([a, b]): Interval => [-b, -a]));

export const point = (v: number): IntervalSet => [[v, v]];

/** How many integers lie in both sets (Infinity if unboundedly many). */
export function countCommonIntegers(x: IntervalSet, y: IntervalSet): number {
  let count = 0;
  for (const [a, b] of x) {
    for (const [c, d] of y) {
      const lo = Math.ceil(Math.max(a, c));
      const hi = Math.floor(Math.min(b, d));
      if (hi >= lo) count += hi - lo + 1;
    }
  }
  return count;
}
