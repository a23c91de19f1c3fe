import { estimate, noEstimate, type Estimate } from './estimate.ts';
import { studentTQuantile } from './student-t.ts';
import { UNCERTAIN_BELOW } from './inequality.ts';
import { wilsonRate } from './wilson.ts';

/** What counts as an important improvement of a measure (e.g. WHO-5: at least +10 points). */
export interface ImprovementRule {
  higherIsBetter: boolean;
  /** The minimal important change, in the measure's unit, or as a fraction of the first value when `relative`. */
  minimalImportantChange: number;
  relative?: boolean | undefined;
}

export interface PairedObservation { before: number | null; after: number | null }

export interface PairedEffect {
  /** Complete pairs m. */
  pairs: number;
  /** Observations without both values; always shown next to the result. */
  missing: number;
  /** Mean of after − before, with mean ± t_{0.975, m−1}·sd/√m (interval null if m < 2). */
  meanChange: Estimate;
  sd: number | null;
  /** How many improved by at least the minimal important change, and that share with its Wilson interval. */
  improved: number;
  improvedShare: Estimate;
  uncertain: boolean;
}

export function isImportantImprovement(before: number, after: number, rule: ImprovementRule): boolean {
  const change = rule.higherIsBetter ? after - before : before - after;
  const needed = rule.relative ? rule.minimalImportantChange * Math.abs(before) : rule.minimalImportantChange;
  return change >= needed - 1e-9 * Math.max(1, Math.abs(needed));
}

/** The paired-effect statistics of equity-measures.md; only complete pairs count. */
export function pairedEffect(observations: readonly PairedObservation[], rule: ImprovementRule): PairedEffect {
  const complete = observations.filter((o): o is { before: number; after: number } =>
    typeof o.before === 'number' && typeof o.after === 'number' && Number.isFinite(o.before) && Number.isFinite(o.after));
  const changes = complete.map((o) => o.after - o.before);
  const m = changes.length;
  const mean = m > 0 ? changes.reduce((s, d) => s + d, 0) / m : null;
  const sd = mean !== null && m >= 2 ? Math.sqrt(changes.reduce((s, d) => s + (d - mean) ** 2, 0) / (m - 1)) : null;
  const improved = complete.filter((o) => isImportantImprovement(o.before, o.after, rule)).length;
  return pairedEffectFromSummary({ pairs: m, missing: observations.length - m, mean, sd, improved });
}

/** The same statistics from a summary (count, mean and sample SD of the changes, improvers). */
export function pairedEffectFromSummary(s: { pairs: number; missing: number; mean: number | null; sd: number | null; improved: number }): PairedEffect {
  const m = s.pairs;
  const t = m >= 2 ? studentTQuantile(0.975, m - 1) : null;
  const half = t !== null && s.sd !== null ? (t * s.sd) / Math.sqrt(m) : null;
  const meanChange = s.mean === null || m === 0 ? noEstimate
    : half === null ? estimate(s.mean) : estimate(s.mean, s.mean - half, s.mean + half);
  return {
    pairs: m, missing: s.missing, meanChange, sd: m >= 2 ? estimate(s.sd).value : null,
    improved: s.improved, improvedShare: wilsonRate({ n: m, events: s.improved }), uncertain: m < UNCERTAIN_BELOW,
  };
}
