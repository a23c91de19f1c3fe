import { z } from 'zod';
import type { Queryable } from '../../db/database.ts';
import type { Actor } from '../../audit/audit-log.ts';
import { appendAudit } from '../../audit/audit-log.ts';
import { id } from '../../shared/schemas.ts';
import { createLink } from './link-service.ts';
import { linkState, sixMonthsAfter } from './link-rules.ts';

/**
 * When a pathway ends (completed or stopped; a pathway cancelled before it started has nothing to
 * evaluate), the end questionnaire is due at once and the follow-up six months later.
 */
export async function scheduleAfterEnd(tx: Queryable, municipalityId: string, referral: { id: string; citizen_id: string }, endedOn: string, outcome: string): Promise<void> {
  if (outcome === 'cancelled') return;
  for (const [timePoint, dueOn] of [['end', endedOn], ['follow_up', sixMonthsAfter(endedOn)]] as const) {
    await tx.query(
      `INSERT INTO questionnaire_task (municipality_id, citizen_id, referral_id, time_point, due_on) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (referral_id, time_point) DO NOTHING`, [municipalityId, referral.citizen_id, referral.id, timePoint, dueOn]);
  }
}

/** A completed response at a task's time point answers the task. */
export async function markTaskAnswered(tx: Queryable, referralId: string, timePoint: string): Promise<void> {
  await tx.query(`UPDATE questionnaire_task SET status = 'answered', version = version + 1 WHERE referral_id = $1 AND time_point = $2 AND status IN ('scheduled', 'link_sent')`, [referralId, timePoint]);
}

const localDate = (d: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(d);

/**
 * Sends a personal link for every task that has come due: by SMS when the citizen has a phone
 * number; otherwise the task stays on the list of who has not answered, for staff to call. A course
 * closed or entered in error since gets no link (a link cannot be made for it). The messages are
 * only queued here; the caller sends them after committing (dispatchOutbox).
 */
export async function sendDueLinks(tx: Queryable, actor: Actor, now: Date): Promise<{ sent: number; withoutPhone: number; outboxIds: string[] }> {
  const due = (await tx.query<{ id: string; referral_id: string; time_point: 'end' | 'follow_up'; phone: string | null }>(
    `SELECT t.id, t.referral_id, t.time_point, c.phone FROM questionnaire_task t JOIN citizen c ON c.id = t.citizen_id
       JOIN referral r ON r.id = t.referral_id AND r.stage NOT IN ('closed', 'entered_in_error')
      WHERE t.status = 'scheduled' AND t.due_on <= $1::date ORDER BY t.due_on FOR UPDATE OF t SKIP LOCKED`, [localDate(now)])).rows;
  let sent = 0;
  let withoutPhone = 0;
  const outboxIds: string[] = [];
  for (const task of due) {
    if (!task.phone) { withoutPhone++; continue; }
    const { row, outboxId } = await createLink(tx, actor, now, task.referral_id, { timePoint: task.time_point, channel: 'sms', requireBirthDate: true });
    await tx.query(`UPDATE questionnaire_task SET status = 'link_sent', link_id = $2, version = version + 1 WHERE id = $1`, [task.id, row.id]);
    if (outboxId) outboxIds.push(outboxId);
    sent++;
  }
  return { sent, withoutPhone, outboxIds };
}

export const UnansweredOut = z.object({
  today: z.string(),
  citizens: z.array(z.object({
    taskId: id.nullable(), linkId: id.nullable(), referralId: id, citizenId: id, citizenName: z.string(), phone: z.string().nullable(),
    timePoint: z.string(), dueOn: z.string().nullable(), daysOverdue: z.number().nullable(),
    linkState: z.enum(['none', 'open', 'expired', 'used', 'revoked', 'locked']).describe('none: no link sent yet (e.g. no phone number)'),
    started: z.boolean().describe('The citizen has saved some answers'),
  })),
});

/**
 * Who has not answered: scheduled end and follow-up questionnaires that are due, and every personal
 * link (also baseline) that has not been used. Each listed citizen is audit-logged.
 */
export async function unanswered(tx: Queryable, actor: Actor, now: Date): Promise<z.infer<typeof UnansweredOut>> {
  const today = localDate(now);
  const rows = (await tx.query<{ task_id: string | null; link_id: string | null; referral_id: string; citizen_id: string; given_name: string; family_name: string; phone: string | null;
    time_point: string; due_on: string | null; expires_at: Date | null; used_at: Date | null; revoked_at: Date | null; failed_checks: number | null; started: boolean }>(
    `SELECT t.id AS task_id, l.id AS link_id, coalesce(t.referral_id, l.referral_id) AS referral_id, c.id AS citizen_id, c.given_name, c.family_name, c.phone,
            coalesce(t.time_point, l.time_point) AS time_point, t.due_on::text, l.expires_at, l.used_at, l.revoked_at, l.failed_checks,
            (l.response_id IS NOT NULL) AS started
       FROM questionnaire_task t
       FULL JOIN questionnaire_link l ON l.id = t.link_id
       JOIN citizen c ON c.id = coalesce(t.citizen_id, l.citizen_id)
      WHERE (t.id IS NOT NULL AND t.status IN ('scheduled', 'link_sent') AND t.due_on <= $1::date)
         OR (t.id IS NULL AND l.used_at IS NULL AND l.revoked_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM questionnaire_response r WHERE r.referral_id = l.referral_id AND r.time_point = l.time_point AND r.status = 'completed'))
      ORDER BY coalesce(t.due_on, l.created_at::date), c.family_name`, [today])).rows;
  const list = rows.map((r) => ({
    taskId: r.task_id, linkId: r.link_id, referralId: r.referral_id, citizenId: r.citizen_id, citizenName: `${r.given_name} ${r.family_name}`, phone: r.phone,
    timePoint: r.time_point, dueOn: r.due_on, daysOverdue: r.due_on ? Math.round((Date.parse(today) - Date.parse(r.due_on)) / 86_400_000) : null,
    linkState: r.link_id ? linkState({ expires_at: r.expires_at!, used_at: r.used_at, revoked_at: r.revoked_at, failed_checks: r.failed_checks ?? 0 }, now) : 'none' as const,
    started: r.started,
  }));
  if (list.length) await appendAudit(tx, actor, now, list.map((c) => ({ action: 'read' as const, resourceType: 'QuestionnaireTask', resourceId: c.taskId ?? c.linkId, citizenId: c.citizenId, detail: { list: 'unanswered' } })));
  return { today, citizens: list };
}
