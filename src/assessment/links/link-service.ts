import { z } from 'zod';
import type { Queryable } from '../../db/database.ts';
import type { Actor } from '../../audit/audit-log.ts';
import { appendAudit } from '../../audit/audit-log.ts';
import { AppError, notFound, validationError } from '../../shared/errors.ts';
import { id, version } from '../../shared/schemas.ts';
import { getReferralRow } from '../../referrals/referral-service.ts';
import { enqueueMessage } from '../../notifier/outbox.ts';
import { defaultQuestionnaire, type TimePoint } from '../builtin.ts';
import { resolveQuestionnaire } from '../questionnaire-service.ts';
import { citizenLanguages } from '../translations/catalogues.ts';
import { hashToken, linkState, newToken } from './link-rules.ts';
import { linkMessage } from './link-message.ts';

export const LinkCreate = z.strictObject({
  timePoint: z.enum(['baseline', 'end', 'follow_up']),
  questionnaire: z.strictObject({ url: z.url(), version: z.string().optional() }).optional().describe('Default: the built-in questionnaire of the time point'),
  channel: z.enum(['sms', 'email', 'none']).describe('none: no message is sent; the link is returned for staff to hand over (e.g. on paper)'),
  recipient: z.string().min(3).max(200).optional().describe('Phone number or e-mail address; default for SMS: the citizen\'s phone'),
  requireBirthDate: z.boolean().default(false).describe('Ask for the birth date as a second check before showing the questionnaire'),
  expiresInDays: z.number().int().min(1).max(90).optional().describe('Default: the municipality\'s setting (14 days)'),
  language: z.enum(citizenLanguages).optional().describe('Language the page opens in; default the citizen\'s preferred language when offered, else Danish'),
});
export const LinkOut = z.object({
  id, referralId: id, timePoint: z.string(), questionnaire: z.object({ url: z.string(), version: z.string() }), channel: z.string(),
  language: z.string(), requireBirthDate: z.boolean(), expiresAt: z.string(), usedAt: z.string().nullable(), revokedAt: z.string().nullable(),
  state: z.enum(['open', 'expired', 'used', 'revoked', 'locked']), responseId: id.nullable(), createdAt: z.string(), version,
});
export const LinkCreated = LinkOut.extend({
  url: z.string().describe('The personal link. Returned once and never stored: only a hash of its token is kept'),
  outboxId: id.nullable().describe('The queued message, when sent by SMS or e-mail'),
});

export interface LinkRow {
  id: string; municipality_id: string; citizen_id: string; referral_id: string; questionnaire_url: string; questionnaire_version: string;
  time_point: TimePoint; language: string; require_birth_date: boolean; failed_checks: number; channel: string; contact_phone: string | null;
  expires_at: Date; used_at: Date | null; revoked_at: Date | null; response_id: string | null; created_at: Date; version: number;
}

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);
export const linkOut = (r: LinkRow, now: Date): z.infer<typeof LinkOut> => ({
  id: r.id, referralId: r.referral_id, timePoint: r.time_point, questionnaire: { url: r.questionnaire_url, version: r.questionnaire_version }, channel: r.channel,
  language: r.language, requireBirthDate: r.require_birth_date, expiresAt: iso(r.expires_at)!, usedAt: iso(r.used_at), revokedAt: iso(r.revoked_at),
  state: linkState(r, now), responseId: r.response_id, createdAt: iso(r.created_at)!, version: r.version,
});

export const publicBaseUrl = (): string => (process.env.LIGEVEJ_PUBLIC_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3119}`).replace(/\/$/, '');
/** The token travels in the URL fragment, which browsers never send to a server, so it never lands in an access log. */
export const linkUrl = (token: string): string => `${publicBaseUrl()}/svar#${token}`;

export async function assessmentSettings(tx: Queryable): Promise<{ contactPhone: string | null; linkDays: number; version: number }> {
  const row = (await tx.query<{ contact_phone: string | null; link_days: number; version: number }>('SELECT contact_phone, link_days, version FROM assessment_setting')).rows[0];
  return { contactPhone: row?.contact_phone ?? null, linkDays: row?.link_days ?? 14, version: row?.version ?? 0 };
}

/**
 * Creates a personal link for one questionnaire at one time point and, for SMS or e-mail, queues the
 * message in the outbox in the same transaction. The token is returned once; only its hash is kept.
 */
