import { z } from 'zod';
import type { Queryable } from '../../db/database.ts';
import type { Actor } from '../../audit/audit-log.ts';
import { appendAudit } from '../../audit/audit-log.ts';
import type { Language } from '../../shared/i18n.ts';
import { id } from '../../shared/schemas.ts';
import { valueLabel, type SocialPositionItem } from '../../domain/social-position.ts';
import { ageOn } from '../../domain/age.ts';
import { allowedEvents } from '../../domain/pathway-state.ts';
import { loadAssessmentContext } from '../context-service.ts';
import { FlagOut, flagOut, ValueOut } from '../scoring/results-out.ts';
import { categoryOf } from '../measurements/measurement-service.ts';
import { literacyFlags } from '../literacy/chat.ts';
import { LiteracyOut, literacyOut } from '../literacy/literacy-service.ts';
import { StratificationView, stratificationView } from '../stratification/stratification-service.ts';
import { LinkOut, linkOut, type LinkRow } from '../links/link-service.ts';
import { buildWheel, domainLabels } from './wheel.ts';

const Previous = z.object({ score: z.number().nullable(), values: z.record(z.string(), ValueOut), completedAt: z.string(), timePoint: z.string() }).nullable();
const Measurement = z.object({
  measure: z.string(), value: z.number(), unit: z.string(), loinc: z.string().nullable(), category: z.string().nullable(), timePoint: z.string(), effectiveAt: z.string(),
  flags: z.array(FlagOut), previous: z.object({ value: z.number(), effectiveAt: z.string(), timePoint: z.string() }).nullable(),
});
export const ConversationOut = z.object({
  referral: z.object({ id, stage: z.string(), version: z.number(), allowedNextSteps: z.array(z.string()) }),
  citizen: z.object({ id, name: z.string(), age: z.number(), sex: z.string(), preferredLanguage: z.string() }),
  wheel: z.array(z.object({
    domain: z.string(), label: z.string(), status: z.enum(['unknown', 'ok', 'info', 'attention', 'concern']).describe('For the chart: unknown (no data), ok, or the most serious flag'),
    flags: z.array(FlagOut),
    instruments: z.array(z.object({ instrument: z.string(), score: z.number().nullable(), values: z.record(z.string(), ValueOut), flags: z.array(FlagOut), previous: Previous })),
    measurements: z.array(Measurement),
  })),
  flags: z.array(FlagOut.extend({ domain: z.string() })).describe('Every flag, most serious first'),
  goals: z.object({ important: z.string().nullable(), goals: z.array(z.string()), readiness: z.string().nullable(), barriers: z.string().nullable() }),
  socialPosition: z.array(z.object({ item: z.string(), value: z.string(), label: z.string() })),
  healthLiteracy: LiteracyOut.nullable(),
  stratification: StratificationView,
  responses: z.array(z.object({ id, timePoint: z.string(), mode: z.string(), language: z.string(), completedAt: z.string(), referralId: id })),
  links: z.array(LinkOut),
  conditions: z.array(z.object({ id, code: z.string(), recordedOn: z.string(), clinicalStatus: z.string() })),
});
export type ConversationOut = z.infer<typeof ConversationOut>;

const iso = (d: Date | string): string => new Date(d).toISOString();
const rank = { concern: 0, attention: 1, info: 2 } as const;

/** Everything the conversation view needs in one read (audit-logged as one read of the citizen's record). */
export async function readConversation(tx: Queryable, actor: Actor, now: Date, lang: Language, referralId: string): Promise<ConversationOut> {
  const ctx = await loadAssessmentContext(tx, referralId);
  const [links, conditions, strat] = await Promise.all([
    tx.query<LinkRow>('SELECT * FROM questionnaire_link WHERE referral_id = $1 ORDER BY created_at', [referralId]).then((r) => r.rows),
    tx.query<{ id: string; code: string; recorded_on: string; clinical_status: string }>(
      `SELECT id, code, recorded_on::text, clinical_status FROM condition WHERE referral_id = $1 AND verification_status <> 'entered-in-error' ORDER BY recorded_on`, [referralId]).then((r) => r.rows),
    stratificationView(tx, lang, referralId),
  ]);
  const literacy = ctx.literacyRow;
  const wheel = buildWheel(
    ctx.responses.map((r) => ({ results: r.results, completedAt: iso(r.row.completed_at!), timePoint: r.row.time_point })),
    ctx.observations.map((o) => ({ measure: o.measure, value: Number(o.value), unit: o.unit, loinc: o.loinc, timePoint: o.time_point, effectiveAt: iso(o.effective_at) })),
    { resources: literacy ? literacyFlags({ areas: literacy.areas, overallRating: literacy.overall_rating, digitalLiteracy: literacy.digital_literacy }) : [] },
    ctx.citizen.sex,
  );
  const whatMatters = ctx.responses.flatMap((r) => r.results).find((r) => r.instrument === 'what_matters');
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  await appendAudit(tx, actor, now, [{ action: 'read', resourceType: 'Conversation', resourceId: referralId, citizenId: ctx.citizen.id }]);
  return {
    referral: { id: ctx.referral.id, stage: ctx.referral.stage, version: ctx.referral.version, allowedNextSteps: allowedEvents(ctx.referral.stage) },
    citizen: { id: ctx.citizen.id, name: `${ctx.citizen.givenName} ${ctx.citizen.familyName}`, age: ageOn(ctx.citizen.birthDate, iso(now).slice(0, 10)), sex: ctx.citizen.sex, preferredLanguage: ctx.citizen.preferredLanguage },
    wheel: wheel.map((d) => ({
      domain: d.domain, label: domainLabels[d.domain][lang], status: d.status, flags: d.flags.map((f) => flagOut(lang, f)),
      instruments: d.instruments.map((i) => ({ ...i, flags: i.flags.map((f) => flagOut(lang, f)) })),
      measurements: d.measurements.map((m) => ({ ...m, category: categoryOf(m.measure, m.value), flags: m.flags.map((f) => flagOut(lang, f)) })),
    })),
    flags: wheel.flatMap((d) => d.flags.map((f) => ({ ...flagOut(lang, f), domain: d.domain }))).sort((a, b) => rank[a.severity] - rank[b.severity]),
    goals: {
      important: str(whatMatters?.values.important), goals: Array.isArray(whatMatters?.values.goals) ? whatMatters.values.goals : [],
      readiness: str(whatMatters?.values.readiness), barriers: str(whatMatters?.values.barriers),
    },
    socialPosition: Object.entries(ctx.socialPosition).map(([item, value]) => ({ item, value, label: valueLabel(item as SocialPositionItem, value, lang) ?? value })),
    healthLiteracy: literacy ? literacyOut(lang, literacy) : null,
    stratification: strat,
    responses: ctx.responses.map((r) => ({ id: r.row.id, timePoint: r.row.time_point, mode: r.row.mode, language: r.row.language, completedAt: iso(r.row.completed_at!), referralId: r.row.referral_id })),
    links: links.map((l) => linkOut(l, now)),
    conditions: conditions.map((c) => ({ id: c.id, code: c.code, recordedOn: c.recorded_on, clinicalStatus: c.clinical_status })),
  };
}
