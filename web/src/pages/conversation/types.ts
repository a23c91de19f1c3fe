/** Shapes of GET /api/referrals/{id}/conversation and friends (the server's zod schemas are the contract). */
export interface Flag { code: string; severity: 'info' | 'attention' | 'concern'; message: string }
export type Value = number | string | boolean | string[] | null;
export interface Measurement {
  measure: string; value: number; unit: string; loinc: string | null; category: string | null; timePoint: string; effectiveAt: string;
  flags: Flag[]; previous: { value: number; effectiveAt: string; timePoint: string } | null;
}
export interface Domain {
  domain: string; label: string; status: 'unknown' | 'ok' | 'info' | 'attention' | 'concern'; flags: Flag[];
  instruments: { instrument: string; score: number | null; values: Record<string, Value>; flags: Flag[]; previous: { score: number | null; completedAt: string; timePoint: string } | null }[];
  measurements: Measurement[];
}
export interface Reason { kind: string; text: string; signal: string | null; source: string | null; points: number | null }
export interface Recommendation { model: string; modelVersion: string; title: string; level: string; reasons: Reason[] }
export interface Decision { id: string; model: string; recommendedLevel: string; finalLevel: string; overrideReason: string | null; decidedAt: string; status: string }
export interface Link { id: string; timePoint: string; channel: string; language: string; expiresAt: string; state: string; createdAt: string; version: number }
export interface Literacy { overallRating: number; digitalLiteracy: string; assessedAt: string; flags: Flag[]; areas: { area: string; rating: number; observations?: string }[] }
export interface Conversation {
  referral: { id: string; stage: string; version: number; allowedNextSteps: string[] };
  citizen: { id: string; name: string; age: number; sex: string; preferredLanguage: string };
  wheel: Domain[];
  flags: (Flag & { domain: string })[];
  goals: { important: string | null; goals: string[]; readiness: string | null; barriers: string | null };
  socialPosition: { item: string; value: string; label: string }[];
  healthLiteracy: Literacy | null;
  stratification: { recommendations: Recommendation[]; decision: Decision | null };
  responses: { id: string; timePoint: string; mode: string; language: string; completedAt: string }[];
  links: Link[];
  conditions: { id: string; code: string; recordedOn: string; clinicalStatus: string }[];
}
export interface Guide {
  title: Record<'da' | 'en', string>;
  ratings: { value: number; da: string; en: string }[];
  areas: { key: string; title: Record<'da' | 'en', string>; prompts: Record<'da' | 'en', string[]> }[];
  digitalLiteracy: { value: string; da: string; en: string }[];
}
