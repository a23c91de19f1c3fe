import type { Database } from '../db/database.ts';
import type { CprVault } from '../citizens/cpr-vault.ts';
import type { Actor } from '../audit/audit-log.ts';
import { gatewayClient } from './gateway-client.ts';
import type { GatewayConfig } from './gateway-config.ts';
import { runReports } from './report-run.ts';
import { sendPending } from './send.ts';

/** What the KL Gateway job needs besides the database: the CPR vault (reports hold the CPR number) and where to send. */
export interface ReportingContext { vault: CprVault; gateway: GatewayConfig | undefined }

/**
 * The scheduler's KL Gateway job for one municipality ("document once, report everywhere"): a report
 * run (each citizen with changes since their last accepted report gets a validated report; nothing
 * already queued, rejected or invalid with the same content is made again), then, when sending is
 * enabled, the queue is sent (claim, send after commit, record each answer). With sending disabled
 * the reports wait in the queue for staff or the CLI, as before. Counts only: no personal data.
 */
export async function klGatewayJob(db: Database, reporting: ReportingContext, actor: Actor, now: Date): Promise<Record<string, number>> {
  const run = await runReports(db, reporting.vault, actor, now);
  const built = { reports: run.reports, invalid: run.invalid };
  const gateway = reporting.gateway;
  if (!gateway?.enabled) return built;
  const sent = await sendPending(db, reporting.vault, gatewayClient(gateway), actor.municipalityId, () => now);
  return { ...built, sent: sent.sent, accepted: sent.accepted, rejected: sent.rejected, failed: sent.failed };
}
