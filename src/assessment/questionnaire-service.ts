import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { AppError, notFound, validationError } from '../shared/errors.ts';
import type { Questionnaire } from './fhir/questionnaire-types.ts';
import { checkQuestionnaire } from './fhir/validate-questionnaire.ts';
import { builtinQuestionnaires, findBuiltin, isBuiltinUrl } from './builtin.ts';

export interface QuestionnaireSummary {
  url: string; version: string; name: string | null; title: string; status: string;
  source: 'builtin' | 'municipality'; id: string | null;
}

const summary = (q: Questionnaire, source: 'builtin' | 'municipality', id: string | null): QuestionnaireSummary =>
  ({ url: q.url, version: q.version, name: q.name ?? null, title: q.title ?? q.name ?? q.url, status: q.status, source, id });

export async function listQuestionnaires(tx: Queryable): Promise<QuestionnaireSummary[]> {
  const own = (await tx.query<{ id: string; resource: Questionnaire }>('SELECT id, resource FROM questionnaire ORDER BY url, created_at')).rows;
  return [...builtinQuestionnaires.map((q) => summary(q, 'builtin', null)), ...own.map((r) => summary(r.resource, 'municipality', r.id))];
}

/** A built-in questionnaire, or the municipality's own; without a version, the newest. */
export async function resolveQuestionnaire(tx: Queryable, url: string, version?: string): Promise<{ questionnaire: Questionnaire; source: 'builtin' | 'municipality' }> {
  const builtin = findBuiltin(url, version);
  if (builtin) return { questionnaire: builtin, source: 'builtin' };
  const rows = (await tx.query<{ resource: Questionnaire; business_version: string }>(
    `SELECT resource, business_version FROM questionnaire WHERE url = $1 AND ($2::text IS NULL OR business_version = $2)`, [url, version ?? null])).rows;
  const newest = rows.sort((a, b) => b.business_version.localeCompare(a.business_version, 'en', { numeric: true }))[0];
  if (!newest) throw notFound('Spørgeskema');
  return { questionnaire: newest.resource, source: 'municipality' };
}

/**
 * Imports a municipality's own FHIR Questionnaire (e.g. a licensed instrument it holds). A
 * malformed resource is refused with the path of its first problem; a url+version already present
 * (or a built-in url) is refused as a duplicate, since a published version never changes.
 */
export async function importQuestionnaire(tx: Queryable, actor: Actor, now: Date, input: unknown): Promise<QuestionnaireSummary> {
  const checked = checkQuestionnaire(input);
  if (!checked.ok) throw validationError([checked.problem]);
  const q = checked.questionnaire;
  if (isBuiltinUrl(q.url)) throw validationError([{ path: 'Questionnaire.url', rule: 'questionnaire.builtin_url' }]);
  const resource = JSON.stringify(q);
  const inserted = (await tx.query<{ id: string }>(
    `INSERT INTO questionnaire (municipality_id, url, business_version, name, title, status, resource, sha256, imported_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (municipality_id, url, business_version) DO NOTHING RETURNING id`,
    [actor.municipalityId, q.url, q.version, q.name ?? null, q.title ?? q.name ?? q.url, q.status, resource,
      createHash('sha256').update(resource).digest('hex'), actor.userId],
  )).rows[0];
  if (!inserted) throw new AppError('duplicate', 'error.duplicate', { resource: `Spørgeskema ${q.url}|${q.version}` });
  await appendAudit(tx, actor, now, [{ action: 'import', resourceType: 'Questionnaire', resourceId: inserted.id, purpose: 'administration', detail: { url: q.url, version: q.version } }]);
  return summary(q, 'municipality', inserted.id);
}
