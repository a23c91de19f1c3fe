import type { Database } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import type { Notifier } from '../notifier/notifier.ts';
import { dispatchOutbox } from '../notifier/outbox.ts';
import { sendDueLinks } from '../assessment/links/task-service.ts';
import { queueSessionReminders } from '../teams/reminders.ts';
import { closeCampaign } from '../recruitment/campaign-service.ts';
import { klGatewayJob, type ReportingContext } from '../reporting/job.ts';
import { localDate, reminderHorizon, type JobName, type JobSettings } from './schedule.ts';

/** reporting: the CPR vault and gateway settings the KL Gateway job needs; without them (tools, tests) that job is not run. */
export interface JobContext { db: Database; notifier: Notifier; settings: JobSettings; reporting?: ReportingContext | undefined }

/** The scheduler acts as this actor in the audit log: no staff member, role "system". */
export const systemActor = (municipalityId: string): Actor => ({ userId: null, role: 'system', municipalityId });

type Counts = Record<string, number>;
type Task = (ctx: JobContext, municipalityId: string, now: Date) => Promise<Counts>;

/**
 * Each job's work for one municipality. Work that queues messages runs in one tenant transaction;
 * the messages it queued are sent after that commits (dispatchOutbox claims, sends, records).
 * Every job is idempotent: what was done is marked (task status, outbox dedupe key, campaign ended),
 * so a second run does nothing twice.
 */
export const tasks: Record<JobName, Task> = {
  async 'questionnaire-tasks'(ctx, municipalityId, now) {
    const r = await ctx.db.tenantTransaction(municipalityId, (tx) => sendDueLinks(tx, systemActor(municipalityId), now));
    const d = await dispatchOutbox(ctx.db, municipalityId, now, ctx.notifier, { ids: r.outboxIds });
    return { linksCreated: r.sent, withoutPhone: r.withoutPhone, sent: d.sent, failed: d.failed };
  },
  async 'session-reminders'(ctx, municipalityId, now) {
    const window = { now, until: reminderHorizon(now, ctx.settings.reminderDaysBefore), today: localDate(now), consent: ctx.settings.reminderConsent };
    const r = await ctx.db.tenantTransaction(municipalityId, (tx) => queueSessionReminders(tx, municipalityId, window));
    const d = await dispatchOutbox(ctx.db, municipalityId, now, ctx.notifier, { ids: r.outboxIds });
    return { queued: r.queued, withoutConsent: r.withoutConsent, sent: d.sent, failed: d.failed };
  },
  async 'campaign-ends'(ctx, municipalityId, now) {
    return ctx.db.tenantTransaction(municipalityId, async (tx) => {
      const due = (await tx.query<{ id: string; version: number }>(
        `SELECT id, version FROM campaign WHERE status = 'active' AND ends_on < $1::date ORDER BY ends_on FOR UPDATE SKIP LOCKED`, [localDate(now)])).rows;
      let erasedContacts = 0;
      for (const c of due) erasedContacts += await closeCampaign(tx, systemActor(municipalityId), now, c.id, c.version);
      return { campaignsEnded: due.length, erasedContacts };
    });
  },
  async 'kl-gateway'(ctx, municipalityId, now) {
    if (!ctx.reporting) throw new Error('KL Gateway-jobbet mangler CPR-nøgler og gatewayindstillinger (no reporting context)');
    return klGatewayJob(ctx.db, ctx.reporting, systemActor(municipalityId), now);
  },
  async outbox(ctx, municipalityId, now) {
    const d = await dispatchOutbox(ctx.db, municipalityId, now, ctx.notifier);
    return { sent: d.sent, failed: d.failed };
  },
};
