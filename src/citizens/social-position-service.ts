import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { validateSocialPositionItem } from '../domain/social-position.ts';
import { notFound, validationError } from '../shared/errors.ts';
import { refreshFactsOfCitizen } from '../analytics/refresh-fact.ts';

export interface SocialPositionInput { item: string; value: string; source: string; recordedOn: string }
export interface SocialPositionRow { id: string; item: string; value: string; source: string; recorded_on: string; version: number }

export async function recordSocialPosition(tx: Queryable, actor: Actor, now: Date, citizenId: string, items: SocialPositionInput[]): Promise<SocialPositionRow[]> {
  const problems = items.flatMap((item, i) => validateSocialPositionItem(item).map((p) => ({ ...p, path: `items.${i}.${p.path}` })));
  if (problems.length) throw validationError(problems);
  const exists = await tx.query('SELECT 1 FROM citizen WHERE id = $1', [citizenId]);
  if (!exists.rows.length) throw notFound('Borger');
  const rows: SocialPositionRow[] = [];
  for (const item of items) {
    rows.push((await tx.query<SocialPositionRow>(
      `INSERT INTO social_position_item (municipality_id, citizen_id, item, value, source, recorded_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, item, value, source, recorded_on::text, version`,
      [actor.municipalityId, citizenId, item.item, item.value, item.source, item.recordedOn, actor.userId],
    )).rows[0]!);
  }
  await appendAudit(tx, actor, now, [{ action: 'create', resourceType: 'SocialPosition', citizenId, detail: { items: items.map((i) => i.item) } }]);
  await refreshFactsOfCitizen(tx, citizenId);
  return rows;
}

/** The newest valid value of each item. */
export async function currentSocialPosition(tx: Queryable, citizenId: string): Promise<SocialPositionRow[]> {
  return (await tx.query<SocialPositionRow>(
    `SELECT DISTINCT ON (item) id, item, value, source, recorded_on::text, version FROM social_position_item
      WHERE citizen_id = $1 AND NOT entered_in_error ORDER BY item, recorded_on DESC, created_at DESC`, [citizenId])).rows;
}
