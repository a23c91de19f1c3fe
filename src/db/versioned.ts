import type { Queryable } from './database.ts';
import { AppError, notFound } from '../shared/errors.ts';

/**
 * Optimistic locking: updates the row only if it still has the version the client saw, bumping
 * the version. A stale version changes nothing and raises version_conflict (HTTP 412).
 */
export async function updateVersioned<T extends Record<string, unknown>>(
  tx: Queryable, table: string, id: string, expected: number, set: Record<string, unknown>, resourceName: string,
): Promise<T> {
  const columns = Object.keys(set);
  const assignments = columns.map((c, i) => `${c} = $${i + 3}`);
  const touchesUpdatedAt = updatedAtTables.has(table);
  const sql = `UPDATE ${table} SET ${[...assignments, 'version = version + 1', ...(touchesUpdatedAt ? ['updated_at = now()'] : [])].join(', ')}
    WHERE id = $1 AND version = $2 RETURNING *`;
  const result = await tx.query<T>(sql, [id, expected, ...columns.map((c) => set[c])]);
  if (result.rows[0]) return result.rows[0];
  const current = (await tx.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id])).rows[0];
  if (!current) throw notFound(resourceName);
  throw new AppError('version_conflict', 'error.version_conflict', { resource: resourceName, expected, actual: current.version });
}

const updatedAtTables = new Set(['citizen', 'referral', 'pathway', 'intervention', 'encounter']);
