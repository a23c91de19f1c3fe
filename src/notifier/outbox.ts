import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database.ts';
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

/** A claimed message whose outcome was never recorded (the process stopped while sending) is resolved after this long. */
export const CLAIM_TIMEOUT_MINUTES = 15;
export const UNKNOWN_OUTCOME = 'Udfald ukendt: afsendelsen blev afbrudt. Sendes ikke igen automatisk – kontrollér og send evt. igen manuelt (outcome unknown)';

interface Claimed { id: string; channel: Channel; recipient: string | null; body: string; template: string; attempts: number }

/**
 * Claims due messages in a short transaction of its own: marks them as being sent (claimed_at,
 * claim_id) and counts the attempt, so no other dispatcher picks them up. Claims left over from a
 * process that died while sending are resolved first as failed with an unknown outcome — never
 * sent again automatically, since they may have reached the citizen (at most once).
 */
async function claimDue(tx: Queryable, now: Date, channels: readonly Channel[], claimId: string, opts: { ids?: string[] | undefined; limit?: number | undefined }): Promise<Claimed[]> {
  await tx.query(
    `UPDATE notification_outbox SET status = 'failed', error = $2, claimed_at = NULL, claim_id = NULL,
            body = regexp_replace(body, '(/svar#)[A-Za-z0-9_-]+', '\\1[fjernet]', 'g'), version = version + 1
      WHERE status = 'pending' AND claimed_at IS NOT NULL AND claimed_at < $1::timestamptz - make_interval(mins => $3)`,
    [now.toISOString(), UNKNOWN_OUTCOME, CLAIM_TIMEOUT_MINUTES]);
  return (await tx.query<Claimed>(
    `UPDATE notification_outbox SET claimed_at = $5, claim_id = $6, attempts = attempts + 1, version = version + 1
      WHERE id IN (SELECT id FROM notification_outbox
                    WHERE status = 'pending' AND claimed_at IS NULL AND channel = ANY($2::text[]) AND due_at <= greatest($1::timestamptz, now())
                      AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[]))
                    ORDER BY due_at LIMIT $4 FOR UPDATE SKIP LOCKED)
      RETURNING id, channel, recipient, body, template, attempts`,
    [now.toISOString(), channels, opts.ids ?? null, opts.limit ?? 200, now.toISOString(), claimId])).rows;
}

/** What happened when one claimed message was handed to the notifier. */
export type SendOutcome = { sent: true; reference: string } | { sent: false; error: string; giveUp: boolean };

/** Hands one claimed message to the notifier; a throw means "not sent" (the Notifier contract), so it may be retried. */
export async function sendOne(notifier: Notifier, m: Claimed): Promise<SendOutcome> {
  if (!m.recipient) return { sent: false, error: 'no recipient', giveUp: true };
  try {
    const { reference } = await notifier.send(m);
    return { sent: true, reference };
  } catch (err) {
    return { sent: false, error: (err as Error).message.slice(0, 200), giveUp: m.attempts >= MAX_ATTEMPTS };
  }
}

/** Records the outcome of one claim in a short transaction; only the claim's own row (claim_id) is touched. */
async function recordOutcome(tx: Queryable, now: Date, m: Claimed, claimId: string, outcome: SendOutcome): Promise<void> {
  if (outcome.sent) {
    await tx.query(`UPDATE notification_outbox SET status = 'sent', sent_at = $3, provider_ref = $4, body = $5, error = NULL, claimed_at = NULL, claim_id = NULL, version = version + 1
                     WHERE id = $1 AND claim_id = $2`, [m.id, claimId, now.toISOString(), outcome.reference, redactLinks(m.body)]);
  } else {
    await tx.query(`UPDATE notification_outbox SET status = $4, error = $3, claimed_at = NULL, claim_id = NULL, version = version + 1 WHERE id = $1 AND claim_id = $2`,
      [m.id, claimId, outcome.error, outcome.giveUp ? 'failed' : 'pending']);
  }
}

export interface DispatchResult { sent: number; failed: number }

/**
 * Sends due messages of one municipality through the notifier, never inside a transaction that holds
 * row locks: (1) a short transaction claims them, (2) after it commits each is sent, (3) its outcome
 * is recorded in another short transaction. A sent message keeps its text for the record but loses
 * any personal-link token. A failure the notifier reports is retried until MAX_ATTEMPTS.
 *
 * At most once: if the process dies between (2) and (3), the message stays claimed and is later
 * marked failed with an unknown outcome (CLAIM_TIMEOUT_MINUTES) for staff to check, instead of being
 * sent again — a reminder or a personal link sent twice is worse than one staff can resend by hand.
 */
export async function dispatchOutbox(db: Database, municipalityId: string, now: Date, notifier: Notifier, opts: { ids?: string[]; limit?: number } = {}): Promise<DispatchResult> {
  if (opts.ids && opts.ids.length === 0) return { sent: 0, failed: 0 };
  const claimId = randomUUID();
  const claimed = await db.tenantTransaction(municipalityId, (tx) => claimDue(tx, now, notifier.channels, claimId, opts));
  let sent = 0;
  let failed = 0;
  for (const m of claimed) {
    const outcome = await sendOne(notifier, m);
    await db.tenantTransaction(municipalityId, (tx) => recordOutcome(tx, now, m, claimId, outcome));
    if (outcome.sent) sent++;
    else failed++;
  }
  return { sent, failed };
}
