import { z } from 'zod';
import type { Queryable } from '../../db/database.ts';
import type { Actor } from '../../audit/audit-log.ts';
import { appendAudit } from '../../audit/audit-log.ts';
import { validationError } from '../../shared/errors.ts';
import { id, isoDateTime, version } from '../../shared/schemas.ts';
import type { Language } from '../../shared/i18n.ts';
import { getReferralRow, referencesExist } from '../../referrals/referral-service.ts';
import { FlagOut, flagOut } from '../scoring/results-out.ts';
import type { LiteracyRow } from '../context-service.ts';
import { digitalLiteracyValues, literacyFlags, literacyProblems } from './chat.ts';

const note = z.string().trim().max(2000).optional();
export const LiteracyCreate = z.strictObject({
  encounterId: id.optional(),
  assessedAt: isoDateTime.optional().describe('Default: now'),
  areas: z.array(z.strictObject({
    area: z.string(), rating: z.number().int().min(1).max(4).describe('1 major difficulties … 4 no difficulties'),
    observations: note, strengths: note, challenges: note, support: note.describe('Support agreed'),
  })).min(1).max(5),
  overallRating: z.number().int().min(1).max(4),
  digitalLiteracy: z.enum(digitalLiteracyValues),
  note: z.string().trim().max(4000).optional(),
});
export const LiteracyOut = z.object({
  id, areas: z.array(z.object({ area: z.string(), rating: z.number(), observations: z.string().optional(), strengths: z.string().optional(), challenges: z.string().optional(), support: z.string().optional() })),
  overallRating: z.number(), digitalLiteracy: z.string(), note: z.string().nullable(), assessedAt: z.string(), assessedBy: id.nullable(), version,
  flags: z.array(FlagOut),
});

export const literacyOut = (lang: Language, r: LiteracyRow): z.infer<typeof LiteracyOut> => ({
  id: r.id, areas: r.areas, overallRating: r.overall_rating, digitalLiteracy: r.digital_literacy, note: r.note,
  assessedAt: new Date(r.assessed_at).toISOString(), assessedBy: r.assessed_by, version: r.version,
  flags: literacyFlags({ areas: r.areas, overallRating: r.overall_rating, digitalLiteracy: r.digital_literacy }).map((f) => flagOut(lang, f)),
});

export async function recordLiteracy(tx: Queryable, actor: Actor, now: Date, lang: Language, referralId: string, input: z.infer<typeof LiteracyCreate>): Promise<z.infer<typeof LiteracyOut>> {
  const problems = [...literacyProblems(input), ...await referencesExist(tx, [{ path: 'encounterId', table: 'encounter', id: input.encounterId }])];
  if (problems.length) throw validationError(problems);
  const referral = await getReferralRow(tx, referralId);
  const row = (await tx.query<LiteracyRow>(
    `INSERT INTO health_literacy_assessment (municipality_id, citizen_id, referral_id, encounter_id, areas, overall_rating, digital_literacy, note, assessed_at, assessed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id, areas, overall_rating, digital_literacy, note, assessed_at, assessed_by, version`,
    [actor.municipalityId, referral.citizen_id, referral.id, input.encounterId ?? null, JSON.stringify(input.areas), input.overallRating, input.digitalLiteracy,
      input.note ?? null, input.assessedAt ?? now.toISOString(), actor.userId])).rows[0]!;
  await appendAudit(tx, actor, now, [{ action: 'create', resourceType: 'HealthLiteracyAssessment', resourceId: row.id, citizenId: referral.citizen_id }]);
  return literacyOut(lang, row);
}
