import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { tenantRead } from '../http/context.ts';
import { errorResponses, id } from '../shared/schemas.ts';
import { planningRoles } from '../offers/routes.ts';
import { listRuns } from './job-runs.ts';
import { jobDefinitions, jobNames, jobsOf } from './schedule.ts';

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
      jobs: jobNames.map((n) => { const d = jobDefinitions[n]; return { name: n, label: d.label, everyMinutes: d.everyMinutes, citizenFacing: d.citizenFacing }; }),
      runs: (await listRuns(tx, { job: req.query.job, limit: req.query.limit })) as z.infer<typeof JobRunsOut>['runs'],
    };
  }));
}
