import { estimate, noEstimate, proportion, Z95, type Estimate, type GroupCount } from './estimate.ts';

/**
 * A group's rate y = e/n with the Wilson score interval:
 * centre = (y + z²/(2n)) / (1 + z²/n), half = z·sqrt(y(1−y)/n + z²/(4n²)) / (1 + z²/n).
 * Null when n = 0. Limits are clamped to [0, 1] only against rounding (e.g. −1e-17 at y = 0).
 */
export function wilsonRate(g: GroupCount, z = Z95): Estimate {
  const y = proportion(g);
  if (y === null) return noEstimate;
  const n = g.n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (y + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt(y * (1 - y) / n + z2 / (4 * n * n))) / denominator;
  return estimate(y, clamp01(centre - half), clamp01(centre + half));
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
