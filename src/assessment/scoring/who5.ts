import { code, type Flag, type GroupAnswers, type InstrumentResult } from './types.ts';

export const WHO5_REDUCED = 50;
export const WHO5_DEPRESSION_SCREENING = 28;

/**
 * WHO-5 well-being index: five items scored 0-5, raw sum × 4 = 0-100. No score when any item is
 * missing (the index is not defined on part of the items). ≤ 50 suggests reduced well-being;
 * ≤ 28 suggests screening for depression and contact with the GP.
 */
export function who5Score(items: readonly (number | null | undefined)[]): number | null {
  if (items.length !== 5 || items.some((v) => typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 5)) return null;
  return (items as number[]).reduce((a, b) => a + b, 0) * 4;
}

export function who5Flags(score: number | null): Flag[] {
  if (score === null) return [];
  const flags: Flag[] = [];
  if (score <= WHO5_REDUCED) flags.push({ code: 'who5.reduced', severity: 'attention', params: { score } });
  if (score <= WHO5_DEPRESSION_SCREENING) flags.push({ code: 'who5.depression_screening', severity: 'concern', params: { score } });
  return flags;
}

export function scoreWho5(a: GroupAnswers): InstrumentResult {
  const items = ['1', '2', '3', '4', '5'].map((k) => { const c = code(a, k); return c === null ? null : Number(c); });
  const score = who5Score(items);
  const answered = items.filter((v) => v !== null).length;
  return {
    instrument: 'who5', domain: 'mental_health', score,
    values: { who5: score, answered },
    flags: score === null && answered > 0 ? [{ code: 'who5.incomplete', severity: 'info', params: { answered } }, ...who5Flags(score)] : who5Flags(score),
  };
}
