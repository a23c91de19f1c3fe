import { hostname } from 'node:os';
import type { Database } from '../db/database.ts';
import type { Notifier } from '../notifier/notifier.ts';
import { redactCpr } from '../notifier/redact.ts';
import { acquireRun, finishRun, lastRuns, type Trigger } from './job-runs.ts';
import { dueJobs, jobNames, type JobName, type JobSettings } from './schedule.ts';
import { tasks, type JobContext } from './tasks.ts';

export interface RunnerContext {
  db: Database;
  notifier: Notifier;
  settings: JobSettings;
  clock: () => Date;
  /** For the KL Gateway job; without it that job is left out of runs of all jobs. */
  reporting?: JobContext['reporting'];
  log?: (entry: Record<string, unknown>, text: string) => void;
}

export interface RunResult { municipalityId: string; job: JobName; status: 'ok' | 'failed' | 'skipped'; counts: Record<string, number>; error: string | null }

const runnerName = `${hostname()}:${process.pid}`;

/** The error as recorded and logged: the message only, shortened, with anything shaped like a CPR number removed. */
const describe = (err: unknown): string => redactCpr(err instanceof Error ? err.message : String(err)).slice(0, 500);

/**
 * Runs one job for one municipality: takes the lease (skipped if another process runs it), does the
 * work, and records the run with its counts or its error in short tenant transactions of its own.
 */
export async function runJob(ctx: RunnerContext, municipalityId: string, job: JobName, trigger: Trigger): Promise<RunResult> {
  const started = ctx.clock();
  const runId = await ctx.db.tenantTransaction(municipalityId, (tx) => acquireRun(tx, municipalityId, job, trigger, started, ctx.settings.leaseMinutes, runnerName));
  if (!runId) return { municipalityId, job, status: 'skipped', counts: {}, error: null };
  let result: RunResult;
  try {
    const counts = await tasks[job]({ db: ctx.db, notifier: ctx.notifier, settings: ctx.settings, reporting: ctx.reporting }, municipalityId, started);
    result = { municipalityId, job, status: 'ok', counts, error: null };
  } catch (err) {
    result = { municipalityId, job, status: 'failed', counts: {}, error: describe(err) };
  }
  await ctx.db.tenantTransaction(municipalityId, (tx) => finishRun(tx, runId, ctx.clock(), result.error === null ? { counts: result.counts } : { error: result.error }));
  ctx.log?.({ job, municipalityId, status: result.status, counts: result.counts, error: result.error }, `job ${job}: ${result.status}`);
  return result;
}

export interface RunOptions {
  /** The jobs to consider (default all). */
  jobs?: readonly JobName[];
  /** Restrict to these municipalities (default every municipality). */
  municipalityIds?: readonly string[];
  /** Only the jobs due by their interval and sending hours (the scheduler); otherwise run them all now. */
  onlyDue: boolean;
  trigger: Trigger;
}

/**
 * Runs the jobs once for each municipality, one after another. A failing job does not stop the
 * others; when even its run could not be recorded (the database went away), it is reported as
 * failed in the result and the log, and the next municipality is tried.
 */
export async function runJobsOnce(ctx: RunnerContext, opts: RunOptions): Promise<RunResult[]> {
  const all = (await ctx.db.owner.query<{ id: string }>('SELECT id FROM municipality ORDER BY code')).rows.map((r) => r.id);
  const municipalities = opts.municipalityIds ? all.filter((id) => opts.municipalityIds!.includes(id)) : all;
  const wanted = opts.jobs ?? jobNames.filter((j) => j !== 'kl-gateway' || ctx.reporting);
  const results: RunResult[] = [];
  for (const municipalityId of municipalities) {
    // The jobs still to run here; when something fails outside a job's own work, these are reported.
    let pending: JobName[] = jobNames.filter((j) => wanted.includes(j));
    try {
      if (opts.onlyDue) pending = dueJobs(ctx.clock(), await ctx.db.tenantTransaction(municipalityId, (tx) => lastRuns(tx)), ctx.settings, wanted);
      while (pending.length > 0) {
        results.push(await runJob(ctx, municipalityId, pending[0]!, opts.trigger));
        pending = pending.slice(1);
      }
    } catch (err) {
      const error = describe(err);
      ctx.log?.({ municipalityId, jobs: pending, error }, 'jobs not run for a municipality');
      for (const job of pending) results.push({ municipalityId, job, status: 'failed', counts: {}, error });
    }
  }
  return results;
}

export interface Scheduler { stop(): Promise<void> }

/**
 * Starts the in-process scheduler: every intervalSeconds it runs the due jobs of every municipality.
 * Ticks never overlap within a process; across processes the lease in job_run keeps one runner per
 * job and municipality. The timer does not keep the process alive.
 */
export function startScheduler(ctx: RunnerContext, opts: Omit<RunOptions, 'onlyDue' | 'trigger'> = {}): Scheduler {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runJobsOnce(ctx, { ...opts, onlyDue: true, trigger: 'scheduler' })
      .catch((err: unknown) => ctx.log?.({ error: describe(err) }, 'scheduler tick failed'))
      .finally(() => { running = null; });
  };
  const timer = setInterval(tick, ctx.settings.intervalSeconds * 1000);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
