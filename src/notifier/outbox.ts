import type { Queryable } from '../db/database.ts';
import type { Channel, Notifier } from './notifier.ts';
import { redactLinks } from './redact.ts';

/** After this many failed attempts a message stays failed and shows up for staff. */
export const MAX_ATTEMPTS = 5;

export interface NewMessage {
  citizenId: string; channel: Channel; recipient: string | null; template: string; body: string;
  relatedType: string; relatedId: string; dedupeKey: string; dueAt: Date;
}

/** Queues a message in the durable outbox (migration 012) in the caller's transaction; a dedupe key is queued once. */
export async function enqueueMessage(tx: Queryable, municipalityId: string, m: NewMessage): Promise<string | null> {
  const r = await tx.query<{ id: string }>(
    `INSERT INTO notification_outbox (municipality_id, citizen_id, channel, recipient, template, body, related_type, related_id, dedupe_key, due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (municipality_id, dedupe_key) DO NOTHING RETURNING id`,
    [municipalityId, m.citizenId, m.channel, m.recipient, m.template, m.body, m.relatedType, m.relatedId, m.dedupeKey, m.dueAt.toISOString()]);
  return r.rows[0]?.id ?? null;
}

/**
 * Sends due messages through the notifier and records each attempt. A sent message keeps its text
 * for the record but loses any personal-link token, so the outbox never holds a working link
 * longer than it takes to send it. A failure is retried until MAX_ATTEMPTS.
 */
export async function dispatchOutbox(tx: Queryable, now: Date, notifier: Notifier, opts: { ids?: string[]; limit?: number } = {}): Promise<{ sent: number; failed: number }> {
  const due = (await tx.query<{ id: string; channel: Channel; recipient: string | null; body: string; template: string; attempts: number }>(
    `SELECT id, channel, recipient, body, template, attempts FROM notification_outbox
      WHERE status = 'pending' AND channel = ANY($2::text[]) AND due_at <= greatest($1::timestamptz, now()) AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[]))
      ORDER BY due_at LIMIT $4 FOR UPDATE SKIP LOCKED`,
    [now.toISOString(), notifier.channels, opts.ids ?? null, opts.limit ?? 200])).rows;
  let sent = 0;
  let failed = 0;
  for (const m of due) {
    try {
      if (!m.recipient) throw new Error('no recipient');
      const { reference } = await notifier.send(m);
      await tx.query(`UPDATE notification_outbox SET status = 'sent', sent_at = $2, provider_ref = $3, body = $4, attempts = attempts + 1, error = NULL, version = version + 1 WHERE id = $1`,
        [m.id, now.toISOString(), reference, redactLinks(m.body)]);
      sent++;
    } catch (err) {
      const giveUp = m.attempts + 1 >= MAX_ATTEMPTS || !m.recipient;
      await tx.query(`UPDATE notification_outbox SET status = $3, error = $2, attempts = attempts + 1, version = version + 1 WHERE id = $1`,
        [m.id, (err as Error).message.slice(0, 200), giveUp ? 'failed' : 'pending']);
      failed++;
    }
  }
  return { sent, failed };
}
