import type { Database, Queryable } from '../../db/database.ts';
import type { Actor } from '../../audit/audit-log.ts';
import { appendAudit } from '../../audit/audit-log.ts';
import type { AnswerEntry } from '../fhir/questionnaire-types.ts';
import { checkAnswers, initialAnswers } from '../engine/answers.ts';
import { localizeQuestionnaire } from '../engine/translate.ts';
import { catalogues, citizenLanguages, rtlLanguages } from '../translations/catalogues.ts';
import { resolveQuestionnaire } from '../questionnaire-service.ts';
import { afterCompletion } from '../response-effects.ts';
import type { ResponseRow } from '../response-service.ts';
import type { FieldProblem } from '../../shared/errors.ts';
import { hashToken, linkState, MAX_BIRTH_DATE_TRIES, TOKEN_FORMAT, type LinkState } from './link-rules.ts';
import type { LinkRow } from './link-service.ts';

export type Refusal =
  | { kind: 'link'; status: number; code: 'link_unknown' | `link_${Exclude<LinkState, 'open'>}`; phone: string | null }
  | { kind: 'birth_date'; status: 401; code: 'birth_date_required' | 'birth_date_wrong'; remaining: number; phone: string | null }
  | { kind: 'invalid'; status: 400 | 412; problems: FieldProblem[]; current?: number };
export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

const refuse = <T>(refusal: Refusal): Outcome<T> => ({ ok: false, refusal });

/**
 * Runs fn for the link a token names, in that link's municipality (row-level security applies), after
 * checking the link is open and, when asked for, the birth date. Refusals are returned, not thrown,
 * so that a wrong birth date is counted even though the request fails.
 */
export async function withLink<T>(
  db: Database, token: string | undefined, now: Date, birthDate: string | undefined, opts: { allowUsed?: boolean },
  fn: (tx: Queryable, link: LinkRow, actor: Actor) => Promise<Outcome<T>>,
): Promise<Outcome<T>> {
  if (!token || !TOKEN_FORMAT.test(token)) return refuse({ kind: 'link', status: 404, code: 'link_unknown', phone: null });
  // The token is the only key before the municipality is known, like a staff session cookie.
  const found = (await db.owner.query<{ id: string; municipality_id: string }>('SELECT id, municipality_id FROM questionnaire_link WHERE token_hash = $1', [hashToken(token)])).rows[0];
  if (!found) return refuse({ kind: 'link', status: 404, code: 'link_unknown', phone: null });
  return db.tenantTransaction(found.municipality_id, async (tx) => {
    const link = (await tx.query<LinkRow>('SELECT * FROM questionnaire_link WHERE id = $1 FOR UPDATE', [found.id])).rows[0]!;
    const state = linkState(link, now);
    if (state !== 'open' && !(state === 'used' && opts.allowUsed)) return refuse({ kind: 'link', status: 410, code: `link_${state}`, phone: link.contact_phone });
    if (link.require_birth_date && state === 'open') {
      if (!birthDate) return refuse({ kind: 'birth_date', status: 401, code: 'birth_date_required', remaining: MAX_BIRTH_DATE_TRIES - link.failed_checks, phone: link.contact_phone });
      const actual = (await tx.query<{ birth_date: string }>('SELECT birth_date::text FROM citizen WHERE id = $1', [link.citizen_id])).rows[0]!.birth_date;
      if (actual !== birthDate) {
        const failed = (await tx.query<{ failed_checks: number }>('UPDATE questionnaire_link SET failed_checks = failed_checks + 1 WHERE id = $1 RETURNING failed_checks', [link.id])).rows[0]!.failed_checks;
        if (failed >= MAX_BIRTH_DATE_TRIES) return refuse({ kind: 'link', status: 410, code: 'link_locked', phone: link.contact_phone });
        return refuse({ kind: 'birth_date', status: 401, code: 'birth_date_wrong', remaining: MAX_BIRTH_DATE_TRIES - failed, phone: link.contact_phone });
      }
    }
    return fn(tx, link, { userId: null, role: 'citizen', municipalityId: link.municipality_id });
  });
}

const responseOf = async (tx: Queryable, link: LinkRow): Promise<ResponseRow | null> =>
  link.response_id ? (await tx.query<ResponseRow>('SELECT * FROM questionnaire_response WHERE id = $1', [link.response_id])).rows[0] ?? null : null;

/** What the citizen's page needs: the questionnaire in their language, their answers so far, and the languages offered. */
export async function publicView(tx: Queryable, link: LinkRow, lang: string | undefined) {
  const language = lang && (citizenLanguages as readonly string[]).includes(lang) ? lang : link.language;
  const { questionnaire } = await resolveQuestionnaire(tx, link.questionnaire_url, link.questionnaire_version);
  const localized = localizeQuestionnaire(questionnaire, language, catalogues().get(language));
  const response = await responseOf(tx, link);
  const answers = response?.answers ?? initialAnswers(questionnaire);
  return {
    timePoint: link.time_point, expiresAt: new Date(link.expires_at).toISOString(), contactPhone: link.contact_phone,
    language, direction: rtlLanguages.includes(language) ? 'rtl' as const : 'ltr' as const,
    languages: citizenLanguages.map((code) => ({ code, name: code === 'da' ? 'Dansk' : catalogues().get(code)?.name ?? code, direction: rtlLanguages.includes(code) ? 'rtl' as const : 'ltr' as const })),
    questionnaire: localized.questionnaire, answers: answers as unknown as { linkId: string; answer: Record<string, unknown>[] }[], responseVersion: response?.version ?? 0,
    missingRequired: checkAnswers(questionnaire, answers, { complete: false }).missingRequired,
  };
}

