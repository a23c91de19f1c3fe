import type { Database, Queryable } from '../db/database.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { refreshPathwayFact } from './refresh-fact.ts';

/**
 * Rebuilds every fact row of a municipality from its stored courses, with the same function every
 * write uses: after a migration adds fact columns that SQL cannot fill (migration 025's self-reported
 * values are scored from questionnaire responses), or to check nothing drifted. Runs in the
 * municipality's tenant context (row-level security on), `batch` referrals per transaction, and is
 * recorded in the municipality's audit chain. Returns the number of referrals and of rows that changed.
 */
export async function refreshAllFacts(db: Database, municipalityId: string, now: Date, batch = 500): Promise<{ referrals: number; changed: number }> {
  const ids = await db.tenantTransaction(municipalityId, async (tx) => (await tx.query<{ id: string }>('SELECT id FROM referral ORDER BY id')).rows.map((r) => r.id));
  let changed = 0;
  for (let i = 0; i < ids.length; i += batch) {
    changed += await db.tenantTransaction(municipalityId, async (tx) => {
      const part = ids.slice(i, i + batch);
      const before = await factTexts(tx, part);
      for (const id of part) await refreshPathwayFact(tx, id);
      const after = await factTexts(tx, part);
      return part.filter((id) => before.get(id) !== after.get(id)).length;
    });
  }
  await db.tenantTransaction(municipalityId, (tx) => appendAudit(tx, { userId: null, role: 'cli', municipalityId }, now, [{
    action: 'update', resourceType: 'PathwayFact', purpose: 'administration', detail: { command: 'facts refresh', referrals: ids.length, changed },
  }]));
  return { referrals: ids.length, changed };
}

/** Each fact row as text without its timestamp, to count the rows a rebuild changed. */
async function factTexts(tx: Queryable, ids: string[]): Promise<Map<string, string>> {
  const rows = (await tx.query<{ referral_id: string; t: string }>(
    `SELECT referral_id, (to_jsonb(f) - 'updated_at')::text AS t FROM pathway_fact f WHERE referral_id = ANY($1::uuid[])`, [ids])).rows;
  return new Map(rows.map((r) => [r.referral_id, r.t]));
}
