import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { getReferralRow, referralOut } from '../referrals/referral-service.ts';

const iso = (d: unknown): string | null => (d === null || d === undefined ? null : d instanceof Date ? d.toISOString() : String(d));

/** The whole course of one referral, as the citizen page and integrations need it. The read is audited. */
export async function readCourse(tx: Queryable, actor: Actor, now: Date, referralId: string) {
  const referral = await getReferralRow(tx, referralId);
  const rows = async <T>(sql: string) => (await tx.query<T>(sql, [referralId])).rows;
  const [contacts, encounters, pathways, interventions, conditions, observations] = await Promise.all([
    rows<Record<string, unknown>>('SELECT id, attempted_at, channel, outcome, note, entered_in_error, version FROM contact_attempt WHERE referral_id = $1 ORDER BY attempted_at'),
    rows<Record<string, unknown>>('SELECT id, pathway_id, intervention_id, purpose, class, start_at, end_at, status, note, version FROM encounter WHERE referral_id = $1 ORDER BY start_at'),
    rows<Record<string, unknown>>('SELECT id, category, granted_on::text, ended_on::text, status, cancellation_reason, coordinator_id, performer_organization_id, version FROM pathway WHERE referral_id = $1 ORDER BY created_at'),
    rows<Record<string, unknown>>(`SELECT i.id, i.pathway_id, i.fsiii_code, i.local_code, i.local_display, i.delivery_type, i.team_id, i.performer_user_id,
        i.granted_on::text, i.start_date::text, i.end_date::text, i.status, i.cancellation_reason, i.version,
        coalesce((SELECT array_agg(ic.condition_id) FROM intervention_condition ic WHERE ic.intervention_id = i.id), '{}') AS condition_ids
      FROM intervention i WHERE i.referral_id = $1 ORDER BY i.created_at`),
    rows<Record<string, unknown>>('SELECT id, code, recorded_on::text, clinical_status, verification_status, note, version FROM condition WHERE referral_id = $1 ORDER BY recorded_on'),
    rows<Record<string, unknown>>('SELECT id, encounter_id, measure, loinc, value, unit, time_point, effective_at, status, version FROM observation WHERE referral_id = $1 ORDER BY effective_at'),
  ]);
  await appendAudit(tx, actor, now, [{ action: 'read', resourceType: 'Course', resourceId: referralId, citizenId: referral.citizen_id }]);
  return {
    referral: await referralOut(tx, referral),
    contactAttempts: contacts.map((c) => ({ id: c.id, attemptedAt: iso(c.attempted_at), channel: c.channel, outcome: c.outcome, note: c.note, enteredInError: c.entered_in_error, version: c.version })),
    encounters: encounters.map((e) => ({ id: e.id, pathwayId: e.pathway_id, interventionId: e.intervention_id, purpose: e.purpose, class: e.class, startAt: iso(e.start_at), endAt: iso(e.end_at), status: e.status, note: e.note, version: e.version })),
    pathways: pathways.map((p) => ({ id: p.id, category: p.category, grantedOn: p.granted_on, endedOn: p.ended_on, status: p.status, cancellationReason: p.cancellation_reason, coordinatorId: p.coordinator_id, performerOrganizationId: p.performer_organization_id, version: p.version })),
    interventions: interventions.map((i) => ({ id: i.id, pathwayId: i.pathway_id, fsiiiCode: i.fsiii_code, localCode: i.local_code, localDisplay: i.local_display, deliveryType: i.delivery_type, teamId: i.team_id, performerUserId: i.performer_user_id, grantedOn: i.granted_on, startDate: i.start_date, endDate: i.end_date, status: i.status, cancellationReason: i.cancellation_reason, conditionIds: i.condition_ids, version: i.version })),
    conditions: conditions.map((c) => ({ id: c.id, code: c.code, recordedOn: c.recorded_on, clinicalStatus: c.clinical_status, verificationStatus: c.verification_status, note: c.note, version: c.version })),
    observations: observations.map((o) => ({ id: o.id, encounterId: o.encounter_id, measure: o.measure, loinc: o.loinc, value: Number(o.value), unit: o.unit, timePoint: o.time_point, effectiveAt: iso(o.effective_at), status: o.status, version: o.version })),
  };
}
