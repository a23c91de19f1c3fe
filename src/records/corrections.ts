import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { updateVersioned } from '../db/versioned.ts';
import { refreshFactsOfCitizen, refreshPathwayFact } from '../analytics/refresh-fact.ts';

/** Where "entered in error" lives for each kind of record. Nothing is ever deleted. */
export const correctable = {
  'contact-attempts': { table: 'contact_attempt', set: { entered_in_error: true }, resource: 'Kontaktforsøg' },
  encounters: { table: 'encounter', set: { status: 'entered-in-error' }, resource: 'Kontakt' },
  observations: { table: 'observation', set: { status: 'entered-in-error' }, resource: 'Måling' },
  conditions: { table: 'condition', set: { verification_status: 'entered-in-error' }, resource: 'Tilstand' },
  diagnoses: { table: 'referral_diagnosis', set: { verification_status: 'entered-in-error' }, resource: 'Diagnose' },
  'social-position': { table: 'social_position_item', set: { entered_in_error: true }, resource: 'Social position' },
} as const;
export type CorrectableKind = keyof typeof correctable;

export async function markEnteredInError(tx: Queryable, actor: Actor, now: Date, kind: CorrectableKind, id: string, version: number): Promise<{ id: string; version: number }> {
  const { table, set, resource } = correctable[kind];
  const row = await updateVersioned<{ id: string; version: number; referral_id?: string; citizen_id?: string }>(tx, table, id, version, set, resource);
  const owner = row.referral_id
    ? (await tx.query<{ citizen_id: string }>('SELECT citizen_id FROM referral WHERE id = $1', [row.referral_id])).rows[0]!.citizen_id
    : row.citizen_id ?? null;
  await appendAudit(tx, actor, now, [{ action: 'correct', resourceType: table, resourceId: id, citizenId: owner, detail: { enteredInError: true } }]);
  if (row.referral_id) await refreshPathwayFact(tx, row.referral_id);
  else if (row.citizen_id) await refreshFactsOfCitizen(tx, row.citizen_id);
  return { id: row.id, version: row.version };
}
