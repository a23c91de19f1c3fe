import type { Queryable } from '../db/database.ts';

/**
 * The notification outbox (migration 012): messages wait here and a dispatcher sends them through a
 * gateway and records the sending. A minimal stand-in until a notifier takes over the table.
 */
export interface OutboxMessage {
  citizenId: string; channel: 'sms' | 'letter'; recipient: string | null; template: string; body: string;
  relatedType: string; relatedId: string; dedupeKey: string; dueAt: Date;
}

/** Queues a message once: the same dedupe key is never queued twice. Returns whether it was new. */
export async function enqueue(tx: Queryable, municipalityId: string, m: OutboxMessage): Promise<boolean> {
  const r = await tx.query(
    `INSERT INTO notification_outbox (municipality_id, citizen_id, channel, recipient, template, body, related_type, related_id, dedupe_key, due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (municipality_id, dedupe_key) DO NOTHING RETURNING id`,
    [municipalityId, m.citizenId, m.channel, m.recipient, m.template, m.body, m.relatedType, m.relatedId, m.dedupeKey, m.dueAt.toISOString()]);
  return r.rows.length > 0;
}

export interface SmsGateway { send(to: string, body: string): Promise<{ reference: string }> }

/**
 * Without a configured SMS provider the gateway accepts every message and names it as a development
 * send; the outbox still records what was sent, to whom and when.
 */
export const developmentGateway: SmsGateway = { send: async () => ({ reference: `development-${Date.now().toString(36)}` }) };

/**
 * Sends the due SMS messages and records each sending; letters stay pending for staff to print.
 * Messages queued by database triggers carry the database clock, so "due" is by either clock.
 */
export async function dispatchDue(tx: Queryable, now: Date, gateway: SmsGateway, limit = 200): Promise<{ sent: number; failed: number }> {
  const due = (await tx.query<{ id: string; recipient: string | null; body: string }>(
    `SELECT id, recipient, body FROM notification_outbox WHERE status = 'pending' AND channel = 'sms' AND due_at <= greatest($1::timestamptz, now())
      ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED`, [now.toISOString(), limit])).rows;
  let sent = 0;
  let failed = 0;
  for (const m of due) {
    try {
      if (!m.recipient) throw new Error('no phone number');
      const { reference } = await gateway.send(m.recipient, m.body);
      await tx.query(`UPDATE notification_outbox SET status = 'sent', sent_at = $2, provider_ref = $3, attempts = attempts + 1, version = version + 1 WHERE id = $1`, [m.id, now.toISOString(), reference]);
      sent++;
    } catch (err) {
      await tx.query(`UPDATE notification_outbox SET status = 'failed', error = $2, attempts = attempts + 1, version = version + 1 WHERE id = $1`, [m.id, (err as Error).message.slice(0, 200)]);
      failed++;
    }
  }
  return { sent, failed };
}
