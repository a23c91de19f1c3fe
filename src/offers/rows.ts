import type { Queryable } from '../db/database.ts';

/**
 * Small helpers the catalogue, association, bridge and campaign services share: API fields are
 * camelCase, columns snake_case. Values pass through as parameters, never into the SQL text; column
 * names come from the zod-checked input's keys, which the schemas restrict.
 */
export const snake = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const camel = (s: string): string => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The defined fields of an input as columns. */
export function columnsOf(input: Record<string, unknown>, omit: readonly string[] = []): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && !omit.includes(k)).map(([k, v]) => [snake(k), v]));
}

/** A row with camelCase keys; timestamps as ISO strings (dates should be selected ::text). */
export function camelRow<T>(row: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), v instanceof Date ? v.toISOString() : v])) as T;
}

/** Inserts one row in the caller's municipality and returns its id. */
export async function insertRow(tx: Queryable, table: string, municipalityId: string, values: Record<string, unknown>): Promise<string> {
  const columns = ['municipality_id', ...Object.keys(values)];
  const params = [municipalityId, ...Object.values(values)];
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`;
  return (await tx.query<{ id: string }>(sql, params)).rows[0]!.id;
}
