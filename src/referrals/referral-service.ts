import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { allowedEvents, type State } from '../domain/pathway-state.ts';
import { notFound, validationError, type FieldProblem } from '../shared/errors.ts';
import { refreshPathwayFact } from '../analytics/refresh-fact.ts';
import type { ReferralCreate, ReferralOut } from './referral-schemas.ts';

export interface ReferralRow {
  id: string; municipality_id: string; citizen_id: string; source_code: string; referring_organization_id: string | null;
  received_at: Date; reason: string | null; replaces_id: string | null; stage: State; closed_reason: string | null; version: number;
}

/** Checks that referenced rows exist in the caller's municipality (RLS hides the others, so they "do not exist"). */
export async function referencesExist(tx: Queryable, refs: { path: string; table: string; id: string | null | undefined }[]): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  for (const ref of refs) {
    if (!ref.id) continue;
    const found = await tx.query(`SELECT 1 FROM ${ref.table} WHERE id = $1`, [ref.id]);
    if (!found.rows.length) problems.push({ path: ref.path, rule: 'reference.unknown' });
  }
  return problems;
}

export async function createReferral(tx: Queryable, actor: Actor, now: Date, input: ReferralCreate): Promise<ReferralRow> {
  const problems = await referencesExist(tx, [
    { path: 'citizenId', table: 'citizen', id: input.citizenId },
    { path: 'referringOrganizationId', table: 'organization', id: input.referringOrganizationId },
    { path: 'replacesId', table: 'referral', id: input.replacesId },
  ]);
  if (new Date(input.receivedAt).getTime() > now.getTime() + 5 * 60_000) problems.push({ path: 'receivedAt', rule: 'not_in_future' });
  if (problems.length) throw validationError(problems);
  const row = (await tx.query<ReferralRow>(
    `INSERT INTO referral (municipality_id, citizen_id, source_code, referring_organization_id, received_at, reason, replaces_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [actor.municipalityId, input.citizenId, input.sourceCode, input.referringOrganizationId ?? null, input.receivedAt,
      input.reason ?? null, input.replacesId ?? null, actor.userId],
  )).rows[0]!;
  for (const [i, d] of input.diagnoses.entries()) {
    await tx.query(
      'INSERT INTO referral_diagnosis (municipality_id, referral_id, system, code, display, position) VALUES ($1, $2, $3, $4, $5, $6)',
      [actor.municipalityId, row.id, d.system, d.code, d.display ?? null, i + 1],
    );
  }
  await appendAudit(tx, actor, now, [{ action: 'create', resourceType: 'Referral', resourceId: row.id, citizenId: row.citizen_id }]);
  await refreshPathwayFact(tx, row.id);
  return row;
}

export async function getReferralRow(tx: Queryable, id: string, forUpdate = false): Promise<ReferralRow> {
  const row = (await tx.query<ReferralRow>(`SELECT * FROM referral WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id])).rows[0];
  if (!row) throw notFound('Henvisning');
  return row;
}

export async function referralOut(tx: Queryable, row: ReferralRow): Promise<ReferralOut> {
  const diagnoses = (await tx.query<{ id: string; system: string; code: string; display: string | null; verification_status: string; version: number }>(
    'SELECT id, system, code, display, verification_status, version FROM referral_diagnosis WHERE referral_id = $1 ORDER BY position, id', [row.id])).rows;
  return {
    id: row.id, citizenId: row.citizen_id, sourceCode: row.source_code, referringOrganizationId: row.referring_organization_id,
    receivedAt: new Date(row.received_at).toISOString(), reason: row.reason, replacesId: row.replaces_id, stage: row.stage,
    closedReason: row.closed_reason, version: row.version,
    diagnoses: diagnoses.map((d) => ({ id: d.id, system: d.system, code: d.code, display: d.display, verificationStatus: d.verification_status, version: d.version })),
    allowedNextSteps: allowedEvents(row.stage),
  };
}
