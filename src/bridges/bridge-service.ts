import type { z } from 'zod';
import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { updateVersioned } from '../db/versioned.ts';
import { AppError, notFound, validationError } from '../shared/errors.ts';
import { referencesExist } from '../referrals/referral-service.ts';
import { refreshPathwayFact } from '../analytics/refresh-fact.ts';
import { camelRow } from '../offers/rows.ts';
import { addDays, localDate } from '../worklists/calendar.ts';
import { followUpDueDates, leftReasons, stayedReasons } from './follow-up-dates.ts';
import type { BridgeInput, BridgeOut, DueFollowUp, FollowUpInput } from './bridge-schemas.ts';

/**
 * A follow-up's answers marked entered in error: versions kept by the history trigger that had an
 * answer and were followed by a version without one (only a correction empties a recorded answer).
 */
const answersInError = `(SELECT json_agg(json_build_object('followedUpOn', h.data->>'followed_up_on', 'stillActive', (h.data->>'still_active')::boolean,
        'reason', h.data->>'reason', 'note', h.data->>'note') ORDER BY h.version)
    FROM record_history h LEFT JOIN record_history n ON n.table_name = 'bridge_follow_up' AND n.row_id = h.row_id AND n.version = h.version + 1
   WHERE h.table_name = 'bridge_follow_up' AND h.row_id = f.id AND h.data->>'followed_up_on' IS NOT NULL
     AND CASE WHEN n.id IS NOT NULL THEN n.data->>'followed_up_on' IS NULL ELSE f.version = h.version + 1 AND f.followed_up_on IS NULL END)`;

const bridgeSelect = `SELECT b.id, b.citizen_id, c.given_name || ' ' || c.family_name AS citizen_name, b.referral_id, b.association_offer_id, ao.activity,
    a.name AS association_name, b.bridged_on::text AS bridged_on, b.companion, b.note, b.status, b.version,
    (SELECT json_agg(json_build_object('id', f.id, 'months', f.months, 'dueOn', f.due_on, 'followedUpOn', f.followed_up_on, 'stillActive', f.still_active,
        'reason', f.reason, 'note', f.note, 'version', f.version, 'enteredInError', coalesce(${answersInError}, '[]'::json)) ORDER BY f.months)
       FROM bridge_follow_up f WHERE f.bridge_id = b.id) AS follow_ups
  FROM bridge b JOIN citizen c ON c.id = b.citizen_id JOIN association_offer ao ON ao.id = b.association_offer_id JOIN association a ON a.id = ao.association_id`;

/**
 * A citizen's name and bridges to association offers with their 3- and 6-month follow-ups
 * (audit-logged); those entered in error are kept and listed with their status. The name is here so
 * the bridge-builder, who may not read the rest of the citizen's record, can work the page.
 */
export async function citizenBridges(tx: Queryable, actor: Actor, now: Date, citizenId: string): Promise<{ citizenName: string; bridges: z.infer<typeof BridgeOut>[] }> {
  const citizen = (await tx.query<{ name: string }>(`SELECT given_name || ' ' || family_name AS name FROM citizen WHERE id = $1`, [citizenId])).rows[0];
  if (!citizen) throw notFound('Borger');
  const rows = (await tx.query(`${bridgeSelect} WHERE b.citizen_id = $1 ORDER BY b.status = 'active' DESC, b.bridged_on DESC, b.id`, [citizenId])).rows;
  await appendAudit(tx, actor, now, [{ action: 'read', resourceType: 'Bridge', resourceId: citizenId, citizenId }]);
  return { citizenName: citizen.name, bridges: rows.map((r) => camelRow<z.infer<typeof BridgeOut>>(r)) };
}

