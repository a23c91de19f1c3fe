import type { z } from 'zod';
import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { updateVersioned } from '../db/versioned.ts';
import { notFound, validationError } from '../shared/errors.ts';
import { referencesExist } from '../referrals/referral-service.ts';
import { camelRow, columnsOf, insertRow } from '../offers/rows.ts';
import { resultsByChannel, type Attempt } from './results.ts';
import type { AttemptInput, CampaignDetail, CampaignInput, CampaignOut, ContactInput, EnrolInput } from './campaign-schemas.ts';

const campaignColumns = `id, name, description, offer_id, team_id, course_date::text AS course_date, area, starts_on::text AS starts_on, ends_on::text AS ends_on, status, version`;

async function attemptsOf(tx: Queryable, campaignId: string | null) {
  return (await tx.query<{ campaign_id: string; contact_id: string; channel: Attempt['channel']; outcome: Attempt['outcome']; attempted_at: Date; performed_by: string | null }>(
    `SELECT cc.campaign_id, ca.contact_id, ca.channel, ca.outcome, ca.attempted_at, s.display_name AS performed_by
       FROM campaign_attempt ca JOIN campaign_contact cc ON cc.id = ca.contact_id LEFT JOIN staff_user s ON s.id = ca.performed_by
      WHERE ($1::uuid IS NULL OR cc.campaign_id = $1) ORDER BY ca.attempted_at`, [campaignId])).rows;
}
const asAttempt = (a: { contact_id: string; channel: Attempt['channel']; outcome: Attempt['outcome']; attempted_at: Date }): Attempt =>
  ({ contactId: a.contact_id, channel: a.channel, outcome: a.outcome, attemptedAt: new Date(a.attempted_at).toISOString() });

/** Campaigns with their results per channel: counts only, so the list is not audit-logged. */
export async function listCampaigns(tx: Queryable): Promise<z.infer<typeof CampaignOut>[]> {
  const campaigns = (await tx.query(`SELECT ${campaignColumns} FROM campaign ORDER BY starts_on DESC LIMIT 200`)).rows;
  const attempts = await attemptsOf(tx, null);
  const enrolled = (await tx.query<{ id: string; campaign_id: string }>('SELECT id, campaign_id FROM campaign_contact WHERE enrolled_referral_id IS NOT NULL')).rows;
  return campaigns.map((c) => ({
    ...camelRow<Omit<z.infer<typeof CampaignOut>, 'results'>>(c),
    results: resultsByChannel(attempts.filter((a) => a.campaign_id === c.id).map(asAttempt), new Set(enrolled.filter((e) => e.campaign_id === c.id).map((e) => e.id))),
  }));
}

/** One campaign with its call list: every contact shown is audit-logged. */
export async function readCampaign(tx: Queryable, actor: Actor, now: Date, id: string): Promise<z.infer<typeof CampaignDetail>> {
  const c = (await tx.query(`SELECT ${campaignColumns} FROM campaign WHERE id = $1`, [id])).rows[0];
  if (!c) throw notFound('Kampagne');
  const contacts = (await tx.query<{ id: string; source: string; referral_id: string | null; citizen_id: string | null; name: string | null; phone: string | null; address: string | null;
    legal_basis: string | null; enrolled_referral_id: string | null; erased_at: Date | null; version: number }>(
    `SELECT cc.id, cc.source, cc.referral_id, coalesce(cc.citizen_id, r.citizen_id) AS citizen_id,
            coalesce(ci.given_name || ' ' || ci.family_name, cc.given_name || ' ' || cc.family_name) AS name, coalesce(ci.phone, cc.phone) AS phone,
            coalesce(ci.address_line, cc.address) AS address, cc.legal_basis, cc.enrolled_referral_id, cc.erased_at, cc.version
       FROM campaign_contact cc LEFT JOIN referral r ON r.id = cc.referral_id LEFT JOIN citizen ci ON ci.id = coalesce(cc.citizen_id, r.citizen_id)
      WHERE cc.campaign_id = $1 ORDER BY cc.created_at, cc.id`, [id])).rows;
  const attempts = await attemptsOf(tx, id);
  await appendAudit(tx, actor, now, contacts.filter((x) => !x.erased_at).map((x) => ({
    action: 'read' as const, resourceType: 'CampaignContact', resourceId: x.id, citizenId: x.citizen_id, purpose: 'care' as const,
  })));
  return {
    ...camelRow<Omit<z.infer<typeof CampaignOut>, 'results'>>(c),
    results: resultsByChannel(attempts.map(asAttempt), new Set(contacts.filter((x) => x.enrolled_referral_id).map((x) => x.id))),
    contacts: contacts.map((x) => ({
      id: x.id, source: x.source, referralId: x.referral_id, citizenId: x.citizen_id, name: x.name, phone: x.phone, address: x.address, legalBasis: x.legal_basis,
      enrolledReferralId: x.enrolled_referral_id, erased: x.erased_at !== null, version: x.version,
      attempts: attempts.filter((a) => a.contact_id === x.id).map((a) => ({ attemptedAt: new Date(a.attempted_at).toISOString(), channel: a.channel, outcome: a.outcome, performedBy: a.performed_by })),
    })),
  };
}

export async function createCampaign(tx: Queryable, actor: Actor, now: Date, input: z.infer<typeof CampaignInput>) {
  const problems = await referencesExist(tx, [{ path: 'offerId', table: 'offer', id: input.offerId }, { path: 'teamId', table: 'team', id: input.teamId }]);
  if (input.endsOn < input.startsOn) problems.push({ path: 'endsOn', rule: 'period.order' });
  if (problems.length) throw validationError(problems);
  const id = await insertRow(tx, 'campaign', actor.municipalityId, { ...columnsOf(input), created_by: actor.userId });
  await appendAudit(tx, actor, now, [{ action: 'create', resourceType: 'Campaign', resourceId: id, purpose: 'administration' }]);
  return readCampaign(tx, actor, now, id);
}

