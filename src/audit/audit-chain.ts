import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecord {
  municipalityId: string;
  chainIndex: number;
  occurredAt: string;
  actorId: string | null;
  actorRole: string;
  action: string;
  citizenId: string | null;
  resourceType: string;
  resourceId: string | null;
  purpose: string;
  detail: Record<string, unknown>;
  prevHash: string;
}

/** Key order in jsonb is not the insertion order, so objects are hashed with sorted keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function auditHash(r: AuditRecord): string {
  const body = canonical([
    r.municipalityId, r.chainIndex, r.occurredAt, r.actorId, r.actorRole, r.action,
    r.citizenId, r.resourceType, r.resourceId, r.purpose, r.detail, r.prevHash,
  ]);
  return createHash('sha256').update(body).digest('hex');
}

export interface ChainBreak {
  municipalityId: string;
  seq: number;
  chainIndex: number;
  problem: 'altered' | 'missing_before' | 'reordered';
}

/** Checks one municipality's chain in order; returns the first broken link or null. */
export function findFirstBreak(rows: Iterable<AuditRecord & { seq: number; hash: string }>, state = { prevHash: GENESIS_HASH, nextIndex: 1 }): ChainBreak | null {
  for (const row of rows) {
    const at = { municipalityId: row.municipalityId, seq: row.seq, chainIndex: row.chainIndex };
    if (row.chainIndex !== state.nextIndex || row.prevHash !== state.prevHash) {
      return { ...at, problem: row.chainIndex > state.nextIndex ? 'missing_before' : 'reordered' };
    }
    if (auditHash(row) !== row.hash) return { ...at, problem: 'altered' };
    state.prevHash = row.hash;
    state.nextIndex += 1;
  }
  return null;
}
