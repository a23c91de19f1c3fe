import type { Database } from '../db/database.ts';
import type { CprVault } from '../citizens/cpr-vault.ts';

export interface RotationResult { citizens: number; history: number; reports: number; totpSecrets: number }

/**
 * Re-encrypts every value still under an older CPR key with the current one, in small batches of
 * short transactions, while the service keeps running: the vault reads old and new key ids alike.
 * Once it reports zero everywhere, the old key can be removed from LIGEVEJ_CPR_PREVIOUS_KEYS.
 * Runs as the owner (it rewrites history rows, which the application role may not).
 */
export async function rotateCprKey(db: Database, vault: CprVault, municipalityId: string, batch = 500): Promise<RotationResult> {
  const prefix = `${vault.currentKeyId}.`;
  const result: RotationResult = { citizens: 0, history: 0, reports: 0, totpSecrets: 0 };
  const loop = async (select: string, update: string, field: keyof RotationResult) => {
    for (;;) {
      const n = await db.ownerTransaction(async (tx) => {
        const rows = (await tx.query<{ id: string; value: string }>(select, [municipalityId, prefix, batch])).rows;
        for (const r of rows) await tx.query(update, [r.id, vault.encrypt(vault.decrypt(r.value))]);
        return rows.length;
      });
      result[field] += n;
      if (n < batch) return;
    }
  };
  await loop(`SELECT id::text, cpr_encrypted AS value FROM citizen WHERE municipality_id = $1 AND left(cpr_encrypted, length($2)) <> $2 LIMIT $3 FOR UPDATE`,
    'UPDATE citizen SET cpr_encrypted = $2 WHERE id = $1', 'citizens');
  await loop(`SELECT id::text, data->>'cpr_encrypted' AS value FROM record_history
               WHERE municipality_id = $1 AND table_name = 'citizen' AND data ? 'cpr_encrypted' AND left(data->>'cpr_encrypted', length($2)) <> $2 LIMIT $3 FOR UPDATE`,
    `UPDATE record_history SET data = jsonb_set(data, '{cpr_encrypted}', to_jsonb($2::text)) WHERE id = $1::bigint`, 'history');
  await loop(`SELECT id::text, bundle_encrypted AS value FROM kl_report WHERE municipality_id = $1 AND left(bundle_encrypted, length($2)) <> $2 LIMIT $3 FOR UPDATE`,
    'UPDATE kl_report SET bundle_encrypted = $2 WHERE id = $1', 'reports');
  await loop(`SELECT id::text, totp_secret_encrypted AS value FROM staff_user WHERE municipality_id = $1 AND totp_secret_encrypted IS NOT NULL AND left(totp_secret_encrypted, length($2)) <> $2 LIMIT $3 FOR UPDATE`,
    'UPDATE staff_user SET totp_secret_encrypted = $2 WHERE id = $1', 'totpSecrets');
  return result;
}
