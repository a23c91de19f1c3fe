import type { Database } from '../db/database.ts';
import { findFirstBreak, GENESIS_HASH, type ChainBreak } from './audit-chain.ts';

interface Row {
  seq: string; municipality_id: string; chain_index: string; occurred_at: Date; actor_id: string | null; actor_role: string;
  action: string; citizen_id: string | null; resource_type: string; resource_id: string | null; purpose: string;
  detail: Record<string, unknown>; prev_hash: string; hash: string;
}

export interface VerifyResult {
  checked: number;
  municipalities: number;
  firstBreak: ChainBreak | null;
}

/** Walks every municipality's chain in pages; stops at the first broken link. */
export async function verifyAuditChain(db: Database, opts: { municipalityId?: string; pageSize?: number } = {}): Promise<VerifyResult> {
  const pageSize = opts.pageSize ?? 5000;
  const municipalities = opts.municipalityId
    ? [{ municipality_id: opts.municipalityId }]
    : (await db.owner.query<{ municipality_id: string }>('SELECT DISTINCT municipality_id FROM audit_event ORDER BY 1')).rows;
  let checked = 0;
  for (const { municipality_id } of municipalities) {
    const state = { prevHash: GENESIS_HASH, nextIndex: 1 };
    let after = 0;
    for (;;) {
      const page = (await db.owner.query<Row>(
        `SELECT * FROM audit_event WHERE municipality_id = $1 AND chain_index > $2 ORDER BY chain_index LIMIT $3`,
        [municipality_id, after, pageSize],
      )).rows;
      if (page.length === 0) break;
      const firstBreak = findFirstBreak(page.map((r) => ({
        seq: Number(r.seq), municipalityId: r.municipality_id, chainIndex: Number(r.chain_index),
        occurredAt: new Date(r.occurred_at).toISOString(), actorId: r.actor_id, actorRole: r.actor_role, action: r.action,
        citizenId: r.citizen_id, resourceType: r.resource_type, resourceId: r.resource_id, purpose: r.purpose,
        detail: r.detail, prevHash: r.prev_hash, hash: r.hash,
      })), state);
      checked += page.length;
      if (firstBreak) return { checked, municipalities: municipalities.length, firstBreak };
      after = Number(page.at(-1)!.chain_index);
    }
  }
  return { checked, municipalities: municipalities.length, firstBreak: null };
}
