import { z } from 'zod';
import type { Queryable } from '../../db/database.ts';
import type { Actor } from '../../audit/audit-log.ts';
import { appendAudit } from '../../audit/audit-log.ts';
import { AppError, notFound, validationError } from '../../shared/errors.ts';
import { id, version } from '../../shared/schemas.ts';
import type { Language } from '../../shared/i18n.ts';
import { refreshPathwayFact } from '../../analytics/refresh-fact.ts';
import { getReferralRow } from '../../referrals/referral-service.ts';
import { loadAssessmentContext } from '../context-service.ts';
import { models, supportLevels } from './models.ts';
import { recommend, type Recommendation } from './evaluate.ts';
import { deriveSignals } from './signals.ts';

export const StratificationInputs = z.strictObject({
  axes: z.strictObject({ coping: z.enum(['low', 'high']).optional(), complexity: z.enum(['low', 'high']).optional() }).optional()
    .describe('Esbjerg: the professional\'s judgement of an axis, overriding what the data suggests'),
  factors: z.record(z.string().regex(/^[a-z0-9_]{1,64}$/), z.boolean()).optional()
    .describe('Factors present (true) or absent (false) in the professional\'s judgement, overriding the data; keys are signal names'),
});
export const StratificationDecide = z.strictObject({
  model: z.string().min(1).max(64),
  inputs: StratificationInputs.default({}),
  finalLevel: z.enum(supportLevels),
  overrideReason: z.string().trim().min(1).max(2000).optional().describe('Required when the final level differs from the recommendation'),
});
export const RecommendationOut = z.object({
  model: z.string(), modelVersion: z.string(), title: z.string(), level: z.enum(supportLevels),
  reasons: z.array(z.object({ kind: z.enum(['rule', 'factor', 'axis']), text: z.string(), signal: z.string().nullable(), source: z.enum(['data', 'professional']).nullable(), points: z.number().nullable() })),
  details: z.record(z.string(), z.union([z.string(), z.number()])),
});
export const DecisionOut = z.object({
  id, model: z.string(), modelVersion: z.string(), recommendedLevel: z.string(), finalLevel: z.string(), overrideReason: z.string().nullable(),
  reasons: RecommendationOut.shape.reasons, decidedAt: z.string(), decidedBy: id.nullable(), status: z.string(), version,
});
export const StratificationView = z.object({
  signals: z.record(z.string(), z.boolean()).describe('The yes/no facts the rules read, derived from answers, measurements, social position and health literacy'),
  recommendations: z.array(RecommendationOut),
  decision: DecisionOut.nullable().describe('The latest final decision'),
  history: z.array(DecisionOut),
});

export function recommendationOut(lang: Language, r: Recommendation): z.infer<typeof RecommendationOut> {
  const m = models().get(r.model);
  return {
    model: r.model, modelVersion: r.modelVersion, title: m ? m.title[lang] : r.model, level: r.level, details: r.details,
    reasons: r.reasons.map((x) => ({ kind: x.kind, text: x.text[lang], signal: x.signal ?? null, source: x.source ?? null, points: x.points ?? null })),
  };
}

interface DecisionRow { id: string; model: string; model_version: string; recommended_level: string; final_level: string; override_reason: string | null; reasons: Recommendation['reasons']; decided_at: Date; decided_by: string | null; status: string; version: number }
const decisionOut = (lang: Language, d: DecisionRow): z.infer<typeof DecisionOut> => ({
  id: d.id, model: d.model, modelVersion: d.model_version, recommendedLevel: d.recommended_level, finalLevel: d.final_level, overrideReason: d.override_reason,
  reasons: d.reasons.map((x) => ({ kind: x.kind, text: x.text[lang], signal: x.signal ?? null, source: x.source ?? null, points: x.points ?? null })),
  decidedAt: new Date(d.decided_at).toISOString(), decidedBy: d.decided_by, status: d.status, version: d.version,
});

/** The models' recommendations from the citizen's data as it is now, and the decisions made. Not audited: callers audit. */
export async function stratificationView(tx: Queryable, lang: Language, referralId: string): Promise<z.infer<typeof StratificationView>> {
  const ctx = await loadAssessmentContext(tx, referralId);
  const signals = deriveSignals(ctx);
  const history = (await tx.query<DecisionRow>('SELECT * FROM stratification WHERE referral_id = $1 ORDER BY decided_at DESC, created_at DESC', [referralId])).rows;
  return {
    signals,
    recommendations: [...models().values()].map((m) => recommendationOut(lang, recommend(m, signals))),
    decision: (() => { const d = history.find((h) => h.status === 'final'); return d ? decisionOut(lang, d) : null; })(),
    history: history.map((h) => decisionOut(lang, h)),
  };
}

/**
 * Records the professional's decision. The recommendation is computed here from the same data and
 * the professional's inputs, so the stored reasons are the ones the model gave; a final level
 * other than the recommended one needs an override reason.
 */
export async function decideStratification(tx: Queryable, actor: Actor, now: Date, lang: Language, referralId: string, input: z.infer<typeof StratificationDecide>): Promise<z.infer<typeof DecisionOut>> {
  const model = models().get(input.model);
  if (!model) throw validationError([{ path: 'model', rule: 'enum', params: { allowed: [...models().keys()].join(', ') } }]);
  const referral = await getReferralRow(tx, referralId, true);
  const rec = recommend(model, deriveSignals(await loadAssessmentContext(tx, referralId)), input.inputs);
  if (input.finalLevel !== rec.level && !input.overrideReason) throw validationError([{ path: 'overrideReason', rule: 'stratification.override_reason', params: { recommended: rec.level } }]);
  const row = (await tx.query<DecisionRow>(
    `INSERT INTO stratification (municipality_id, citizen_id, referral_id, model, model_version, inputs, recommended_level, reasons, final_level, override_reason, decided_at, decided_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
    [actor.municipalityId, referral.citizen_id, referral.id, model.id, model.version, JSON.stringify(input.inputs), rec.level, JSON.stringify(rec.reasons),
      input.finalLevel, input.overrideReason ?? null, now, actor.userId])).rows[0]!;
  await appendAudit(tx, actor, now, [{ action: 'create', resourceType: 'Stratification', resourceId: row.id, citizenId: referral.citizen_id, detail: { model: model.id, recommended: rec.level, final: input.finalLevel } }]);
  await refreshPathwayFact(tx, referral.id);
  return decisionOut(lang, row);
}

export async function markStratificationEnteredInError(tx: Queryable, actor: Actor, now: Date, stratificationId: string, expected: number): Promise<{ id: string; version: number }> {
  const row = (await tx.query<{ id: string; version: number; referral_id: string; citizen_id: string }>(
    `UPDATE stratification SET status = 'entered-in-error', version = version + 1 WHERE id = $1 AND version = $2 RETURNING id, version, referral_id, citizen_id`, [stratificationId, expected])).rows[0];
  if (!row) {
    const current = (await tx.query<{ version: number }>('SELECT version FROM stratification WHERE id = $1', [stratificationId])).rows[0];
    if (!current) throw notFound('Stratificering');
    throw new AppError('version_conflict', 'error.version_conflict', { resource: 'Stratificering', expected, actual: current.version });
  }
  await appendAudit(tx, actor, now, [{ action: 'correct', resourceType: 'Stratification', resourceId: row.id, citizenId: row.citizen_id, detail: { enteredInError: true } }]);
  await refreshPathwayFact(tx, row.referral_id);
  return { id: row.id, version: row.version };
}
