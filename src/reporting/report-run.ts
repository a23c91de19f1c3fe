import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database.ts';
import type { CprVault } from '../citizens/cpr-vault.ts';
import { appendAudit, type Actor } from '../audit/audit-log.ts';
import { deliveryReport } from './bundle.ts';
import { contentHash, hashResources, incrementalResources, type ResourceHashes } from './incremental.ts';
import { loadCitizenRecords } from './load-records.ts';
import { mapCitizen } from './map-citizen.ts';
import { validateReport } from './validate/validate.ts';
import type { Json } from './validate/issues.ts';

export interface RunSummary { id: string; startedAt: string; citizens: number; reports: number; invalid: number }

const BATCH = 250;

async function knownState(tx: Queryable): Promise<Map<string, ResourceHashes>> {
  const rows = (await tx.query<{ citizen_id: string; resource_hashes: ResourceHashes }>(
    `SELECT DISTINCT ON (citizen_id) citizen_id, resource_hashes FROM kl_report
      WHERE status = 'accepted' ORDER BY citizen_id, answered_at DESC, created_at DESC`)).rows;
  return new Map(rows.map((r) => [r.citizen_id, typeof r.resource_hashes === 'string' ? JSON.parse(r.resource_hashes) as ResourceHashes : r.resource_hashes]));
}

/**
 * The content of each citizen's latest report not yet accepted (queued, failed, rejected or invalid):
 * a run that would build the same content again makes no new report, so the same content is never
 * queued or sent twice; a rejected or invalid report is made again only once the records change.
 */
async function unacceptedContent(tx: Queryable): Promise<Map<string, string>> {
  const rows = (await tx.query<{ citizen_id: string; content_hash: string; status: string }>(
    `SELECT DISTINCT ON (citizen_id) citizen_id, content_hash, status FROM kl_report
      WHERE status <> 'superseded' ORDER BY citizen_id, created_at DESC`)).rows;
  return new Map(rows.filter((r) => r.status !== 'accepted').map((r) => [r.citizen_id, r.content_hash]));
}

/**
 * One report run for the actor's municipality: for each citizen, a report with what changed since
 * their last accepted report, validated and stored encrypted (status pending, or invalid with its
 * issues, which is never sent). A citizen whose same change is already queued, rejected or invalid
 * gets no new report; an older queued one is superseded by the new one, which contains it. One
 * transaction, with no network: sending is separate (send.ts).
 */
export async function runReports(db: Database, vault: CprVault, actor: Actor, now: Date): Promise<RunSummary> {
  return db.tenantTransaction(actor.municipalityId, async (tx) => {
    const runId = (await tx.query<{ id: string }>(
      'INSERT INTO kl_report_run (municipality_id, started_at, started_by) VALUES ($1, $2, $3) RETURNING id',
      [actor.municipalityId, now, actor.userId])).rows[0]!.id;
    const citizenIds = (await tx.query<{ id: string }>('SELECT DISTINCT citizen_id::text AS id FROM referral ORDER BY 1')).rows.map((r) => r.id);
    const known = await knownState(tx);
    const queued = await unacceptedContent(tx);
    const reported: string[] = [];
    let invalid = 0;
    for (let i = 0; i < citizenIds.length; i += BATCH) {
      for (const records of await loadCitizenRecords(tx, vault, citizenIds.slice(i, i + BATCH))) {
        const citizenId = records.citizen.id;
        const baseline = known.get(citizenId) ?? {};
        const all = mapCitizen(records, new Set(Object.keys(baseline)));
        const resources = incrementalResources(all, baseline);
        if (!resources.length) continue;
        const hash = contentHash(resources);
        if (queued.get(citizenId) === hash) continue;
        const id = randomUUID();
        const bundle = deliveryReport(id, now, resources);
        const issues = validateReport(bundle as unknown as Json);
        if (issues.length) invalid++;
        // A report being sent right now (claimed) is left to get its answer; the new one follows it.
        await tx.query(`UPDATE kl_report SET status = 'superseded', version = version + 1 WHERE citizen_id = $1 AND status IN ('pending', 'failed') AND claim_id IS NULL`, [citizenId]);
        await tx.query(
          `INSERT INTO kl_report (id, municipality_id, run_id, citizen_id, created_at, bundle_encrypted, content_hash, resource_hashes, resource_count, issues, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [id, actor.municipalityId, runId, citizenId, now, vault.encrypt(JSON.stringify(bundle)), hash, JSON.stringify(hashResources(all)),
            resources.length, JSON.stringify(issues.map(({ path, rule }) => ({ path, rule }))), issues.length ? 'invalid' : 'pending']);
        reported.push(citizenId);
      }
    }
    await tx.query(`UPDATE kl_report_run SET finished_at = $2, status = 'completed', citizens = $3, reports = $4, invalid = $5 WHERE id = $1`,
      [runId, now, citizenIds.length, reported.length, invalid]);
    await appendAudit(tx, actor, now, reported.map((citizenId) => ({
      action: 'export' as const, resourceType: 'KlGatewayReport', citizenId, purpose: 'reporting' as const, detail: { runId },
    })));
    return { id: runId, startedAt: now.toISOString(), citizens: citizenIds.length, reports: reported.length, invalid };
  });
}
