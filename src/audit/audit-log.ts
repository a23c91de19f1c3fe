import type { Queryable } from '../db/database.ts';
import { auditHash, GENESIS_HASH, type AuditRecord } from './audit-chain.ts';

export type AuditAction =
  | 'read' | 'search' | 'create' | 'update' | 'correct' | 'transition'
  | 'read_full_cpr' | 'export' | 'import' | 'login' | 'logout' | 'bulk_load'
  // Security and privacy (issue 8): account administration and the duties towards citizens.
  | 'login_failed' | 'account_locked' | 'account_unlocked' | 'password_changed' | 'mfa_enrolled' | 'mfa_reset'
  | 'api_key_created' | 'api_key_revoked' | 'staff_admin' | 'consent_recorded' | 'retention_run' | 'anonymise'
  | 'key_rotation' | 'access_log_read';

export type AuditPurpose = 'care' | 'administration' | 'quality' | 'reporting' | 'citizen_request';

export interface Actor {
  userId: string | null;
  role: string;
  municipalityId: string;
}

export interface AuditEntry {
  action: AuditAction;
  resourceType: string;
  resourceId?: string | null;
  citizenId?: string | null;
  purpose?: AuditPurpose;
  detail?: Record<string, unknown>;
}

/**
 * Appends audit events in the caller's transaction, so an event exists exactly when the read or
 * write it records committed. A per-municipality advisory lock keeps the hash chain linear.
 */
export async function appendAudit(tx: Queryable, actor: Actor, now: Date, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`audit:${actor.municipalityId}`]);
  const last = await tx.query<{ chain_index: string; hash: string }>(
    'SELECT chain_index, hash FROM audit_event WHERE municipality_id = $1 ORDER BY chain_index DESC LIMIT 1',
    [actor.municipalityId],
  );
  let prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
  let index = Number(last.rows[0]?.chain_index ?? 0);
  const occurredAt = now.toISOString();
  const values: unknown[] = [];
  const tuples: string[] = [];
  for (const e of entries) {
    index += 1;
    const record: AuditRecord = {
      municipalityId: actor.municipalityId, chainIndex: index, occurredAt, actorId: actor.userId, actorRole: actor.role,
      action: e.action, citizenId: e.citizenId ?? null, resourceType: e.resourceType, resourceId: e.resourceId ?? null,
      purpose: e.purpose ?? 'care', detail: e.detail ?? {}, prevHash,
    };
    const hash = auditHash(record);
    const row = [record.municipalityId, record.chainIndex, record.occurredAt, record.actorId, record.actorRole, record.action,
      record.citizenId, record.resourceType, record.resourceId, record.purpose, JSON.stringify(record.detail), prevHash, hash];
    tuples.push(`(${row.map((v) => { values.push(v); return `$${values.length}`; }).join(',')})`);
    prevHash = hash;
  }
  await tx.query(
    `INSERT INTO audit_event (municipality_id, chain_index, occurred_at, actor_id, actor_role, action, citizen_id,
       resource_type, resource_id, purpose, detail, prev_hash, hash) VALUES ${tuples.join(',')}`,
    values,
  );
}
