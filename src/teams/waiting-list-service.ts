import type { z } from 'zod';
import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { AppError, notFound, validationError } from '../shared/errors.ts';
import { refreshPathwayFact } from '../analytics/refresh-fact.ts';
import type { WaitingEntry, WaitingInput, WaitingStatusInput } from './waiting-list-schemas.ts';

type Row = {
  id: string; team_id: string; referral_id: string; citizen_id: string; given_name: string; family_name: string; queued_at: Date; status: string;
  offered_at: Date | null; note: string | null; version: number; position: number | null; message_status: string | null; message_channel: string | null; message_sent_at: Date | null;
};

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const out = (r: Row): z.infer<typeof WaitingEntry> => ({
  id: r.id, teamId: r.team_id, referralId: r.referral_id, citizenId: r.citizen_id, citizenName: `${r.given_name} ${r.family_name}`,
  queuedAt: iso(r.queued_at)!, status: r.status as z.infer<typeof WaitingEntry>['status'], offeredAt: iso(r.offered_at), note: r.note, version: r.version, position: r.position,
  notification: r.message_status ? { status: r.message_status, channel: r.message_channel!, sentAt: iso(r.message_sent_at) } : null,
});

const select = `SELECT w.id, w.team_id, w.referral_id, w.citizen_id, c.given_name, c.family_name, w.queued_at, w.status, w.offered_at, w.note, w.version,
    CASE WHEN w.status = 'waiting' THEN row_number() OVER (PARTITION BY w.team_id, w.status = 'waiting' ORDER BY w.queued_at, w.id)::int END AS position,
    n.status AS message_status, n.channel AS message_channel, n.sent_at AS message_sent_at
  FROM team_waiting w JOIN citizen c ON c.id = w.citizen_id
  LEFT JOIN LATERAL (SELECT o.status, o.channel, o.sent_at FROM notification_outbox o WHERE o.related_type = 'TeamWaiting' AND o.related_id = w.id ORDER BY o.created_at DESC LIMIT 1) n ON true`;

/** The waiting list in order: those waiting are numbered; offered, enrolled and withdrawn follow. Each citizen shown is audit-logged. */
export async function listWaiting(tx: Queryable, actor: Actor, now: Date, teamId: string): Promise<z.infer<typeof WaitingEntry>[]> {
  const rows = (await tx.query<Row>(`${select} WHERE w.team_id = $1 ORDER BY CASE w.status WHEN 'offered' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END, w.queued_at, w.id`, [teamId])).rows;
  await appendAudit(tx, actor, now, rows.map((r) => ({ action: 'read' as const, resourceType: 'TeamWaiting', resourceId: r.id, citizenId: r.citizen_id })));
  return rows.map(out);
}

async function entry(tx: Queryable, id: string): Promise<Row> {
  const row = (await tx.query<Row>(`${select} WHERE w.id = $1`, [id])).rows[0];
  if (!row) throw notFound('Venteliste');
  return row;
}

export async function addToWaitingList(tx: Queryable, actor: Actor, now: Date, teamId: string, input: z.infer<typeof WaitingInput>) {
  const team = (await tx.query('SELECT 1 FROM team WHERE id = $1', [teamId])).rows[0];
  if (!team) throw notFound('Hold');
  const referral = (await tx.query<{ citizen_id: string; stage: string }>('SELECT citizen_id, stage FROM referral WHERE id = $1', [input.referralId])).rows[0];
  if (!referral || ['closed', 'entered_in_error'].includes(referral.stage)) throw validationError([{ path: 'referralId', rule: 'reference.unknown' }]);
  const onTeam = await tx.query(`SELECT 1 FROM intervention WHERE team_id = $1 AND referral_id = $2 AND status NOT IN ('entered-in-error', 'cancelled', 'stopped')`, [teamId, input.referralId]);
  const waiting = await tx.query(`SELECT 1 FROM team_waiting WHERE team_id = $1 AND referral_id = $2 AND status IN ('waiting', 'offered')`, [teamId, input.referralId]);
  if (onTeam.rows.length || waiting.rows.length) throw new AppError('duplicate', 'error.duplicate', { resource: 'Pladsen på ventelisten' }, [{ path: 'referralId', rule: 'duplicate' }]);
  const id = (await tx.query<{ id: string }>(
    'INSERT INTO team_waiting (municipality_id, team_id, referral_id, citizen_id, queued_at, note, added_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
    [actor.municipalityId, teamId, input.referralId, referral.citizen_id, now.toISOString(), input.note ?? null, actor.userId])).rows[0]!.id;
  await appendAudit(tx, actor, now, [{ action: 'create', resourceType: 'TeamWaiting', resourceId: id, citizenId: referral.citizen_id }]);
  // A team with a free place offers it at once.
  await tx.query('SELECT offer_free_team_place($1)', [teamId]);
  return out(await entry(tx, id));
}

function checkVersion(row: Row, expected: number) {
  if (row.version !== expected) throw new AppError('version_conflict', 'error.version_conflict', { resource: 'Venteliste', expected, actual: row.version });
}

/** Declining or withdrawing frees the offer, so the next person waiting is offered the place. */
export async function setWaitingStatus(tx: Queryable, actor: Actor, now: Date, id: string, input: z.infer<typeof WaitingStatusInput>) {
  const row = await entry(tx, id);
  checkVersion(row, input.version);
  if (!['waiting', 'offered'].includes(row.status)) throw validationError([{ path: 'status', rule: 'waiting_list.closed' }]);
  await tx.query('UPDATE team_waiting SET status = $2, version = version + 1 WHERE id = $1', [id, input.status]);
  await appendAudit(tx, actor, now, [{ action: 'update', resourceType: 'TeamWaiting', resourceId: id, citizenId: row.citizen_id, detail: { status: input.status } }]);
  await tx.query('SELECT offer_free_team_place($1)', [row.team_id]);
  return out(await entry(tx, id));
}

/** Puts the person on the team: their open, not yet placed intervention gets the team (the trigger marks them enrolled). */
export async function enrolFromWaitingList(tx: Queryable, actor: Actor, now: Date, id: string, version: number) {
  const row = await entry(tx, id);
  checkVersion(row, version);
  if (!['waiting', 'offered'].includes(row.status)) throw validationError([{ path: 'status', rule: 'waiting_list.closed' }]);
  const iv = (await tx.query<{ id: string }>(
    `SELECT id FROM intervention WHERE referral_id = $1 AND status IN ('not-started', 'scheduled', 'in-progress', 'on-hold')
      ORDER BY (team_id IS NULL) DESC, created_at LIMIT 1`, [row.referral_id])).rows[0];
  if (!iv) throw validationError([{ path: 'referralId', rule: 'waiting_list.no_intervention' }]);
  await tx.query('UPDATE intervention SET team_id = $2, version = version + 1, updated_at = now() WHERE id = $1', [iv.id, row.team_id]);
  await appendAudit(tx, actor, now, [{ action: 'update', resourceType: 'Intervention', resourceId: iv.id, citizenId: row.citizen_id, detail: { teamId: row.team_id, from: 'waiting_list' } }]);
  await refreshPathwayFact(tx, row.referral_id);
  return out(await entry(tx, id));
}
