import { finiteOrNull, Z95, type GroupCount } from './estimate.ts';

/**
 * Control limits for quality indicators, so small units and months are not judged on noise.
 * p-chart (run chart of a proportion): centre p̄ = Σe/Σn, limits p̄ ± 3·sqrt(p̄(1−p̄)/n_i).
 * Funnel plot: around a target (or the pooled rate) p₀, limits p₀ ± z·sqrt(p₀(1−p₀)/n) for
 * z = 1.96 (95 %) and 3.09 (99.8 %). Limits are clipped to [0, 1]; null when n = 0.
 */
export const SIGMA3 = 3;
export const Z998 = 3.090232306167813;

export interface Limits { lower: number; upper: number }

export function binomialLimits(centre: number, n: number, z: number): Limits | null {
  if (!(n > 0) || !(centre >= 0 && centre <= 1)) return null;
  const half = z * Math.sqrt((centre * (1 - centre)) / n);
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

export type Signal = 'above' | 'below' | 'within';
const signalOf = (rate: number | null, limits: Limits | null): Signal | null =>
  rate === null || limits === null ? null : rate > limits.upper ? 'above' : rate < limits.lower ? 'below' : 'within';

export interface ChartPoint<K extends string> extends GroupCount { key: K }

export interface PChartPoint<K extends string> extends ChartPoint<K> { rate: number | null; limits: Limits | null; signal: Signal | null }
export interface PChart<K extends string> { centre: number | null; points: PChartPoint<K>[] }

export function pChart<K extends string>(points: readonly ChartPoint<K>[]): PChart<K> {
  const n = points.reduce((s, p) => s + p.n, 0);
  const centre = n > 0 ? finiteOrNull(points.reduce((s, p) => s + p.events, 0) / n) : null;
  return {
    centre,
    points: points.map((p) => {
      const rate = p.n > 0 ? p.events / p.n : null;
      const limits = centre === null ? null : binomialLimits(centre, p.n, SIGMA3);
      return { ...p, rate, limits, signal: signalOf(rate, limits) };
    }),
  };
}

export interface FunnelPoint<K extends string> extends ChartPoint<K> {
  rate: number | null; limits95: Limits | null; limits998: Limits | null;
  /** Outside the 99.8 % limits is a signal; outside 95 % only an alert. */
  signal: Signal | null; alert: Signal | null;
}
export interface Funnel<K extends string> { centre: number | null; points: FunnelPoint<K>[]; curve: { n: number; limits95: Limits; limits998: Limits }[] }

/** Funnel plot of units (teams, locations …) around `target`, or around the pooled rate when no target is given. */
export function funnelPlot<K extends string>(points: readonly ChartPoint<K>[], target: number | null = null, curvePoints = 40): Funnel<K> {
  const n = points.reduce((s, p) => s + p.n, 0);
  const centre = target ?? (n > 0 ? finiteOrNull(points.reduce((s, p) => s + p.events, 0) / n) : null);
  const largest = points.reduce((max, p) => Math.max(max, p.n), 0);
  const curve = centre === null || largest === 0 ? [] : funnelCurve(centre, largest, curvePoints);
  return {
    centre, curve,
    points: points.map((p) => {
      const rate = p.n > 0 ? p.events / p.n : null;
      const limits95 = centre === null ? null : binomialLimits(centre, p.n, Z95);
      const limits998 = centre === null ? null : binomialLimits(centre, p.n, Z998);
      return { ...p, rate, limits95, limits998, signal: signalOf(rate, limits998), alert: signalOf(rate, limits95) };
    }),
  };
}

/** The funnel's limit lines from n = 1 to the largest unit, for drawing (evenly spaced on a log scale). */
export function funnelCurve(centre: number, largest: number, count: number): { n: number; limits95: Limits; limits998: Limits }[] {
  const ns = new Set<number>();
  for (let i = 0; i < count; i++) ns.add(Math.max(1, Math.round(largest ** (i / Math.max(1, count - 1)))));
  return [...ns].sort((a, b) => a - b).map((n) => ({ n, limits95: binomialLimits(centre, n, Z95)!, limits998: binomialLimits(centre, n, Z998)! }));
}
