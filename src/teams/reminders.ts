import type { Queryable } from '../db/database.ts';
import { enqueueMessage } from '../notifier/outbox.ts';

/** Reminders go out for sessions starting within this many hours. */
export const REMINDER_HOURS_AHEAD = 48;

const when = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

/** The SMS text: the time and place only — no team or offer name, which could reveal a disease. */
export function reminderText(startAt: Date, place: string | null): string {
  return `Påmindelse fra sundhedscentret: Vi ses ${when.format(startAt)}${place ? ` på ${place}` : ''}. Kan du ikke komme, så ring og meld afbud.`;
}

/**
 * Queues one SMS reminder per participant and upcoming session (a participant without a phone number
 * gets none; the outbox's dedupe key keeps a rerun from queueing twice). Returns the number queued.
 */
export async function queueSessionReminders(tx: Queryable, municipalityId: string, now: Date, hoursAhead = REMINDER_HOURS_AHEAD): Promise<number> {
  const due = (await tx.query<{ session_id: string; start_at: Date; place: string | null; referral_id: string; citizen_id: string; phone: string }>(
    `SELECT ts.id AS session_id, ts.start_at, coalesce(ts.location, t.location) AS place, i.referral_id, i.citizen_id, c.phone
       FROM team_session ts JOIN team t ON t.id = ts.team_id
       JOIN intervention i ON i.team_id = t.id AND i.status IN ('not-started', 'scheduled', 'in-progress', 'on-hold')
       JOIN referral r ON r.id = i.referral_id AND r.stage IN ('planned', 'active')
       JOIN citizen c ON c.id = i.citizen_id AND c.phone IS NOT NULL AND NOT c.deceased
      WHERE ts.status = 'planned' AND ts.start_at > $1 AND ts.start_at <= $2
        AND NOT EXISTS (SELECT 1 FROM encounter e WHERE e.team_session_id = ts.id AND e.referral_id = i.referral_id AND e.status = 'cancelled')`,
    [now.toISOString(), new Date(now.getTime() + hoursAhead * 3_600_000).toISOString()])).rows;
  let queued = 0;
  for (const d of due) {
    const id = await enqueueMessage(tx, municipalityId, {
      citizenId: d.citizen_id, channel: 'sms', recipient: d.phone, template: 'session.reminder', body: reminderText(new Date(d.start_at), d.place),
      relatedType: 'TeamSession', relatedId: d.session_id, dedupeKey: `reminder:${d.session_id}:${d.referral_id}`, dueAt: now,
    });
    if (id) queued++;
  }
  return queued;
}

