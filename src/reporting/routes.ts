import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Queryable } from '../db/database.ts';
import type { Router } from '../http/routes.ts';
import { careRoles, everyRole, type Role } from '../auth/roles.ts';
import { requireActor, tenantRead } from '../http/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { maskCpr } from '../domain/cpr.ts';
import { errorResponses } from '../shared/schemas.ts';
import { gatewayClient } from './gateway-client.ts';
import { runReports } from './report-run.ts';
import { sendPending } from './send.ts';
import { fhirInRoutes } from './fhir-in-routes.ts';
import { listRuns } from '../jobs/job-runs.ts';
import { everyMinutesOf, jobsOf } from '../jobs/schedule.ts';

const tags = ['kl-gateway'];
const planners: readonly Role[] = ['coordinator', 'admin'];
const statuses = ['invalid', 'pending', 'accepted', 'rejected', 'failed', 'superseded'] as const;

const RunOut = z.object({
  id: z.uuid(), startedAt: z.string(), finishedAt: z.string().nullable(), status: z.string(), citizens: z.number(), reports: z.number(),
  invalid: z.number(), accepted: z.number(), rejected: z.number(), waiting: z.number(),
});
const ReportOut = z.object({
  id: z.uuid(), runId: z.uuid(), createdAt: z.string(), status: z.enum(statuses), resources: z.number(),
  citizen: z.object({ id: z.uuid(), name: z.string(), cpr: z.string().describe('Masked: birth date part only') }),
  attempts: z.number(), responseStatus: z.number().nullable(), reason: z.string().nullable().describe('The gateway\'s reason for a rejection or failure'),
  issues: z.array(z.object({ path: z.string(), rule: z.string() })).describe('Validation issues of an invalid report (never sent)'),
  answeredAt: z.string().nullable(),
});
const JobOut = z.object({
  schedulerEnabled: z.boolean(), everyMinutes: z.number(), hours: z.object({ from: z.number(), to: z.number() }),
  lastRun: z.object({ startedAt: z.string(), finishedAt: z.string().nullable(), status: z.enum(['running', 'ok', 'failed']), trigger: z.string(),
    counts: z.record(z.string(), z.number()), error: z.string().nullable() }).nullable(),
}).describe('The scheduled KL Gateway job: its timing and its latest run (counts only)');
const SendOut = z.object({ sent: z.number(), accepted: z.number(), rejected: z.number(), failed: z.number() });

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(v as string).toISOString());
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) as T : v as T);

