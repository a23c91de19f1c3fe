import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { careRoles } from '../auth/roles.ts';
import { tenantRead, tenantWrite } from '../http/context.ts';
import { errorResponses, IdParams, version } from '../shared/schemas.ts';
import { planningRoles } from '../offers/routes.ts';
import { CallInput, CallListEntry, CallOut, OverbookingOut, TeamProgress } from './attendance-schemas.ts';
import { attendanceCallList, recordAttendanceCall, teamProgress } from './attendance-service.ts';
import { overbookingFor } from './overbooking-service.ts';
import { configuredNotifier } from '../notifier/notifier.ts';
import { dispatchOutbox } from '../notifier/outbox.ts';
import { queueSessionReminders } from './reminders.ts';
import { jobsOf, localDate } from '../jobs/schedule.ts';
import { WaitingEntry, WaitingInput, WaitingStatusInput } from './waiting-list-schemas.ts';
import { addToWaitingList, enrolFromWaitingList, listWaiting, setWaitingStatus } from './waiting-list-service.ts';

const tags = ['teams'];
const noStore = { 'cache-control': 'no-store' };

/** Waiting lists, overbooking advice, completion, the attendance call list and session reminders. */
export function teamAttendanceRoutes(app: Router, deps: Deps): void {
  const notifier = configuredNotifier((entry, text) => app.log.info(entry, text));
  app.get('/api/teams/:id/waiting-list', {
    config: { policy: 'team.read', access: careRoles },
    schema: { tags, summary: 'The team\'s waiting list in order, with the "place free" message and whether it was sent (each citizen shown is audit-logged)', params: IdParams, response: { 200: z.object({ entries: z.array(WaitingEntry) }), ...errorResponses } },
  }, (req, reply) => { reply.headers(noStore); return tenantRead(deps, req, async (tx, actor) => ({ entries: await listWaiting(tx, actor, deps.clock(), req.params.id) })); });

  app.post('/api/teams/:id/waiting-list', {
    config: { policy: 'team.write', access: careRoles },
    schema: { tags, summary: 'Put a course (referral) on the team\'s waiting list; a team with a free place offers it at once', params: IdParams, body: WaitingInput, response: { 201: WaitingEntry, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, (tx, actor) => addToWaitingList(tx, actor, deps.clock(), req.params.id, req.body)));

  app.post('/api/waiting-list/:id/status', {
    config: { policy: 'team.write', access: careRoles },
    schema: { tags, summary: 'The citizen declined the place or left the list; the next person waiting is offered the place', params: IdParams, body: WaitingStatusInput, response: { 200: WaitingEntry, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 200, (tx, actor) => setWaitingStatus(tx, actor, deps.clock(), req.params.id, req.body)));

  app.post('/api/waiting-list/:id/enrol', {
    config: { policy: 'team.write', access: careRoles },
    schema: { tags, summary: 'Give the citizen the place: their open intervention joins the team', params: IdParams, body: z.strictObject({ version }), response: { 200: WaitingEntry, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 200, (tx, actor) => enrolFromWaitingList(tx, actor, deps.clock(), req.params.id, req.body.version)));

  app.get('/api/teams/:id/overbooking', {
    config: { policy: 'team.read', access: careRoles },
    schema: { tags, summary: 'Overbooking advice from the show rate of similar earlier participants (counts only)', params: IdParams, response: { 200: OverbookingOut, ...errorResponses } },
  }, (req) => tenantRead(deps, req, (tx) => overbookingFor(tx, deps.clock(), req.params.id)));

  app.get('/api/teams/:id/progress', {
    config: { policy: 'team.read', access: careRoles },
    schema: { tags, summary: 'Attendance and completion per participant (completed = at least the offer\'s share of sessions, default 75 %)', params: IdParams, response: { 200: TeamProgress, ...errorResponses } },
  }, (req, reply) => { reply.headers(noStore); return tenantRead(deps, req, (tx, actor) => teamProgress(tx, actor, deps.clock(), req.params.id)); });

  app.get('/api/attendance-call-list', {
    config: { policy: 'team.read', access: careRoles },
    schema: { tags, summary: 'Participants who missed two sessions in a row and have not been called since, with their attendance history', response: { 200: z.object({ entries: z.array(CallListEntry) }), ...errorResponses } },
  }, (req, reply) => { reply.headers(noStore); return tenantRead(deps, req, async (tx, actor) => ({ entries: await attendanceCallList(tx, actor, deps.clock()) })); });

  app.post('/api/attendance-call-list/:id/calls', {
    config: { policy: 'team.write', access: careRoles },
    schema: { tags, summary: 'Record the call to a participant on the call list (id = the intervention); a drop-out stops the intervention with a KL cancellation reason', params: IdParams, body: CallInput, response: { 201: CallOut, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, (tx, actor) => recordAttendanceCall(tx, actor, deps.clock(), req.params.id, req.body)));

  app.post('/api/session-reminders', {
    config: { policy: 'team.plan', access: planningRoles },
    schema: {
      tags, summary: 'Queue SMS reminders for sessions in the next hours (participants with a phone whom the SMS-consent rule allows) and, after committing, send what is due through the notifier outbox, which records each sending (the scheduler does this the day before; this is the manual run)',
      body: z.strictObject({ hoursAhead: z.number().int().min(1).max(168).default(48) }),
      response: { 200: z.object({ queued: z.number(), withoutConsent: z.number().describe('Participant-sessions left without a reminder because the SMS consent rule does not allow one'), sent: z.number(), failed: z.number() }), ...errorResponses },
    },
  }, (req, reply) => tenantWrite(deps, req, reply, 200, async (tx, actor) => {
    const now = deps.clock();
    const { queued, withoutConsent } = await queueSessionReminders(tx, actor.municipalityId, { now, until: new Date(now.getTime() + req.body.hoursAhead * 3_600_000), today: localDate(now), consent: jobsOf(deps.config).reminderConsent });
    return { queued, withoutConsent, sent: 0, failed: 0 };
  }, async (body, actor) => ({ ...body, ...(await dispatchOutbox(deps.db, actor.municipalityId, deps.clock(), notifier)) })));

  app.get('/api/teams/:id/reminders', {
    config: { policy: 'team.read', access: careRoles },
    schema: { tags, summary: 'Reminder messages per session of the team: how many were queued, sent and failed (counts only)', params: IdParams, response: { 200: z.object({ sessions: z.array(z.object({ sessionId: z.string(), pending: z.number(), sent: z.number(), failed: z.number() })) }), ...errorResponses } },
  }, (req) => tenantRead(deps, req, async (tx) => ({
    sessions: (await tx.query<{ sessionId: string; pending: number; sent: number; failed: number }>(
      `SELECT ts.id AS "sessionId", count(o.id) FILTER (WHERE o.status = 'pending')::int AS pending, count(o.id) FILTER (WHERE o.status = 'sent')::int AS sent,
              count(o.id) FILTER (WHERE o.status = 'failed')::int AS failed
         FROM team_session ts JOIN notification_outbox o ON o.related_type = 'TeamSession' AND o.related_id = ts.id
        WHERE ts.team_id = $1 GROUP BY ts.id`, [req.params.id])).rows,
  })));
}
