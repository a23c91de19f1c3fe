import guide from './chat-guide.json' with { type: 'json' };
import type { Flag } from '../scoring/types.ts';
import type { FieldProblem } from '../../shared/errors.ts';

export const chatGuide = guide;
export const chatAreas = guide.areas.map((a) => a.key) as readonly string[];
export const digitalLiteracyValues = ['independent', 'needs_help', 'not_digital', 'unknown'] as const;

export interface AreaAssessment { area: string; rating: number; observations?: string | undefined; strengths?: string | undefined; challenges?: string | undefined; support?: string | undefined }
export interface LiteracyAssessment { areas: AreaAssessment[]; overallRating: number; digitalLiteracy: string }

/** Every CHAT area exactly once, ratings 1-4. Pure; returns field problems. */
export function literacyProblems(a: LiteracyAssessment): FieldProblem[] {
  const seen = a.areas.map((x) => x.area);
  const missing = chatAreas.filter((k) => !seen.includes(k));
  const problems: FieldProblem[] = a.areas.flatMap((x, i) => (chatAreas.includes(x.area) ? [] : [{ path: `areas.${i}.area`, rule: 'enum', params: { allowed: chatAreas.join(', ') } }]));
  const dup = seen.findIndex((s, i) => seen.indexOf(s) !== i);
  if (dup >= 0) problems.push({ path: `areas.${dup}.area`, rule: 'duplicate' });
  if (missing.length) problems.push({ path: 'areas', rule: 'literacy.areas_missing', params: { areas: missing.join(', ') } });
  return problems;
}

/** Flags for the conversation view: low overall rating, low areas, and need for digital help. */
export function literacyFlags(a: LiteracyAssessment): Flag[] {
  const flags: Flag[] = [];
  if (a.overallRating <= 2) flags.push({ code: 'literacy.low', severity: a.overallRating === 1 ? 'concern' : 'attention', params: { rating: a.overallRating } });
  const low = a.areas.filter((x) => x.rating <= 2).map((x) => guide.areas.find((g) => g.key === x.area)?.title.da ?? x.area);
  if (low.length && a.overallRating > 2) flags.push({ code: 'literacy.low_areas', severity: 'attention', params: { areas: low.join(', ') } });
  if (a.digitalLiteracy === 'needs_help' || a.digitalLiteracy === 'not_digital') flags.push({ code: 'literacy.digital_support', severity: 'attention' });
  return flags;
}
