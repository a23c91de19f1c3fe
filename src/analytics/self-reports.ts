import type { InstrumentResult } from '../assessment/scoring/types.ts';

/**
 * The effect measures a citizen reports in a questionnaire, as the fact row keeps them: self-rated
 * health (1 excellent … 5 poor), physical activity (minutes a week) and smoking (1 daily or
 * occasional smoker, 0 not). Pure: the shell scores each completed response with its questionnaire.
 */
export interface SelfReportValues { srh: number | null; activity: number | null; smoker: number | null }
export interface SelfReport extends SelfReportValues { timePoint: string; completedAt: Date }

const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The values of one scored response; an instrument left unanswered gives null. */
export function selfReportValues(results: readonly InstrumentResult[]): SelfReportValues {
  const of = (instrument: string) => results.find((r) => r.instrument === instrument);
  const smoker = of('smoking')?.values.smoker;
  return {
    srh: finite(of('srh')?.score),
    activity: finite(of('activity')?.values.minutesPerWeek),
    smoker: typeof smoker === 'boolean' ? Number(smoker) : null,
  };
}

/** The newest answer to `item` at a time point (a later response that skipped the item does not erase it). */
export function selfReportAt(reports: readonly SelfReport[] | undefined, item: keyof SelfReportValues, timePoint: string): number | null {
  const found = (reports ?? []).filter((r) => r.timePoint === timePoint && r[item] !== null).sort((a, b) => b.completedAt.getTime() - a.completedAt.getTime());
  return found[0]?.[item] ?? null;
}
