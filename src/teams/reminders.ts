import type { Queryable } from '../db/database.ts';
import { enqueueMessage } from '../notifier/outbox.ts';
import { currentConsents, type ConsentEvent } from '../gdpr/consents.ts';

/** The manual "send reminders" button covers sessions starting within this many hours. */
export const REMINDER_HOURS_AHEAD = 48;

/** Whether SMS reminders need the citizen's recorded consent (consent registry, purpose sms_reminders). */
export type ReminderConsentRule = 'required' | 'unless_withdrawn';

const when = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

/** The SMS text: the time and place only — no team or offer name, which could reveal a disease. */
export function reminderText(startAt: Date, place: string | null): string {
  return `Påmindelse fra sundhedscentret: Vi ses ${when.format(startAt)}${place ? ` på ${place}` : ''}. Kan du ikke komme, så ring og meld afbud.`;
}

/**
 * May a citizen get SMS reminders? Pure. The consent registry's current state for sms_reminders,
 * counting only events in effect by `today`: under 'required' the consent must be given; under
 * 'unless_withdrawn' everyone with a phone gets them unless they withdrew it.
 */
export function reminderAllowed(rule: ReminderConsentRule, events: readonly ConsentEvent[], today: string): boolean {
  const inEffect = events.filter((e) => e.effectiveOn <= today);
  const status = currentConsents(inEffect).find((c) => c.purpose === 'sms_reminders')!;
  if (rule === 'required') return status.given;
  return status.withdrawnOn === null;
}

export interface ReminderWindow { now: Date; until: Date; today: string; consent: ReminderConsentRule }

/**
 * Queues one SMS reminder per participant and planned session starting after now and by `until`:
 * only to participants with a phone number whom the consent rule allows; the outbox's dedupe key
 * keeps a rerun from queueing twice. Returns the number queued and the outbox ids to send.
 */
export async function queueSessionReminders(tx: Queryable, municipalityId: string, w: ReminderWindow): Promise<{ queued: number; withoutConsent: number; outboxIds: string[] }> {
  const due = (await tx.query<{ session_id: string; start_at: Date; place: string | null; referral_id: string; citizen_id: string; phone: string }>(
    `SELECT ts.id AS session_id, ts.start_at, coalesce(ts.location, t.location) AS place, i.referral_id, i.citizen_id, c.phone
       FROM team_session ts JOIN team t ON t.id = ts.team_id
       JOIN intervention i ON i.team_id = t.id AND i.status IN ('not-started', 'scheduled', 'in-progress', 'on-hold')
       JOIN referral r ON r.id = i.referral_id AND r.stage IN ('planned', 'active')
       JOIN citizen c ON c.id = i.citizen_id AND c.phone IS NOT NULL AND NOT c.deceased
      WHERE ts.status = 'planned' AND ts.start_at > $1 AND ts.start_at <= $2
        AND NOT EXISTS (SELECT 1 FROM encounter e WHERE e.team_session_id = ts.id AND e.referral_id = i.referral_id AND e.status = 'cancelled')
      ORDER BY ts.start_at`,
    [w.now.toISOString(), w.until.toISOString()])).rows;
  const citizens = [...new Set(due.map((d) => d.citizen_id))];
  const events = citizens.length === 0 ? [] : (await tx.query<ConsentEvent & { citizenId: string }>(
    `SELECT citizen_id AS "citizenId", purpose, state, effective_on::text AS "effectiveOn", method, recorded_at::text AS "recordedAt"
       FROM citizen_consent WHERE purpose = 'sms_reminders' AND citizen_id = ANY($1::uuid[])`, [citizens])).rows;
  const allowed = new Set(citizens.filter((c) => reminderAllowed(w.consent, events.filter((e) => e.citizenId === c), w.today)));
  let withoutConsent = 0;
  const outboxIds: string[] = [];
  for (const d of due) {
    if (!allowed.has(d.citizen_id)) { withoutConsent++; continue; }
    const id = await enqueueMessage(tx, municipalityId, {
      citizenId: d.citizen_id, channel: 'sms', recipient: d.phone, template: 'session.reminder', body: reminderText(new Date(d.start_at), d.place),
      relatedType: 'TeamSession', relatedId: d.session_id, dedupeKey: `reminder:${d.session_id}:${d.referral_id}`, dueAt: w.now,
    });
    if (id) outboxIds.push(id);
  }
  return { queued: outboxIds.length, withoutConsent, outboxIds };
}