export function reportingRoutes(app: Router, deps: Deps): void {
  const settings = jobsOf(deps.config);
  const klJob = async (tx: Queryable): Promise<z.infer<typeof JobOut>> => {
    const last = (await listRuns(tx, { job: 'kl-gateway', limit: 1 }))[0];
    return {
      schedulerEnabled: settings.enabled, everyMinutes: everyMinutesOf('kl-gateway', settings), hours: settings.timing?.['kl-gateway']?.hours ?? { from: 0, to: 24 },
      lastRun: last ? { startedAt: last.startedAt, finishedAt: last.finishedAt, status: last.status as 'running' | 'ok' | 'failed', trigger: last.trigger, counts: last.counts, error: last.error } : null,
    };
  };
  app.get('/api/kl-gateway/runs', {
    config: { policy: 'reporting.read', access: everyRole },
    schema: { tags, summary: 'KL Gateway §119 report runs, newest first, with counts by the reports\' current status (no personal data)',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ runs: z.array(RunOut), sendingEnabled: z.boolean(), job: JobOut }), ...errorResponses } },
  }, (req) => tenantRead(deps, req, async (tx) => ({
    sendingEnabled: deps.config.klGateway?.enabled === true,
    job: await klJob(tx),
    runs: (await tx.query<Record<string, unknown>>(
      `SELECT r.*, count(*) FILTER (WHERE k.status = 'accepted')::int AS accepted, count(*) FILTER (WHERE k.status = 'rejected')::int AS rejected,
         count(*) FILTER (WHERE k.status IN ('pending', 'failed'))::int AS waiting
       FROM kl_report_run r LEFT JOIN kl_report k ON k.run_id = r.id GROUP BY r.id ORDER BY r.started_at DESC LIMIT $1`, [req.query.limit])).rows
      .map((r) => ({ id: String(r.id), startedAt: iso(r.started_at)!, finishedAt: iso(r.finished_at), status: String(r.status), citizens: Number(r.citizens),
        reports: Number(r.reports), invalid: Number(r.invalid), accepted: Number(r.accepted), rejected: Number(r.rejected), waiting: Number(r.waiting) })),
  })));

  app.get('/api/kl-gateway/reports', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: { tags, summary: 'Reports by status or run, e.g. ?status=rejected for the rejected reports with reason and citizen; each listed citizen is audit-logged',
      querystring: z.object({ status: z.enum(statuses).optional(), runId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: { 200: z.object({ reports: z.array(ReportOut) }), ...errorResponses } },
  }, (req) => tenantRead(deps, req, async (tx, actor) => {
    const rows = (await tx.query<Record<string, unknown>>(
      `SELECT k.id, k.run_id, k.created_at, k.status, k.resource_count, k.attempts, k.response_status, k.rejection_reason, k.issues, k.answered_at,
         c.id AS citizen_id, c.given_name, c.family_name, c.cpr_encrypted
       FROM kl_report k JOIN citizen c ON c.id = k.citizen_id
       WHERE ($1::text IS NULL OR k.status = $1) AND ($2::uuid IS NULL OR k.run_id = $2) ORDER BY k.created_at DESC, k.id LIMIT $3`,
      [req.query.status ?? null, req.query.runId ?? null, req.query.limit])).rows;
    await appendAudit(tx, actor, deps.clock(), rows.map((r) => ({ action: 'search' as const, resourceType: 'KlGatewayReport', resourceId: String(r.id), citizenId: String(r.citizen_id), purpose: 'reporting' as const })));
    return {
      reports: rows.map((r) => ({
        id: String(r.id), runId: String(r.run_id), createdAt: iso(r.created_at)!, status: r.status as (typeof statuses)[number], resources: Number(r.resource_count),
        citizen: { id: String(r.citizen_id), name: `${String(r.given_name)} ${String(r.family_name)}`, cpr: maskCpr(deps.vault.decrypt(String(r.cpr_encrypted))) },
        attempts: Number(r.attempts), responseStatus: r.response_status === null ? null : Number(r.response_status),
        reason: r.rejection_reason === null ? null : String(r.rejection_reason), issues: json<{ path: string; rule: string }[]>(r.issues), answeredAt: iso(r.answered_at),
      })),
    };
  }));

  app.post('/api/kl-gateway/runs', {
    config: { policy: 'reporting.run', access: planners },
    schema: { tags, summary: 'Make a report run now: a report per citizen with what changed since their last accepted report; send the queue when sending is enabled and asked for',
      body: z.strictObject({ send: z.boolean().default(false) }),
      response: { 201: z.object({ run: z.object({ id: z.uuid(), citizens: z.number(), reports: z.number(), invalid: z.number() }), send: SendOut.nullable() }), ...errorResponses } },
  }, async (req, reply) => {
    // The run and each answer get their own transactions (see runReports, sendPending), so a slow gateway holds no lock.
    // A repeated POST is harmless: a citizen with nothing new gets no new report.
    const actor = requireActor(req);
    const run = await runReports(deps.db, deps.vault, actor, deps.clock());
    const gateway = deps.config.klGateway;
    const send = req.body.send && gateway?.enabled ? await sendPending(deps.db, deps.vault, gatewayClient(gateway), actor.municipalityId, deps.clock) : null;
    return reply.code(201).send({ run: { id: run.id, citizens: run.citizens, reports: run.reports, invalid: run.invalid }, send });
  });

  fhirInRoutes(app, deps);
}
