import type { Queryable } from '../db/database.ts';
import type { JobName, LastRun } from './schedule.ts';

export type Trigger = 'scheduler' | 'cli' | 'api';

export const INTERRUPTED = 'Afbrudt: processen stoppede under kørslen (interrupted)';

/**
 * Takes the lease for one job in the caller's municipality: a run row with status 'running'. A
 * running row older than the lease is taken to be interrupted and marked failed first. Returns the
 * run's id, or null when another process holds the lease (the partial unique index admits one).
 */
export async function acquireRun(tx: Queryable, municipalityId: string, job: JobName, trigger: Trigger, now: Date, leaseMinutes: number, runner: string): Promise<string | null> {
  await tx.query(
    `UPDATE job_run SET status = 'failed', finished_at = $3, error = $4, version = version + 1
      WHERE job = $1 AND status = 'running' AND started_at < $3::timestamptz - make_interval(mins => $2)`,
    [job, leaseMinutes, now.toISOString(), INTERRUPTED]);
  const row = (await tx.query<{ id: string }>(
    `INSERT INTO job_run (municipality_id, job, trigger, started_at, runner) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING RETURNING id`, [municipalityId, job, trigger, now.toISOString(), runner])).rows[0];
  return row?.id ?? null;
}

/** Records how a run ended: counts (no personal data) or the error. */
export async function finishRun(tx: Queryable, runId: string, now: Date, outcome: { counts: Record<string, number> } | { error: string }): Promise<void> {
  await tx.query(
    `UPDATE job_run SET status = $2, finished_at = $3, counts = $4, error = $5, version = version + 1 WHERE id = $1 AND status = 'running'`,
    [runId, 'error' in outcome ? 'failed' : 'ok', now.toISOString(), JSON.stringify('counts' in outcome ? outcome.counts : {}), 'error' in outcome ? outcome.error : null]);
}

/** The latest run of each job in the caller's municipality (the scheduler's state). */
export async function lastRuns(tx: Queryable): Promise<LastRun[]> {
  return (await tx.query<{ job: string; startedAt: Date; status: LastRun['status'] }>(
    `SELECT DISTINCT ON (job) job, started_at AS "startedAt", status FROM job_run ORDER BY job, started_at DESC, seq DESC`)).rows
    .map((r) => ({ ...r, startedAt: new Date(r.startedAt) }));
}

export interface RunRow {
  id: string; job: string; trigger: string; status: string; startedAt: string; finishedAt: string | null;
  counts: Record<string, number>; error: string | null; runner: string | null;
}

/** The latest runs in the caller's municipality, newest first. */
export async function listRuns(tx: Queryable, opts: { job?: string | undefined; limit: number }): Promise<RunRow[]> {
  const rows = (await tx.query<{ id: string; job: string; trigger: string; status: string; started_at: Date; finished_at: Date | null; counts: Record<string, number>; error: string | null; runner: string | null }>(
    `SELECT id, job, trigger, status, started_at, finished_at, counts, error, runner FROM job_run
      WHERE ($1::text IS NULL OR job = $1) ORDER BY started_at DESC, seq DESC LIMIT $2`, [opts.job ?? null, opts.limit])).rows;
  return rows.map((r) => ({
    id: r.id, job: r.job, trigger: r.trigger, status: r.status, startedAt: new Date(r.started_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null, counts: r.counts, error: r.error, runner: r.runner,
  }));
}
