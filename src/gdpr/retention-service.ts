import type { Database, Queryable } from '../db/database.ts';
import type { CprVault } from '../citizens/cpr-vault.ts';
import { appendAudit, type Actor } from '../audit/audit-log.ts';
import { retentionCandidates, retentionFingerprint, type RetentionCandidate, type RetentionInput, type RetentionPolicy } from './retention.ts';
import { AppError } from '../shared/errors.ts';
import { ANONYMISED_TEXT, answersWithoutFreeText, freeTextTargets, type FreeTextTarget } from './free-text.ts';

/** Days an idempotency key's stored answer is kept for replays; the retention run deletes older ones. */
export const IDEMPOTENCY_DAYS = 7;

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
 * Empties one table's free text about the citizen (see free-text.ts) and returns the ids of all the
 * citizen's rows in it, whose earlier versions the caller deletes. Table and column names come from
 * the fixed list, never from a request.
 */
async function eraseFreeText(tx: Queryable, target: FreeTextTarget, municipalityId: string, owners: Record<FreeTextTarget['owner'], string | string[]>, now: Date): Promise<string[]> {
  const column = { citizen: 'citizen_id', referral: 'referral_id', bridge: 'bridge_id' }[target.owner];
  const owner = owners[target.owner];
  const ids = (await tx.query<{ id: string }>(
    `SELECT id::text FROM ${target.table} WHERE municipality_id = $1 AND ${column} = ANY($2::uuid[])`, [municipalityId, Array.isArray(owner) ? owner : [owner]])).rows.map((r) => r.id);
  if (ids.length === 0) return ids;
  const params: unknown[] = [ids];
  const param = (value: unknown) => { params.push(value); return `$${params.length}`; };
  const replace = target.replace ?? [];
  const text = replace.length ? param(ANONYMISED_TEXT) : '';
  const sets = [
    ...target.clear.map((c) => `${c} = NULL`),
    ...replace.map((c) => `${c} = CASE WHEN ${c} IS NULL THEN NULL ELSE ${text}::text END`),
    ...(target.also ? [target.also.replace('$now', `${param(now)}::timestamptz`)] : []),
  ];
  const dirty = [...target.clear.map((c) => `${c} IS NOT NULL`), ...replace.map((c) => `${c} IS DISTINCT FROM ${text}::text AND ${c} IS NOT NULL`)];
  await tx.query(`UPDATE ${target.table} SET ${sets.join(', ')} WHERE id = ANY($1::uuid[]) AND (${dirty.join(' OR ')})`, params);
  return ids;
}

/** Removes what the citizen wrote in their own words from their questionnaire responses; coded answers stay for the scores. */
async function eraseFreeTextAnswers(tx: Queryable, municipalityId: string, citizenId: string): Promise<string[]> {
  const rows = (await tx.query<{ id: string; answers: { linkId: string; answer: Record<string, unknown>[] }[] }>(
    'SELECT id::text, answers FROM questionnaire_response WHERE municipality_id = $1 AND citizen_id = $2', [municipalityId, citizenId])).rows;
  for (const r of rows) {
    const cleaned = answersWithoutFreeText(r.answers);
    if (cleaned.removed > 0) await tx.query('UPDATE questionnaire_response SET answers = $2::jsonb WHERE id = $1', [r.id, JSON.stringify(cleaned.answers)]);
  }
  return rows.map((r) => r.id);
}

/**
 * Anonymises the identity of each due citizen: name, address, phone and CPR number are replaced,
 * the birth date is kept as a year; free text about them is removed from every feature's tables
 * (referral reasons, contact, conversation and session notes, needs, consents, health literacy,
 * stratification overrides, waiting lists, bridges and their follow-ups, campaign contacts,
 * questionnaire free-text answers, phone numbers on links and sent messages: free-text.ts);
 * earlier versions of all their rows (which hold the old values) are deleted, and reported
 * bundles (which hold the CPR number) are emptied. Course facts, codes and measurements stay for
 * statistics without identity. One audit event per citizen, in the same transaction; runs as the
 * owner because it deletes history. Stored idempotency answers older than IDEMPOTENCY_DAYS go too.
 * With `expected` (the dry run the administrator confirmed), nothing is done unless the citizens due
 * now are exactly those: otherwise 409 with the counts then and now.
 */
