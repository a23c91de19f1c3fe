import { join } from 'node:path';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { createCprVault, type CprVault } from '../citizens/cpr-vault.ts';

export interface Opened {
  config: Config;
  db: Database;
  vault: CprVault;
  applied: string[];
}

/** Opens the configured database (PGlite under the data directory, or DATABASE_URL) and migrates it. */
export async function openConfigured(): Promise<Opened> {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
  const applied = await migrate(db);
  return { config, db, vault: createCprVault(config.cprEncryptionKey, config.cprLookupKey, { keyId: config.cprKeyId ?? 'v1', previousKeys: config.previousCprKeys ?? {} }), applied };
}
