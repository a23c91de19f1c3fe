import baseline from './instruments/baseline.json' with { type: 'json' };
import end from './instruments/end.json' with { type: 'json' };
import followUp from './instruments/follow-up.json' with { type: 'json' };
import type { Questionnaire } from './fhir/questionnaire-types.ts';

export const timePoints = ['baseline', 'end', 'follow_up'] as const;
export type TimePoint = (typeof timePoints)[number];
export const responseModes = ['self', 'assisted', 'staff'] as const;
export type ResponseMode = (typeof responseModes)[number];

/** The questionnaires Ligevej ships (our own wording), the same for every municipality. */
export const builtinQuestionnaires: readonly Questionnaire[] = [baseline, end, followUp] as unknown as Questionnaire[];

/** The built-in questionnaire used at each time point unless staff choose another. */
export const defaultQuestionnaire: Record<TimePoint, { url: string; version: string }> = {
  baseline: { url: baseline.url, version: baseline.version },
  end: { url: end.url, version: end.version },
  follow_up: { url: followUp.url, version: followUp.version },
};

export const findBuiltin = (url: string, version?: string): Questionnaire | undefined =>
  builtinQuestionnaires.filter((q) => q.url === url && (version === undefined || q.version === version))
    .sort((a, b) => b.version.localeCompare(a.version, 'en', { numeric: true }))[0];

export const isBuiltinUrl = (url: string): boolean => builtinQuestionnaires.some((q) => q.url === url);
