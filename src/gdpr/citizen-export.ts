import type { Queryable } from '../db/database.ts';
import type { CprVault } from '../citizens/cpr-vault.ts';
import { accessLog, type AccessLogEntry } from './access-log.ts';

export interface CitizenExport {
  citizen: Record<string, unknown>;
  /** Every row about the citizen in every table the application can read, by table. */
  records: Record<string, Record<string, unknown>[]>;
  /** Earlier versions of corrected rows (rectification history). */
  history: { table: string; rowId: string; version: number; replacedAt: string; data: Record<string, unknown> }[];
  accessLog: AccessLogEntry[];
}

const SECRET_COLUMN = /(_encrypted|_hash|^token|secret)/;
const IDENT = /^[a-z_][a-z0-9_]*$/;

const clean = (row: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !SECRET_COLUMN.test(k)).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));

/**
 * Everything about one citizen (GDPR art. 15). Tables are found from the catalogue — every table
 * with a citizen_id column the application role may read — so new features are included without
 * changes here. Runs in a tenant transaction: row-level security keeps it to the municipality.
 */
export async function exportCitizen(tx: Queryable, vault: CprVault, citizenId: string): Promise<CitizenExport | null> {
  const citizenRow = (await tx.query<Record<string, unknown>>('SELECT * FROM citizen WHERE id = $1', [citizenId])).rows[0];
  if (!citizenRow) return null;
  const citizen = { ...clean(citizenRow), cpr: citizenRow.cpr_encrypted ? vault.decrypt(String(citizenRow.cpr_encrypted)) : null };
  const tables = (await tx.query<{ table_name: string }>(
    `SELECT DISTINCT c.table_name FROM information_schema.columns c
      WHERE c.table_schema = 'public' AND c.column_name = 'citizen_id' AND c.table_name NOT IN ('audit_event')
        AND has_table_privilege(current_user, format('%I', c.table_name), 'SELECT')
      ORDER BY c.table_name`)).rows.map((r) => r.table_name).filter((t) => IDENT.test(t));
  const records: CitizenExport['records'] = {};
  for (const table of tables) {
    const rows = (await tx.query<Record<string, unknown>>(`SELECT * FROM ${table} WHERE citizen_id = $1 LIMIT 10000`, [citizenId])).rows;
    if (rows.length > 0) records[table] = rows.map(clean);
  }
  const ids = [citizenId, ...Object.values(records).flat().map((r) => r.id).filter((id): id is string => typeof id === 'string')];
  const history = (await tx.query<{ table_name: string; row_id: string; version: number; replaced_at: Date; data: Record<string, unknown> }>(
    'SELECT table_name, row_id, version, replaced_at, data FROM record_history WHERE row_id = ANY($1::uuid[]) ORDER BY replaced_at, id', [ids])).rows
    .map((h) => ({ table: h.table_name, rowId: h.row_id, version: h.version, replacedAt: new Date(h.replaced_at).toISOString(), data: clean(h.data) }));
  return { citizen, records, history, accessLog: await accessLog(tx, citizenId) };
}
