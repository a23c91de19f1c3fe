import type { Database } from '../db/database.ts';
import type { CprVault } from '../citizens/cpr-vault.ts';
import type { GatewayClient } from './gateway-client.ts';

export interface SendSummary { sent: number; accepted: number; rejected: number; failed: number }

/**
 * Sends the municipality's pending (and earlier failed) reports, oldest first, exactly as stored:
 * a resend is the same Bundle with the same id. Each answer is stored in its own transaction right
 * after it arrives, so a crash loses at most one answer, and resending that report is harmless.
 */
export async function sendPending(db: Database, vault: CprVault, client: GatewayClient, municipalityId: string, now: () => Date): Promise<SendSummary> {
  const queue = await db.tenantTransaction(municipalityId, async (tx) => (await tx.query<{ id: string; bundle_encrypted: string }>(
    `SELECT id, bundle_encrypted FROM kl_report WHERE status IN ('pending', 'failed') ORDER BY created_at, id`)).rows);
  const summary: SendSummary = { sent: 0, accepted: 0, rejected: 0, failed: 0 };
  for (const report of queue) {
    const result = await client.send(report.id, vault.decrypt(report.bundle_encrypted));
    summary.sent++;
    summary[result.outcome]++;
    await db.tenantTransaction(municipalityId, (tx) => tx.query(
      `UPDATE kl_report SET status = $2, attempts = attempts + $3, last_attempt_at = $4, response_status = $5, response_body = $6,
         rejection_reason = $7, answered_at = CASE WHEN $2 IN ('accepted', 'rejected') THEN $4::timestamptz ELSE answered_at END, version = version + 1
       WHERE id = $1 AND status IN ('pending', 'failed')`,
      [report.id, result.outcome, result.attempts, now(), result.status, result.body, result.outcome === 'accepted' ? null : result.reason]));
  }
  return summary;
}
