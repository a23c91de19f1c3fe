import type { Attendance } from './team-schemas.ts';

/** STOPbasen's definition, the default for every offer: at least 75 % of the sessions attended. */
export const DEFAULT_COMPLETION_THRESHOLD = 0.75;

export type CompletionState = 'completed' | 'on_track' | 'at_risk' | 'cannot_complete';

/**
 * Whether a participant has completed, or still can: `planned` counts the team's sessions that are not
 * cancelled, `remaining` those not yet held. A participant who cannot reach the threshold even by coming
 * to every remaining session cannot complete; one who needs every remaining session is at risk.
 */
export function completionOf(attended: number, planned: number, remaining: number, threshold = DEFAULT_COMPLETION_THRESHOLD): { state: CompletionState; needed: number } {
  const needed = Math.ceil(planned * threshold - 1e-9);
  if (planned > 0 && attended >= needed) return { state: 'completed', needed };
  if (planned === 0 || attended + remaining < needed) return { state: 'cannot_complete', needed };
  return { state: attended + remaining === needed ? 'at_risk' : 'on_track', needed };
}

/**
 * Sessions missed in a row at the end of a participant's record (in session order): a no-show counts,
 * a notified absence (afbud) neither counts nor breaks the run, and attending ends it.
 */
export function missedInARow(record: readonly Attendance[]): number {
  let run = 0;
  for (let i = record.length - 1; i >= 0; i--) {
    const a = record[i];
    if (a === 'absent') run++;
    else if (a === 'present') break;
  }
  return run;
}

/** Two no-shows in a row put the citizen on the call list. */
export const MISSES_BEFORE_CALL = 2;