export async function createLink(tx: Queryable, actor: Actor, now: Date, referralId: string, input: z.infer<typeof LinkCreate>): Promise<{ row: LinkRow; url: string; outboxId: string | null }> {
  const referral = await getReferralRow(tx, referralId);
  if (referral.stage === 'closed' || referral.stage === 'entered_in_error') throw validationError([{ path: 'id', rule: 'questionnaire.referral_closed' }]);
  const citizen = (await tx.query<{ phone: string | null; preferred_language: string }>('SELECT phone, preferred_language FROM citizen WHERE id = $1', [referral.citizen_id])).rows[0]!;
  const recipient = input.channel === 'none' ? null : input.recipient ?? (input.channel === 'sms' ? citizen.phone : null);
  if (input.channel !== 'none' && !recipient) throw validationError([{ path: 'recipient', rule: 'link.recipient_missing' }]);
  if (input.channel === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(recipient!)) throw validationError([{ path: 'recipient', rule: 'format.regex' }]);
  const ref = input.questionnaire ?? defaultQuestionnaire[input.timePoint];
  const { questionnaire } = await resolveQuestionnaire(tx, ref.url, ref.version);
  const settings = await assessmentSettings(tx);
  const days = input.expiresInDays ?? settings.linkDays;
  const language = input.language ?? ((citizenLanguages as readonly string[]).includes(citizen.preferred_language) ? citizen.preferred_language : 'da');
  const token = newToken();
  const row = (await tx.query<LinkRow>(
    `INSERT INTO questionnaire_link (municipality_id, citizen_id, referral_id, questionnaire_url, questionnaire_version, time_point, token_hash, language,
       require_birth_date, channel, contact_phone, expires_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
    [actor.municipalityId, referral.citizen_id, referral.id, questionnaire.url, questionnaire.version, input.timePoint, hashToken(token), language,
      input.requireBirthDate, input.channel, settings.contactPhone, new Date(now.getTime() + days * 86_400_000), actor.userId])).rows[0]!;
  const url = linkUrl(token);
  const outboxId = input.channel === 'none' ? null : await enqueueMessage(tx, actor.municipalityId, {
    citizenId: referral.citizen_id, channel: input.channel, recipient, template: 'questionnaire.link', body: linkMessage(language, url, days, settings.contactPhone),
    relatedType: 'QuestionnaireLink', relatedId: row.id, dedupeKey: `questionnaire-link:${row.id}`, dueAt: now,
  });
  await appendAudit(tx, actor, now, [{ action: 'create', resourceType: 'QuestionnaireLink', resourceId: row.id, citizenId: referral.citizen_id, detail: { timePoint: input.timePoint, channel: input.channel } }]);
  return { row, url, outboxId };
}

export async function listLinks(tx: Queryable, actor: Actor, now: Date, referralId: string): Promise<LinkRow[]> {
  const referral = await getReferralRow(tx, referralId);
  const rows = (await tx.query<LinkRow>('SELECT * FROM questionnaire_link WHERE referral_id = $1 ORDER BY created_at', [referralId])).rows;
  await appendAudit(tx, actor, now, [{ action: 'read', resourceType: 'QuestionnaireLink', citizenId: referral.citizen_id, detail: { referralId, count: rows.length } }]);
  return rows;
}

export async function revokeLink(tx: Queryable, actor: Actor, now: Date, linkId: string, expected: number): Promise<LinkRow> {
  const row = (await tx.query<LinkRow>(`UPDATE questionnaire_link SET revoked_at = $3, version = version + 1 WHERE id = $1 AND version = $2 AND revoked_at IS NULL RETURNING *`, [linkId, expected, now])).rows[0];
  if (!row) {
    const current = (await tx.query<{ version: number }>('SELECT version FROM questionnaire_link WHERE id = $1', [linkId])).rows[0];
    if (!current) throw notFound('Link');
    throw new AppError('version_conflict', 'error.version_conflict', { resource: 'Link', expected, actual: current.version });
  }
  await appendAudit(tx, actor, now, [{ action: 'update', resourceType: 'QuestionnaireLink', resourceId: row.id, citizenId: row.citizen_id, detail: { revoked: true } }]);
  return row;
}
