import type { Queryable } from '../db/database.ts';
import type { CprVault } from '../citizens/cpr-vault.ts';
import type { CitizenRecords, ConditionRecord, DiagnosisRecord, EncounterRecord, InterventionRecord, OrganizationRecord, PathwayRecord, ReferralRecord } from './records.ts';

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
type Row = Record<string, unknown>;
const s = (v: unknown): string => String(v);
const n = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * Loads the §119 records of the given citizens in the transaction's municipality (row-level
 * security applies), in the order the report lists them. Eight queries however many citizens.
 */
export async function loadCitizenRecords(tx: Queryable, vault: CprVault, citizenIds: readonly string[]): Promise<CitizenRecords[]> {
  if (!citizenIds.length) return [];
  const q = async (sql: string): Promise<Row[]> => (await tx.query<Row>(sql, [citizenIds])).rows;
  const municipality = (await tx.query<Row>('SELECT id, sor_code, name FROM municipality WHERE id = current_municipality()')).rows[0];
  if (!municipality) throw new Error('loadCitizenRecords needs a tenant transaction');
  const [citizens, organizations, referrals, diagnoses, conditions, pathways, interventions, encounters] = await Promise.all([
    q('SELECT id, cpr_encrypted, deceased FROM citizen WHERE id = ANY($1) ORDER BY id'),
    q('SELECT id, id_system, id_value, name FROM organization WHERE $1::uuid[] IS NOT NULL ORDER BY name, id'),
    q('SELECT id, citizen_id, received_at, stage, replaces_id, referring_organization_id FROM referral WHERE citizen_id = ANY($1) ORDER BY received_at, id'),
    q(`SELECT d.id, d.referral_id, d.system, d.code, d.display, d.clinical_status, d.verification_status FROM referral_diagnosis d
       JOIN referral r ON r.id = d.referral_id WHERE r.citizen_id = ANY($1) ORDER BY d.position, d.id`),
    q(`SELECT id, citizen_id, referral_id, code, recorded_on::text AS recorded_on, clinical_status, verification_status FROM condition
       WHERE citizen_id = ANY($1) ORDER BY recorded_on, created_at, id`),
    q(`SELECT id, citizen_id, referral_id, category, granted_on::text AS granted_on, ended_on::text AS ended_on, status, cancellation_reason,
       performer_organization_id FROM pathway WHERE citizen_id = ANY($1) ORDER BY granted_on, created_at, id`),
    q(`SELECT i.id, i.citizen_id, i.referral_id, i.pathway_id, i.fsiii_code, i.local_code, i.local_display, i.delivery_type, i.performer_organization_id,
         i.granted_on::text AS granted_on, i.start_date::text AS start_date, i.end_date::text AS end_date, i.status, i.cancellation_reason,
         coalesce((SELECT array_agg(ic.condition_id::text ORDER BY ic.condition_id) FROM intervention_condition ic WHERE ic.intervention_id = i.id), '{}') AS condition_ids
       FROM intervention i WHERE i.citizen_id = ANY($1) ORDER BY i.granted_on, i.created_at, i.id`),
    q(`SELECT id, citizen_id, referral_id, pathway_id, intervention_id, purpose, class, start_at, end_at, status FROM encounter
       WHERE citizen_id = ANY($1) ORDER BY start_at, id`),
  ]);
  const of = <T>(rows: Row[], key: string, map: (r: Row) => T) => {
    const grouped = new Map<string, T[]>();
    for (const r of rows) grouped.set(s(r[key]), [...(grouped.get(s(r[key])) ?? []), map(r)]);
    return (id: string): T[] => grouped.get(id) ?? [];
  };
  const orgs: OrganizationRecord[] = organizations.map((o) => ({ id: s(o.id), idSystem: o.id_system as OrganizationRecord['idSystem'], idValue: s(o.id_value), name: s(o.name) }));
  const diagnosesOf = of<DiagnosisRecord>(diagnoses, 'referral_id', (d) => ({
    id: s(d.id), system: d.system as DiagnosisRecord['system'], code: s(d.code), display: n(d.display),
    clinicalStatus: d.clinical_status as DiagnosisRecord['clinicalStatus'], verificationStatus: d.verification_status as DiagnosisRecord['verificationStatus'],
  }));
  const referralsOf = of<ReferralRecord>(referrals, 'citizen_id', (r) => ({
    id: s(r.id), receivedAt: iso(r.received_at), stage: s(r.stage), replacesId: n(r.replaces_id), referringOrganizationId: n(r.referring_organization_id),
    diagnoses: diagnosesOf(s(r.id)),
  }));
  const conditionsOf = of<ConditionRecord>(conditions, 'citizen_id', (c) => ({
    id: s(c.id), referralId: s(c.referral_id), code: s(c.code), recordedOn: s(c.recorded_on),
    clinicalStatus: c.clinical_status as ConditionRecord['clinicalStatus'], verificationStatus: c.verification_status as ConditionRecord['verificationStatus'],
  }));
  const pathwaysOf = of<PathwayRecord>(pathways, 'citizen_id', (p) => ({
    id: s(p.id), referralId: s(p.referral_id), category: p.category as PathwayRecord['category'], grantedOn: s(p.granted_on), endedOn: n(p.ended_on),
    status: s(p.status), cancellationReason: n(p.cancellation_reason), performerOrganizationId: n(p.performer_organization_id),
  }));
  const interventionsOf = of<InterventionRecord>(interventions, 'citizen_id', (i) => ({
    id: s(i.id), referralId: s(i.referral_id), pathwayId: n(i.pathway_id), fsiiiCode: n(i.fsiii_code), localCode: n(i.local_code), localDisplay: n(i.local_display),
    deliveryType: s(i.delivery_type), performerOrganizationId: n(i.performer_organization_id), grantedOn: s(i.granted_on), startDate: n(i.start_date),
    endDate: n(i.end_date), status: s(i.status), cancellationReason: n(i.cancellation_reason), conditionIds: (i.condition_ids as unknown[]).map(String),
  }));
  const encountersOf = of<EncounterRecord>(encounters, 'citizen_id', (e) => ({
    id: s(e.id), referralId: s(e.referral_id), pathwayId: n(e.pathway_id), interventionId: n(e.intervention_id), purpose: s(e.purpose), class: s(e.class),
    startAt: iso(e.start_at), endAt: iso(e.end_at), status: s(e.status),
  }));
  return citizens.map((c) => ({
    municipality: { id: s(municipality.id), sorCode: s(municipality.sor_code), name: s(municipality.name) },
    citizen: { id: s(c.id), cpr: vault.decrypt(s(c.cpr_encrypted)), deceased: c.deceased === true },
    organizations: orgs,
    referrals: referralsOf(s(c.id)), conditions: conditionsOf(s(c.id)), pathways: pathwaysOf(s(c.id)),
    interventions: interventionsOf(s(c.id)), encounters: encountersOf(s(c.id)),
  }));
}

