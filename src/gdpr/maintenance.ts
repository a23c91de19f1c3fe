import type { Database } from '../db/database.ts';
import type { CprVault } from '../citizens/cpr-vault.ts';
import { appendAudit, type Actor } from '../audit/audit-log.ts';
import { AppError } from '../shared/errors.ts';
import type { RetentionCandidate, RetentionPolicy } from './retention.ts';
import { retentionDryRun, runRetention } from './retention-service.ts';
import { rotateCprKey, type RotationResult } from './key-rotation.ts';

/**
 * The GDPR jobs as the staff app's routes and the `ligevej` command run them alike: each audited
 * in the municipality's chain (counts only, never personal data).
 */

export async function auditedRetentionDryRun(db: Database, actor: Actor, policy: RetentionPolicy, now: Date): Promise<RetentionCandidate[]> {
  return db.tenantTransaction(actor.municipalityId, async (tx) => {
    const candidates = await retentionDryRun(tx, policy, now.toISOString().slice(0, 10));
    await appendAudit(tx, actor, now, [{ action: 'retention_run', resourceType: 'Retention', purpose: 'administration', detail: { dryRun: true, candidates: candidates.length } }]);
    return candidates;
  });
}

/** `expected`: the dry run an administrator confirmed in the staff app (the run is refused if it no longer matches). */
export async function auditedRetentionRun(db: Database, vault: CprVault, actor: Actor, policy: RetentionPolicy, clock: () => Date, expected?: { fingerprint: string; count: number }): Promise<RetentionCandidate[]> {
  let anonymised: RetentionCandidate[];
  try {
    anonymised = await runRetention(db, vault, actor, policy, clock(), expected);
  } catch (err) {
    // A run refused because the confirmed dry run no longer holds is an administrator's action too.
    if (err instanceof AppError && err.messageKey === 'error.retention_changed') {
      await db.tenantTransaction(actor.municipalityId, (tx) => appendAudit(tx, actor, clock(), [
        { action: 'retention_run', resourceType: 'Retention', purpose: 'administration', detail: { dryRun: false, refused: true, ...err.params } }]));
    }
    throw err;
  }
  await db.tenantTransaction(actor.municipalityId, (tx) => appendAudit(tx, actor, clock(), [
    { action: 'retention_run', resourceType: 'Retention', purpose: 'administration', detail: { dryRun: false, anonymised: anonymised.length } }]));
  return anonymised;
}

export async function auditedKeyRotation(db: Database, vault: CprVault, actor: Actor, clock: () => Date): Promise<RotationResult & { keyId: string }> {
  const result = await rotateCprKey(db, vault, actor.municipalityId);
  await db.tenantTransaction(actor.municipalityId, (tx) => appendAudit(tx, actor, clock(), [
    { action: 'key_rotation', resourceType: 'CprKey', purpose: 'administration', detail: { keyId: vault.currentKeyId, ...result } }]));
  return { keyId: vault.currentKeyId, ...result };
}