/** Records a bridge and plans its follow-ups at 3 and 6 months. */
export async function createBridge(tx: Queryable, actor: Actor, now: Date, input: z.infer<typeof BridgeInput>): Promise<z.infer<typeof BridgeOut>> {
  const problems = await referencesExist(tx, [
    { path: 'citizenId', table: 'citizen', id: input.citizenId }, { path: 'referralId', table: 'referral', id: input.referralId },
    { path: 'associationOfferId', table: 'association_offer', id: input.associationOfferId },
  ]);
  if (problems.length) throw validationError(problems);
  const id = (await tx.query<{ id: string }>(
    `INSERT INTO bridge (municipality_id, citizen_id, referral_id, association_offer_id, bridged_on, companion, note, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [actor.municipalityId, input.citizenId, input.referralId, input.associationOfferId, input.bridgedOn, input.companion, input.note, actor.userId])).rows[0]!.id;
  for (const f of followUpDueDates(input.bridgedOn)) {
    await tx.query('INSERT INTO bridge_follow_up (municipality_id, bridge_id, months, due_on) VALUES ($1, $2, $3, $4)', [actor.municipalityId, id, f.months, f.dueOn]);
  }
  await appendAudit(tx, actor, now, [{ action: 'create', resourceType: 'Bridge', resourceId: id, citizenId: input.citizenId }]);
  // The referral's fact row carries bridged_at (the equity cascade's last step).
  if (input.referralId) await refreshPathwayFact(tx, input.referralId);
  return camelRow((await tx.query(`${bridgeSelect} WHERE b.id = $1`, [id])).rows[0]!);
}

/** Records a follow-up: still active or not, and why (a reason for staying when active, for leaving when not). */
export async function recordFollowUp(tx: Queryable, actor: Actor, now: Date, followUpId: string, input: z.infer<typeof FollowUpInput>): Promise<z.infer<typeof BridgeOut>> {
  const f = await followUpOf(tx, followUpId);
  if (f.bridge_status !== 'active') throw enteredInError('Brobygningen');
  const fits = (input.stillActive ? stayedReasons : leftReasons) as readonly string[];
  const problems = [
    ...(fits.includes(input.reason) ? [] : [{ path: 'reason', rule: input.stillActive ? 'bridge.reason_stayed' : 'bridge.reason_left' }]),
    ...(input.followedUpOn < f.bridged_on ? [{ path: 'followedUpOn', rule: 'period.order' }] : []),
    ...(input.followedUpOn > localDate(now) ? [{ path: 'followedUpOn', rule: 'not_in_future' }] : []),
  ];
  if (problems.length) throw validationError(problems);
  await updateVersioned(tx, 'bridge_follow_up', followUpId, input.version, {
    followed_up_on: input.followedUpOn, still_active: input.stillActive, reason: input.reason, note: input.note, recorded_by: actor.userId,
  }, 'Opfølgning');
  await appendAudit(tx, actor, now, [{ action: 'update', resourceType: 'BridgeFollowUp', resourceId: followUpId, citizenId: f.citizen_id, detail: { stillActive: input.stillActive, reason: input.reason } }]);
  if (f.referral_id) await refreshPathwayFact(tx, f.referral_id);
  return camelRow((await tx.query(`${bridgeSelect} WHERE b.id = $1`, [f.bridge_id])).rows[0]!);
}

/** Follow-ups not yet recorded that are due within two weeks (or overdue): the bridge-builder's worklist. */
export async function dueFollowUps(tx: Queryable, actor: Actor, now: Date): Promise<z.infer<typeof DueFollowUp>[]> {
  const today = localDate(now);
  const rows = (await tx.query<{ follow_up_id: string; bridge_id: string; citizen_id: string; citizen_name: string; activity: string; association_name: string; months: number; due_on: string; version: number }>(
    `SELECT f.id AS follow_up_id, b.id AS bridge_id, b.citizen_id, c.given_name || ' ' || c.family_name AS citizen_name, ao.activity, a.name AS association_name,
            f.months, f.due_on::text AS due_on, f.version
       FROM bridge_follow_up f JOIN bridge b ON b.id = f.bridge_id AND b.status = 'active' JOIN citizen c ON c.id = b.citizen_id
       JOIN association_offer ao ON ao.id = b.association_offer_id JOIN association a ON a.id = ao.association_id
      WHERE f.followed_up_on IS NULL AND f.due_on <= $1::date ORDER BY f.due_on, c.family_name LIMIT 500`, [addDays(today, 14)])).rows;
  await appendAudit(tx, actor, now, rows.map((r) => ({ action: 'search' as const, resourceType: 'BridgeFollowUp', resourceId: r.follow_up_id, citizenId: r.citizen_id, detail: { list: 'bridge_follow_ups' } })));
  return rows.map((r) => ({
    followUpId: r.follow_up_id, bridgeId: r.bridge_id, citizenId: r.citizen_id, citizenName: r.citizen_name, activity: r.activity, associationName: r.association_name,
    months: r.months, dueOn: r.due_on, version: r.version, overdue: r.due_on < today,
  }));
}

type FollowUpOwner = { bridge_id: string; citizen_id: string; referral_id: string | null; bridged_on: string; followed_up_on: string | null; bridge_status: string };

async function followUpOf(tx: Queryable, followUpId: string): Promise<FollowUpOwner> {
  const f = (await tx.query<FollowUpOwner>(
    `SELECT f.bridge_id, b.citizen_id, b.referral_id, b.bridged_on::text AS bridged_on, f.followed_up_on::text AS followed_up_on, b.status AS bridge_status
       FROM bridge_follow_up f JOIN bridge b ON b.id = f.bridge_id WHERE f.id = $1`, [followUpId])).rows[0];
  if (!f) throw notFound('Opfølgning');
  return f;
}

/** 409: the bridge is already marked entered in error (nothing more can be recorded on it). */
const enteredInError = (resource: string): AppError => new AppError('duplicate', 'error.bridge_entered_in_error', { resource });

/**
 * Marks a bridge recorded by mistake as entered in error (optimistic locking): kept, never deleted,
 * listed with its status; its follow-ups leave the worklist, and the referral's fact is refreshed so
 * the equity cascade no longer counts it as bridged. Audited as a correction.
 */
export async function markBridgeEnteredInError(tx: Queryable, actor: Actor, now: Date, bridgeId: string, version: number): Promise<z.infer<typeof BridgeOut>> {
  const before = (await tx.query<{ status: string }>('SELECT status FROM bridge WHERE id = $1', [bridgeId])).rows[0];
  if (!before) throw notFound('Brobygning');
  if (before.status !== 'active') throw enteredInError('Brobygningen');
  const row = await updateVersioned<{ citizen_id: string; referral_id: string | null }>(tx, 'bridge', bridgeId, version, { status: 'entered-in-error' }, 'Brobygning');
  await appendAudit(tx, actor, now, [{ action: 'correct', resourceType: 'Bridge', resourceId: bridgeId, citizenId: row.citizen_id, detail: { enteredInError: true } }]);
  if (row.referral_id) await refreshPathwayFact(tx, row.referral_id);
  return camelRow((await tx.query(`${bridgeSelect} WHERE b.id = $1`, [bridgeId])).rows[0]!);
}

/**
 * Marks a recorded follow-up's answer as entered in error (optimistic locking): the follow-up is
 * due again, so the right answer can be recorded, and the wrong one is kept (the history trigger
 * keeps the replaced version) and listed struck through. Audited as a correction.
 */
export async function markFollowUpEnteredInError(tx: Queryable, actor: Actor, now: Date, followUpId: string, version: number): Promise<z.infer<typeof BridgeOut>> {
  const f = await followUpOf(tx, followUpId);
  if (f.bridge_status !== 'active') throw enteredInError('Brobygningen');
  if (!f.followed_up_on) throw validationError([{ path: 'id', rule: 'bridge.follow_up_not_recorded' }]);
  await updateVersioned(tx, 'bridge_follow_up', followUpId, version, { followed_up_on: null, still_active: null, reason: null, note: null, recorded_by: actor.userId }, 'Opfølgning');
  await appendAudit(tx, actor, now, [{ action: 'correct', resourceType: 'BridgeFollowUp', resourceId: followUpId, citizenId: f.citizen_id, detail: { enteredInError: true } }]);
  if (f.referral_id) await refreshPathwayFact(tx, f.referral_id);
  return camelRow((await tx.query(`${bridgeSelect} WHERE b.id = $1`, [f.bridge_id])).rows[0]!);
}
