import type { AnswerValue } from '../fhir/questionnaire-types.ts';

export const domains = ['body', 'everyday_life', 'mental_health', 'health_behaviour', 'network', 'resources'] as const;
export type Domain = (typeof domains)[number];

/** info: worth knowing; attention: talk about it; concern: act on it (e.g. suggest GP contact). */
export type Severity = 'info' | 'attention' | 'concern';
export const severityRank: Record<Severity, number> = { info: 1, attention: 2, concern: 3 };

export interface Flag { code: string; severity: Severity; params?: Record<string, string | number> }
export type Value = number | string | boolean | string[] | null;

export interface InstrumentResult {
  instrument: string;
  domain: Domain;
  /** The instrument's summary score where it has one (WHO-5 0-100, self-rated health 1-5, ...); null when it cannot be computed. */
  score: number | null;
  values: Record<string, Value>;
  flags: Flag[];
}

/** The answers of one instrument group, keyed by the linkId without the group prefix ("who5.3" → "3"). */
export type GroupAnswers = ReadonlyMap<string, readonly AnswerValue[]>;

export const code = (a: GroupAnswers, key: string): string | null => a.get(key)?.[0]?.valueCoding?.code ?? null;
export const codes = (a: GroupAnswers, key: string): string[] => (a.get(key) ?? []).map((v) => v.valueCoding?.code).filter((c): c is string => c !== undefined);
export const num = (a: GroupAnswers, key: string): number | null => {
  const v = a.get(key)?.[0];
  const n = v?.valueInteger ?? v?.valueDecimal;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};
export const texts = (a: GroupAnswers, key: string): string[] => (a.get(key) ?? []).map((v) => v.valueString).filter((s): s is string => typeof s === 'string' && s.trim() !== '');
