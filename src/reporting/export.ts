import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.ts';
import type { CprVault } from '../citizens/cpr-vault.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { deliveryReport } from './bundle.ts';
import type { Bundle } from './fhir.ts';
import { citizensWithActivity, loadCitizenRecords } from './load-records.ts';
import { mapCitizen } from './map-citizen.ts';
import { validateReport } from './validate/validate.ts';
import type { Json } from './validate/issues.ts';

export interface ExportOptions {
  from: string; to: string; now: Date;
  /** Only this municipality (its code); every municipality when absent. */
  municipalityCode?: string | undefined;
  /** Receives each report; the name is the citizen's id, never anything personal. */
  write: (citizenId: string, report: Bundle) => Promise<void>;
}

export interface ExportSummary {
  from: string; to: string; generatedAt: string;
  reports: number; valid: number; invalid: number;
  resources: Record<string, number>;
  municipalities: { code: string; name: string; reports: number; invalid: number }[];
}

const BATCH = 250;

/**
 * Writes one delivery report per citizen with activity in [from, to], each municipality in its own
 * tenant transaction (row-level security applies) and every exported citizen audit-logged as an export
 * for reporting. The reports hold the citizens' full current state; each is validated on the way.
 */
export async function exportReports(db: Database, vault: CprVault, opts: ExportOptions): Promise<ExportSummary> {
  const summary: ExportSummary = { from: opts.from, to: opts.to, generatedAt: opts.now.toISOString(), reports: 0, valid: 0, invalid: 0, resources: {}, municipalities: [] };
  const municipalities = (await db.owner.query<{ id: string; code: string; name: string }>(
    'SELECT id, code, name FROM municipality WHERE $1::text IS NULL OR code = $1 ORDER BY code', [opts.municipalityCode ?? null])).rows;
  for (const m of municipalities) {
    const counts = { code: m.code, name: m.name, reports: 0, invalid: 0 };
    await db.tenantTransaction(m.id, async (tx) => {
      const ids = await citizensWithActivity(tx, opts.from, opts.to);
      for (let i = 0; i < ids.length; i += BATCH) {
        for (const records of await loadCitizenRecords(tx, vault, ids.slice(i, i + BATCH))) {
          const report = deliveryReport(randomUUID(), opts.now, mapCitizen(records));
          const valid = validateReport(report as unknown as Json).length === 0;
          await opts.write(records.citizen.id, report);
          counts.reports++;
          if (!valid) counts.invalid++;
          for (const e of report.entry) summary.resources[e.resource.resourceType] = (summary.resources[e.resource.resourceType] ?? 0) + 1;
        }
      }
      await appendAudit(tx, { userId: null, role: 'system', municipalityId: m.id }, opts.now, ids.map((citizenId) => ({
        action: 'export' as const, resourceType: 'KlGatewayReport', citizenId, purpose: 'reporting' as const, detail: { from: opts.from, to: opts.to },
      })));
    });
    summary.municipalities.push(counts);
    summary.reports += counts.reports;
    summary.invalid += counts.invalid;
  }
  summary.valid = summary.reports - summary.invalid;
  return summary;
}