/** Saves answers as the citizen goes. The first save creates the response (mode self); later saves name the version they saw. */
export async function saveDraft(tx: Queryable, link: LinkRow, actor: Actor, now: Date, input: { version: number; language: string; answers: AnswerEntry[] }): Promise<Outcome<{ version: number; savedAt: string; missingRequired: string[] }>> {
  const { questionnaire } = await resolveQuestionnaire(tx, link.questionnaire_url, link.questionnaire_version);
  const checked = checkAnswers(questionnaire, input.answers, { complete: false });
  if (checked.problems.length) return refuse({ kind: 'invalid', status: 400, problems: checked.problems });
  const existing = await responseOf(tx, link);
  if ((existing?.version ?? 0) !== input.version) return refuse({ kind: 'invalid', status: 412, problems: [], current: existing?.version ?? 0 });
  const row = existing
    ? (await tx.query<ResponseRow>(`UPDATE questionnaire_response SET answers = $2, language = $3, version = version + 1, updated_at = now() WHERE id = $1 RETURNING *`,
      [existing.id, JSON.stringify(checked.answers), input.language])).rows[0]!
    : await insertSelfResponse(tx, link, now, input.language, checked.answers, 'in-progress');
  if (!existing) await tx.query('UPDATE questionnaire_link SET response_id = $2, version = version + 1 WHERE id = $1', [link.id, row.id]);
  await appendAudit(tx, actor, now, [{ action: existing ? 'update' : 'create', resourceType: 'QuestionnaireResponse', resourceId: row.id, citizenId: link.citizen_id, purpose: 'citizen_request', detail: { via: 'personal_link' } }]);
  return { ok: true, value: { version: row.version, savedAt: now.toISOString(), missingRequired: checked.missingRequired } };
}

async function insertSelfResponse(tx: Queryable, link: LinkRow, now: Date, language: string, answers: AnswerEntry[], status: 'in-progress' | 'completed'): Promise<ResponseRow> {
  const pathwayId = (await tx.query<{ id: string }>(`SELECT id FROM pathway WHERE referral_id = $1 AND status <> 'entered-in-error' ORDER BY created_at DESC LIMIT 1`, [link.referral_id])).rows[0]?.id ?? null;
  return (await tx.query<ResponseRow>(
    `INSERT INTO questionnaire_response (municipality_id, citizen_id, referral_id, pathway_id, questionnaire_url, questionnaire_version, time_point, mode, status, language, answers, authored_at, completed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'self', $8, $9, $10, $11, $12) RETURNING *`,
    [link.municipality_id, link.citizen_id, link.referral_id, pathwayId, link.questionnaire_url, link.questionnaire_version, link.time_point, status, language,
      JSON.stringify(answers), now, status === 'completed' ? now : null])).rows[0]!;
}

/**
 * Completes the response and uses up the link. Submitting again (a double tap, a retried request)
 * finds the link used by this response and answers as the first time did: one response, never two.
 */
export async function submit(tx: Queryable, link: LinkRow, actor: Actor, now: Date, input: { language: string; answers: AnswerEntry[] }): Promise<Outcome<{ responseId: string; submittedAt: string; alreadySubmitted: boolean }>> {
  const existing = await responseOf(tx, link);
  if (link.used_at && existing?.status === 'completed') return { ok: true, value: { responseId: existing.id, submittedAt: new Date(existing.completed_at!).toISOString(), alreadySubmitted: true } };
  const { questionnaire } = await resolveQuestionnaire(tx, link.questionnaire_url, link.questionnaire_version);
  const checked = checkAnswers(questionnaire, input.answers, { complete: true });
  if (checked.problems.length) return refuse({ kind: 'invalid', status: 400, problems: checked.problems });
  const row = existing
    ? (await tx.query<ResponseRow>(`UPDATE questionnaire_response SET answers = $2, language = $3, status = 'completed', completed_at = $4, version = version + 1, updated_at = now() WHERE id = $1 RETURNING *`,
      [existing.id, JSON.stringify(checked.answers), input.language, now])).rows[0]!
    : await insertSelfResponse(tx, link, now, input.language, checked.answers, 'completed');
  await tx.query('UPDATE questionnaire_link SET response_id = $2, used_at = $3, version = version + 1 WHERE id = $1', [link.id, row.id, now]);
  await appendAudit(tx, actor, now, [{ action: existing ? 'update' : 'create', resourceType: 'QuestionnaireResponse', resourceId: row.id, citizenId: link.citizen_id, purpose: 'citizen_request', detail: { via: 'personal_link', status: 'completed' } }]);
  await afterCompletion(tx, actor, now, row, questionnaire);
  return { ok: true, value: { responseId: row.id, submittedAt: now.toISOString(), alreadySubmitted: false } };
}
