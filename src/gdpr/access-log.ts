import type { Queryable } from '../db/database.ts';

export interface AccessLogEntry {
  at: string; actorName: string | null; actorRole: string; action: string; purpose: string; resourceType: string;
}

/**
 * "Who has looked at this citizen's record, when and why": every audit event about the citizen,
 * newest first, with the staff member's name (the audit log keeps ids; names come from accounts).
 */
export async function accessLog(tx: Queryable, citizenId: string, limit = 5000): Promise<AccessLogEntry[]> {
  const rows = (await tx.query<{ occurred_at: Date; display_name: string | null; actor_role: string; action: string; purpose: string; resource_type: string }>(
    `SELECT a.occurred_at, u.display_name, a.actor_role, a.action, a.purpose, a.resource_type
       FROM audit_event a LEFT JOIN staff_user u ON u.id = a.actor_id
      WHERE a.citizen_id = $1 ORDER BY a.chain_index DESC LIMIT $2`, [citizenId, limit])).rows;
  return rows.map((r) => ({
    at: new Date(r.occurred_at).toISOString(), actorName: r.display_name, actorRole: r.actor_role, action: r.action, purpose: r.purpose, resourceType: r.resource_type,
  }));
}
