import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { requireActor, tenantRead } from '../http/context.ts';
import { errorResponses, id } from '../shared/schemas.ts';
import { validationError } from '../shared/errors.ts';
import { planningRoles } from '../offers/routes.ts';
import { configuredNotifier } from '../notifier/notifier.ts';
import { listRuns } from './job-runs.ts';
import { runJob } from './runner.ts';
import { everyMinutesOf, jobDefinitions, jobNames, jobsOf, withinSendHours } from './schedule.ts';

const tags = ['scheduled jobs'];
const Label = z.object({ da: z.string(), en: z.string() });

export const JobRunsOut = z.object({
  scheduler: z.object({ enabled: z.boolean(), intervalSeconds: z.number(), sendHours: z.object({ from: z.number(), to: z.number() }), reminderDaysBefore: z.number(), reminderConsent: z.string() }),
  jobs: z.array(z.object({ name: z.enum(jobNames), label: Label, everyMinutes: z.number(), citizenFacing: z.boolean() })),
  runs: z.array(z.object({
    id, job: z.string(), trigger: z.string(), status: z.enum(['running', 'ok', 'failed']), startedAt: z.string(), finishedAt: z.string().nullable(),
    counts: z.record(z.string(), z.number()).describe('What the run did, as counts (no personal data)'), error: z.string().nullable(), runner: z.string().nullable(),
  })),
});

/** What the scheduler did in the caller's municipality: the jobs, their settings and the latest runs (counts only). */
export function jobRoutes(app: Router, deps: Deps): void {
  const notifier = configuredNotifier((entry, text) => app.log.info(entry, text));
  app.get('/api/jobs/runs', {
    config: { policy: 'team.plan', access: planningRoles },
    schema: {
      tags, summary: 'The scheduled jobs (questionnaire links, session reminders, campaign ends, the outbox) and their latest runs in the municipality: when, what, counts, error',
      querystring: z.strictObject({ job: z.enum(jobNames).optional(), limit: z.coerce.number().int().min(1).max(500).default(50) }),
      response: { 200: JobRunsOut, ...errorResponses },
    },
  }, (req) => tenantRead(deps, req, async (tx) => {
    const s = jobsOf(deps.config);
    return {
      scheduler: { enabled: s.enabled, intervalSeconds: s.intervalSeconds, sendHours: s.sendHours, reminderDaysBefore: s.reminderDaysBefore, reminderConsent: s.reminderConsent },
      jobs: jobNames.map((n) => { const d = jobDefinitions[n]; return { name: n, label: d.label, everyMinutes: everyMinutesOf(n, s), citizenFacing: d.citizenFacing }; }),
      runs: (await listRuns(tx, { job: req.query.job, limit: req.query.limit })) as z.infer<typeof JobRunsOut>['runs'],
    };
  }));

  app.post('/api/jobs/:name/run', {
    config: { policy: 'team.plan', access: planningRoles },
    schema: {
      tags, summary: 'Run one job now for the municipality (as the scheduler would, recorded with trigger "api"); a job that messages citizens only inside the sending hours, and not while it is already running',
      params: z.strictObject({ name: z.enum(jobNames) }), body: z.strictObject({}).optional(),
      response: { 200: z.object({ job: z.enum(jobNames), status: z.enum(['ok', 'failed']), counts: z.record(z.string(), z.number()), error: z.string().nullable() }), ...errorResponses },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const settings = jobsOf(deps.config);
    const name = req.params.name;
    const hours = settings.sendHours;
    if (jobDefinitions[name].citizenFacing && !withinSendHours(deps.clock(), hours)) {
      throw validationError([{ path: 'name', rule: 'jobs.outside_send_hours', params: { from: String(hours.from).padStart(2, '0'), to: String(hours.to).padStart(2, '0') } }]);
    }
    const r = await runJob({ db: deps.db, notifier, settings, clock: deps.clock, reporting: { vault: deps.vault, gateway: deps.config.klGateway } }, actor.municipalityId, name, 'api');
    if (r.status === 'skipped') throw validationError([{ path: 'name', rule: 'jobs.running' }]);
    return { job: r.job, status: r.status, counts: r.counts, error: r.error };
  });
}
