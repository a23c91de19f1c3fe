import type { Database, Queryable } from '../db/database.ts';
import type { CprVault } from '../citizens/cpr-vault.ts';
import type { Actor } from '../audit/audit-log.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { createCitizen, findCitizenIdByCpr } from '../citizens/citizen-service.ts';
import { createReferral } from '../referrals/referral-service.ts';
import { ReferralCreate } from '../referrals/referral-schemas.ts';
import type { ImportRow } from './referral-rows.ts';

export interface ImportCounts {
  rows: number;
  referralsCreated: number;
  /** Rows whose referral (same citizen, receipt time and source) already exists: an earlier run of the same file. */
  referralsAlreadyImported: number;
  citizensCreated: number;
  citizensReused: number;
  organizationsCreated: number;
}

export interface ImportOptions {
  now: Date;
  /** Runs everything, then rolls the transaction back: the counts are what a real run would do. */
  dryRun: boolean;
  /** Recorded in the audit event (never the file's contents). */
  source: { format: 'csv' | 'xlsx'; sha256: string };
}

class DryRunRollback extends Error {
  readonly counts: ImportCounts;
  constructor(counts: ImportCounts) {
    super('dry run');
    this.counts = counts;
  }
}

export const importActor = (municipalityId: string): Actor => ({ userId: null, role: 'system_import', municipalityId });

/**
 * Writes validated rows in ONE tenant transaction: if anything fails, nothing is stored.
 * Idempotent: a citizen is found by the keyed CPR hash, and a referral with the same citizen,
 * receipt time and source is skipped, so re-running a file adds nothing.
 */
export async function importReferrals(db: Database, vault: CprVault, municipalityId: string, rows: readonly ImportRow[], opts: ImportOptions): Promise<ImportCounts> {
  const actor = importActor(municipalityId);
  try {
    return await db.tenantTransaction(municipalityId, async (tx) => {
      const counts = await writeRows(tx, vault, actor, rows, opts.now);
      await appendAudit(tx, actor, opts.now, [{
        action: 'import', resourceType: 'Referral', purpose: 'administration',
        detail: { ...counts, format: opts.source.format, fileSha256: opts.source.sha256 },
      }]);
      if (opts.dryRun) throw new DryRunRollback(counts);
      return counts;
    });
  } catch (err) {
    if (err instanceof DryRunRollback) return err.counts;
    throw err;
  }
}

async function writeRows(tx: Queryable, vault: CprVault, actor: Actor, rows: readonly ImportRow[], now: Date): Promise<ImportCounts> {
  const counts: ImportCounts = { rows: rows.length, referralsCreated: 0, referralsAlreadyImported: 0, citizensCreated: 0, citizensReused: 0, organizationsCreated: 0 };
  const citizenIds = new Map<string, string>();
  const organizationIds = new Map<string, string>();
  for (const row of rows) {
    const c = row.citizen;
    let citizenId = citizenIds.get(c.cprDigits);
    if (!citizenId) {
      citizenId = (await findCitizenIdByCpr(tx, vault, c.cprDigits)) ?? undefined;
      if (citizenId) counts.citizensReused += 1;
      else {
        citizenId = (await createCitizen(tx, vault, actor, now, {
          cpr: c.cprDigits, givenName: c.givenName, familyName: c.familyName, addressLine: c.addressLine,
          postalCode: c.postalCode, city: c.city, phone: c.phone, preferredLanguage: 'da',
        })).id;
        counts.citizensCreated += 1;
      }
      citizenIds.set(c.cprDigits, citizenId);
    }

    const r = row.referral;
    let organizationId: string | undefined;
    if (r.referring) {
      organizationId = organizationIds.get(r.referring.sor);
      if (!organizationId) {
        organizationId = (await tx.query<{ id: string }>(
          `SELECT id FROM organization WHERE id_system = 'sor' AND id_value = $1`, [r.referring.sor])).rows[0]?.id;
        if (!organizationId) {
          organizationId = (await tx.query<{ id: string }>(
            `INSERT INTO organization (municipality_id, id_system, id_value, name, kind) VALUES ($1, 'sor', $2, $3, $4) RETURNING id`,
            [actor.municipalityId, r.referring.sor, r.referring.name ?? `SOR ${r.referring.sor}`, r.referring.kind])).rows[0]!.id;
          await appendAudit(tx, actor, now, [{ action: 'create', resourceType: 'Organization', resourceId: organizationId, purpose: 'administration' }]);
          counts.organizationsCreated += 1;
        }
        organizationIds.set(r.referring.sor, organizationId);
      }
    }

    const existing = await tx.query(
      'SELECT 1 FROM referral WHERE citizen_id = $1 AND source_code = $2 AND received_at = $3::timestamptz LIMIT 1',
      [citizenId, r.sourceCode, r.receivedAt]);
    if (existing.rows.length) {
      counts.referralsAlreadyImported += 1;
      continue;
    }
    await createReferral(tx, actor, now, ReferralCreate.parse({
      citizenId, sourceCode: r.sourceCode, referringOrganizationId: organizationId, diagnoses: r.diagnoses,
      receivedAt: r.receivedAt, reason: r.reason,
    }));
    counts.referralsCreated += 1;
  }
  return counts;
}