export async function runRetention(db: Database, vault: CprVault, actor: Actor, policy: RetentionPolicy, now: Date, expected?: { fingerprint: string; count: number }): Promise<RetentionCandidate[]> {
  const today = now.toISOString().slice(0, 10);
  const due = await db.tenantTransaction(actor.municipalityId, (tx) => retentionDryRun(tx, policy, today));
  if (expected && (expected.fingerprint !== retentionFingerprint(due) || expected.count !== due.length)) {
    throw new AppError('illegal_transition', 'error.retention_changed', { expected: expected.count, actual: due.length });
  }
  for (const c of due) {
    await db.ownerTransaction(async (tx) => {
      const m = actor.municipalityId;
      const updated = await tx.query(
        `UPDATE citizen SET given_name = 'Anonymiseret', family_name = 'Borger', address_line = NULL, postal_code = NULL, city = NULL, phone = NULL,
                cpr_hash = 'anonymised:' || id::text, cpr_encrypted = $3, birth_date = date_trunc('year', birth_date)::date,
                anonymised_at = $4, updated_at = $4, version = version + 1
          WHERE id = $1 AND municipality_id = $2 AND anonymised_at IS NULL`,
        [c.citizenId, m, vault.encrypt('0000000000'), now]);
      if (updated.rowCount === 0) return;
      const referrals = (await tx.query<{ id: string }>('SELECT id::text FROM referral WHERE citizen_id = $1 AND municipality_id = $2', [c.citizenId, m])).rows.map((r) => r.id);
      const bridges = (await tx.query<{ id: string }>('SELECT id::text FROM bridge WHERE citizen_id = $1 AND municipality_id = $2', [c.citizenId, m])).rows.map((r) => r.id);
      const rows = [c.citizenId, ...referrals];
      for (const target of freeTextTargets) rows.push(...await eraseFreeText(tx, target, m, { citizen: c.citizenId, referral: referrals, bridge: bridges }, now));
      rows.push(...await eraseFreeTextAnswers(tx, m, c.citizenId));
      await tx.query(`DELETE FROM record_history WHERE municipality_id = $1 AND (row_id = ANY($2::uuid[]) OR data->>'citizen_id' = $3)`, [m, rows, c.citizenId]);
      await tx.query('UPDATE kl_report SET bundle_encrypted = $3 WHERE citizen_id = $1 AND municipality_id = $2', [c.citizenId, m, vault.encrypt('{"anonymised":true}')]);
      await tx.query(`SELECT set_config('app.municipality_id', $1, true)`, [m]);
      await appendAudit(tx, actor, now, [{ action: 'anonymise', resourceType: 'Patient', resourceId: c.citizenId, citizenId: c.citizenId, purpose: 'administration', detail: { basis: c.basis, dueOn: c.dueOn } }]);
    });
  }
  // Stored answers for idempotent retries hold whatever the write returned (names, notes): kept only as long as a retry is plausible.
  const replays = await db.owner.query(`DELETE FROM idempotency_record WHERE municipality_id = $1 AND created_at < $2::timestamptz - make_interval(days => $3::int)`,
    [actor.municipalityId, now, IDEMPOTENCY_DAYS]);
  await db.owner.query(
    `INSERT INTO maintenance_run (municipality_id, kind, dry_run, summary, started_at, finished_at) VALUES ($1, 'retention', false, $2, $3, $4)`,
    [actor.municipalityId, JSON.stringify({ anonymised: due.length, idempotencyRecordsDeleted: replays.rowCount ?? 0, policy }), now, new Date()]);
  return due;
}