async function activeCampaign(tx: Queryable, id: string) {
  const c = (await tx.query<{ status: string }>('SELECT status FROM campaign WHERE id = $1', [id])).rows[0];
  if (!c) throw notFound('Kampagne');
  if (c.status !== 'active') throw validationError([{ path: 'campaignId', rule: 'campaign.ended' }]);
}

/** Adds a person to the call list: from a referral, or entered by hand with a recorded legal basis. */
export async function addContact(tx: Queryable, actor: Actor, now: Date, campaignId: string, input: z.infer<typeof ContactInput>) {
  await activeCampaign(tx, campaignId);
  let values: Record<string, unknown>;
  let citizenId: string | null = null;
  if ('referralId' in input) {
    const r = (await tx.query<{ citizen_id: string }>('SELECT citizen_id FROM referral WHERE id = $1', [input.referralId])).rows[0];
    if (!r) throw validationError([{ path: 'referralId', rule: 'reference.unknown' }]);
    citizenId = r.citizen_id;
    values = { campaign_id: campaignId, source: 'referral', referral_id: input.referralId, citizen_id: r.citizen_id };
  } else {
    values = { campaign_id: campaignId, source: 'entered', ...columnsOf(input) };
  }
  const id = await insertRow(tx, 'campaign_contact', actor.municipalityId, { ...values, created_by: actor.userId });
  // The audit names the row only: entered names and numbers are erased later and must not live on in the log.
  await appendAudit(tx, actor, now, [{ action: 'create', resourceType: 'CampaignContact', resourceId: id, citizenId, detail: { source: values.source as string } }]);
  return readCampaign(tx, actor, now, campaignId);
}

export async function recordAttempt(tx: Queryable, actor: Actor, now: Date, contactId: string, input: z.infer<typeof AttemptInput>) {
  const contact = (await tx.query<{ campaign_id: string; citizen_id: string | null; erased_at: Date | null }>('SELECT campaign_id, citizen_id, erased_at FROM campaign_contact WHERE id = $1', [contactId])).rows[0];
  if (!contact) throw notFound('Kontakt');
  await activeCampaign(tx, contact.campaign_id);
  await tx.query('INSERT INTO campaign_attempt (municipality_id, contact_id, attempted_at, channel, outcome, performed_by) VALUES ($1, $2, $3, $4, $5, $6)',
    [actor.municipalityId, contactId, input.attemptedAt, input.channel, input.outcome, actor.userId]);
  await appendAudit(tx, actor, now, [{ action: 'create', resourceType: 'CampaignAttempt', resourceId: contactId, citizenId: contact.citizen_id, detail: { channel: input.channel, outcome: input.outcome } }]);
  return readCampaign(tx, actor, now, contact.campaign_id);
}

/**
 * The person enrolled: their referral is linked, and their contact data is kept when the campaign
 * ends. Only while the campaign runs (afterwards entered data is gone); with the version read, a
 * colleague's enrolment in the meantime is refused (412).
 */
export async function enrolContact(tx: Queryable, actor: Actor, now: Date, contactId: string, input: z.infer<typeof EnrolInput>) {
  const contact = (await tx.query<{ campaign_id: string; version: number }>('SELECT campaign_id, version FROM campaign_contact WHERE id = $1', [contactId])).rows[0];
  if (!contact) throw notFound('Kontakt');
  await activeCampaign(tx, contact.campaign_id);
  const r = (await tx.query<{ citizen_id: string }>('SELECT citizen_id FROM referral WHERE id = $1', [input.referralId])).rows[0];
  if (!r) throw validationError([{ path: 'referralId', rule: 'reference.unknown' }]);
  await updateVersioned(tx, 'campaign_contact', contactId, input.version ?? contact.version, { enrolled_referral_id: input.referralId, citizen_id: r.citizen_id }, 'Kontakt');
  await appendAudit(tx, actor, now, [{ action: 'update', resourceType: 'CampaignContact', resourceId: contactId, citizenId: r.citizen_id, detail: { enrolled: true } }]);
  return readCampaign(tx, actor, now, contact.campaign_id);
}

/**
 * Ends the campaign and erases the entered contact data of everyone who did not enrol; the anonymous
 * attempts stay for the results. Returns how many contacts were erased (also used by the scheduler).
 */
export async function closeCampaign(tx: Queryable, actor: Actor, now: Date, id: string, version: number): Promise<number> {
  await updateVersioned(tx, 'campaign', id, version, { status: 'ended', ended_at: now.toISOString() }, 'Kampagne');
  const erased = await tx.query(
    `UPDATE campaign_contact SET given_name = NULL, family_name = NULL, phone = NULL, address = NULL, legal_basis_note = NULL, erased_at = $2, version = version + 1
      WHERE campaign_id = $1 AND source = 'entered' AND enrolled_referral_id IS NULL AND erased_at IS NULL RETURNING id`, [id, now.toISOString()]);
  await appendAudit(tx, actor, now, [{ action: 'update', resourceType: 'Campaign', resourceId: id, purpose: 'administration', detail: { ended: true, erasedContacts: erased.rows.length } }]);
  return erased.rows.length;
}

export async function endCampaign(tx: Queryable, actor: Actor, now: Date, id: string, version: number) {
  await closeCampaign(tx, actor, now, id, version);
  return readCampaign(tx, actor, now, id);
}