/** Citizens with anything registered or changed in [from, to] (calendar days, UTC), in the transaction's municipality. */
export async function citizensWithActivity(tx: Queryable, from: string, to: string): Promise<string[]> {
  const rows = await tx.query<{ citizen_id: string }>(
    `WITH p AS (SELECT $1::date::timestamp AT TIME ZONE 'UTC' AS lo, ($2::date + 1)::timestamp AT TIME ZONE 'UTC' AS hi)
     SELECT DISTINCT citizen_id::text FROM (
       SELECT citizen_id FROM referral, p WHERE received_at >= lo AND received_at < hi OR updated_at >= lo AND updated_at < hi
       UNION SELECT citizen_id FROM encounter, p WHERE start_at >= lo AND start_at < hi OR updated_at >= lo AND updated_at < hi
       UNION SELECT citizen_id FROM pathway, p WHERE granted_on BETWEEN $1 AND $2 OR ended_on BETWEEN $1 AND $2 OR updated_at >= lo AND updated_at < hi
       UNION SELECT citizen_id FROM intervention, p WHERE granted_on BETWEEN $1 AND $2 OR start_date BETWEEN $1 AND $2 OR end_date BETWEEN $1 AND $2
         OR updated_at >= lo AND updated_at < hi
       UNION SELECT citizen_id FROM condition WHERE recorded_on BETWEEN $1 AND $2
     ) active ORDER BY citizen_id`, [from, to]);
  return rows.rows.map((r) => r.citizen_id);
}
