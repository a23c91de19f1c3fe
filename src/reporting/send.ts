import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database.ts';
import type { CprVault } from '../citizens/cpr-vault.ts';
import type { GatewayClient, SendOutcome } from './gateway-client.ts';

export interface SendSummary { sent: number; accepted: number; rejected: number; failed: number }

/**
 * A claim whose answer was never recorded (the process stopped while sending) may be taken over after
 * this long. Longer than a send with all its retries; the resend is harmless (same Idempotency-Key).
 */
export const CLAIM_MINUTES = 30;

interface Claimed { id: string; bundle_encrypted: string; created_at: Date }

/**
 * Claims the municipality's queued reports (pending, or failed earlier) in a short transaction, so no
 * other sender takes them while this one sends: rows another transaction holds are skipped, and so
 * are rows claimed less than CLAIM_MINUTES ago.
 */
async function claimQueued(tx: Queryable, now: Date, claimId: string): Promise<Claimed[]> {
  const rows = (await tx.query<Claimed>(
    `UPDATE kl_report SET claimed_at = $1, claim_id = $2, version = version + 1
      WHERE id IN (SELECT id FROM kl_report WHERE status IN ('pending', 'failed')
                     AND (claimed_at IS NULL OR claimed_at < $1::timestamptz - make_interval(mins => $3))
                   ORDER BY created_at, id FOR UPDATE SKIP LOCKED)
      RETURNING id, bundle_encrypted, created_at`, [now.toISOString(), claimId, CLAIM_MINUTES])).rows;
  return rows.sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || a.id.localeCompare(b.id));
}

/** Records the gateway's answer on the claim's own row and releases the claim. */
async function recordAnswer(tx: Queryable, reportId: string, claimId: string, now: Date, result: SendOutcome): Promise<void> {
  await tx.query(
    `UPDATE kl_report SET status = $2, attempts = attempts + $3, last_attempt_at = $4, response_status = $5, response_body = $6,
       rejection_reason = $7, answered_at = CASE WHEN $2 IN ('accepted', 'rejected') THEN $4::timestamptz ELSE answered_at END,
       claimed_at = NULL, claim_id = NULL, version = version + 1
     WHERE id = $1 AND claim_id = $8 AND status IN ('pending', 'failed')`,
    [reportId, result.outcome, result.attempts, now, result.status, result.body, result.outcome === 'accepted' ? null : result.reason, claimId]);
}

/**
 * Sends the municipality's pending (and earlier failed) reports, oldest first, exactly as stored:
 * a resend is the same Bundle with the same id. Like the outbox: (1) a short transaction claims
 * them, (2) after it commits each is sent (the client retries with backoff), (3) each answer is
 * stored in its own transaction right after it arrives. No lock is held while the gateway answers;
 * a second sender at the same time (the nightly job and a staff member's "send now") finds the
 * reports claimed and sends nothing twice; a crash loses at most one answer, and resending that
 * report after CLAIM_MINUTES is harmless.
 */
export async function sendPending(db: Database, vault: CprVault, client: GatewayClient, municipalityId: string, now: () => Date): Promise<SendSummary> {
  const claimId = randomUUID();
  const queue = await db.tenantTransaction(municipalityId, (tx) => claimQueued(tx, now(), claimId));
  const summary: SendSummary = { sent: 0, accepted: 0, rejected: 0, failed: 0 };
  for (const report of queue) {
    const result = await client.send(report.id, vault.decrypt(report.bundle_encrypted));
    summary.sent++;
    summary[result.outcome]++;
    await db.tenantTransaction(municipalityId, (tx) => recordAnswer(tx, report.id, claimId, now(), result));
  }
  return summary;
}
