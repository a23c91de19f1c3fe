import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { CprVault } from '../citizens/cpr-vault.ts';

/** What route modules and services may use. The clock is injected so tests can fix time. */
export interface Deps {
  db: Database;
  config: Config;
  vault: CprVault;
  clock: () => Date;
}
