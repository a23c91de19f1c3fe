import Postgrator from 'postgrator';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

const migrationsDir = fileURLToPath(new URL('../../migrations', import.meta.url));
const MIGRATION_LOCK = 11900119;

/**
 * Applies the forward-only migrations in one transaction. An advisory lock makes it safe when
 * several processes (servers, parallel test files) start against the same database at once.
 */
export async function migrate(db: Database): Promise<string[]> {
  return db.ownerTransaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const postgrator = new Postgrator({
      migrationPattern: `${migrationsDir}/*.do.*.sql`,
      driver: 'pg',
      schemaTable: 'schema_migration',
      execQuery: async (query: string) => ({ rows: await tx.exec(query) }),
    });
    const applied = await postgrator.migrate();
    return applied.map((m) => m.filename);
  });
}
