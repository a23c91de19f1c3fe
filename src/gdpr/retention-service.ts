import type { Database, Queryable } from '../db/database.ts';
import type { CprVault } from '../citizens/cpr-vault.ts';
import { appendAudit, type Actor } from '../audit/audit-log.ts';
import { retentionCandidates, type RetentionCandidate, type RetentionInput, type RetentionPolicy } from './retention.ts';

/** What retention needs to know per citizen: referral stages and the last date anything happened. */
export async function retentionInputs(tx: Queryable): Promise<RetentionInput[]> {
  const rows = (await tx.query<{ citizen_id: string; anonymised_at: Date | null; stage: string | null; last_on: string | null }>(
    `SELECT c.id AS citizen_id, c.anonymised_at, r.stage,
            to_char(greatest(r.updated_at::date, (SELECT max(p.ended_on) FROM pathway p WHERE p.referral_id = r.id)), 'YYYY-MM-DD') AS last_on
       FROM citizen c LEFT JOIN referral r ON r.citizen_id = c.id
      ORDER BY c.id`)).rows;
  const byCitizen = new Map<string, RetentionInput>();
  for (const r of rows) {
    const entry = byCitizen.get(r.citizen_id) ?? { citizenId: r.citizen_id, anonymisedAt: r.anonymised_at ? new Date(r.anonymised_at).toISOString() : null, referrals: [] };
    if (r.stage && r.last_on) entry.referrals.push({ stage: r.stage, lastActivityOn: r.last_on });
    byCitizen.set(r.citizen_id, entry);
  }
  return [...byCitizen.values()];
}

export async function retentionDryRun(tx: Queryable, policy: RetentionPolicy, today: string): Promise<RetentionCandidate[]> {
  return retentionCandidates(await retentionInputs(tx), policy, today);
}

/**
 * Anonymises the identity of each due citizen: name, address, phone and CPR number are replaced,
 * the birth date is kept as a year, free-text referral reasons are removed, earlier versions of the
 * citizen and referral rows (which hold the old values) are deleted, and reported bundles (which
 * hold the CPR number) are emptied. Course facts stay for statistics without identity. One audit
 * event per citizen, in the same transaction; runs as the owner because it deletes history.
 */
export async function runRetention(db: Database, vault: CprVault, actor: Actor, policy: RetentionPolicy, now: Date): Promise<RetentionCandidate[]> {
  const today = now.toISOString().slice(0, 10);
  const due = await db.tenantTransaction(actor.municipalityId, (tx) => retentionDryRun(tx, policy, today));
  for (const c of due) {
    await db.ownerTransaction(async (tx) => {
      const referrals = (await tx.query<{ id: string }>('SELECT id FROM referral WHERE citizen_id = $1 AND municipality_id = $2', [c.citizenId, actor.municipalityId])).rows.map((r) => r.id);
      const updated = await tx.query(
        `UPDATE citizen SET given_name = 'Anonymiseret', family_name = 'Borger', address_line = NULL, postal_code = NULL, city = NULL, phone = NULL,
                cpr_hash = 'anonymised:' || id::text, cpr_encrypted = $3, birth_date = date_trunc('year', birth_date)::date,
                anonymised_at = $4, updated_at = $4, version = version + 1
          WHERE id = $1 AND municipality_id = $2 AND anonymised_at IS NULL`,
        [c.citizenId, actor.municipalityId, vault.encrypt('0000000000'), now]);
      if (updated.rowCount === 0) return;
      await tx.query('UPDATE referral SET reason = NULL WHERE citizen_id = $1 AND municipality_id = $2 AND reason IS NOT NULL', [c.citizenId, actor.municipalityId]);
      await tx.query(`DELETE FROM record_history WHERE municipality_id = $1 AND ((table_name = 'citizen' AND row_id = $2) OR (table_name = 'referral' AND row_id = ANY($3::uuid[])))`,
        [actor.municipalityId, c.citizenId, referrals]);
      await tx.query('UPDATE kl_report SET bundle_encrypted = $3 WHERE citizen_id = $1 AND municipality_id = $2', [c.citizenId, actor.municipalityId, vault.encrypt('{"anonymised":true}')]);
      await tx.query(`SELECT set_config('app.municipality_id', $1, true)`, [actor.municipalityId]);
      await appendAudit(tx, actor, now, [{ action: 'anonymise', resourceType: 'Patient', resourceId: c.citizenId, citizenId: c.citizenId, purpose: 'administration', detail: { basis: c.basis, dueOn: c.dueOn } }]);
    });
  }
  await db.owner.query(
    `INSERT INTO maintenance_run (municipality_id, kind, dry_run, summary, started_at, finished_at) VALUES ($1, 'retention', false, $2, $3, $4)`,
    [actor.municipalityId, JSON.stringify({ anonymised: due.length, policy }), now, new Date()]);
  return due;
}
