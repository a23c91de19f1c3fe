import { useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { Alert, TableScroll } from '../../ui/form.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';
import { isJobsKey, useJobsText, useRunResult } from './text.ts';

interface JobRun { id: string; job: string; trigger: string; status: 'running' | 'ok' | 'failed'; startedAt: string; finishedAt: string | null; counts: Record<string, number>; error: string | null }
interface JobRuns {
  scheduler: { enabled: boolean; intervalSeconds: number; sendHours: { from: number; to: number }; reminderDaysBefore: number; reminderConsent: string };
  jobs: { name: string; label: { da: string; en: string }; everyMinutes: number }[];
  runs: JobRun[];
}

/** The scheduler's jobs and their latest runs in the municipality (counts only, no personal data). */
export function JobsPage() {
  const { lang, dateTime } = useI18n();
  const tj = useJobsText();
  usePageTitle(tj('jobs.title'));
  const state = useLoad(() => api.get<JobRuns>('/api/jobs/runs?limit=50'), []);
  const [outcome, setOutcome] = useState<{ variant: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const runNow = async (name: string, label: string) => {
    setBusy(name);
    setOutcome(null);
    try {
      const r = await api.post<{ status: 'ok' | 'failed'; counts: Record<string, number>; error: string | null }>(`/api/jobs/${name}/run`, {});
      setOutcome(r.status === 'ok'
        ? { variant: 'success', text: tj('jobs.ranOk', { job: label, result: result(r.counts) || '–' }) }
        : { variant: 'error', text: tj('jobs.ranFailed', { job: label, error: r.error ?? '' }) });
      await state.reload();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setOutcome({ variant: 'error', text: err.fields[0]?.message ?? err.message });
    } finally {
      setBusy(null);
    }
  };
  const result = useRunResult();
  return (
    <>
      <h1 tabIndex={-1}>{tj('jobs.title')}</h1>
      <p>{tj('jobs.intro')}</p>
      <div aria-live="polite" className="live-region">{outcome && <Alert variant={outcome.variant}>{outcome.text}</Alert>}</div>
      <Loaded state={state}>{({ scheduler, jobs, runs }) => {
        const labelOf = (name: string) => jobs.find((j) => j.name === name)?.label[lang] ?? name;
        const consentKey = `jobs.consent.${scheduler.reminderConsent}`;
        return (
          <>
            <p>{scheduler.enabled
              ? tj('jobs.on', { seconds: scheduler.intervalSeconds, from: String(scheduler.sendHours.from).padStart(2, '0'), to: String(scheduler.sendHours.to).padStart(2, '0') })
              : tj('jobs.off')}{' '}
            {tj('jobs.reminders', { days: scheduler.reminderDaysBefore, consent: isJobsKey(consentKey) ? tj(consentKey) : scheduler.reminderConsent })}</p>
            <h2>{tj('jobs.jobs')}</h2>
            <TableScroll label={tj('jobs.jobs')}>
              <table className="table table--compact">
                <thead><tr><th scope="col">{tj('jobs.job')}</th><th scope="col">{tj('jobs.every')}</th><th scope="col">{tj('jobs.last')}</th><th scope="col">{tj('jobs.status')}</th><th scope="col">{tj('jobs.action')}</th></tr></thead>
                <tbody>{jobs.map((j) => {
                  const last = runs.find((r) => r.job === j.name);
                  return (
                    <tr key={j.name}>
                      <th scope="row">{j.label[lang]}</th>
                      <td>{j.everyMinutes === 1 ? tj('jobs.everyMinute') : tj('jobs.everyMinutes', { n: j.everyMinutes })}</td>
                      <td>{last ? dateTime(last.startedAt) : tj('jobs.never')}</td>
                      <td>{last ? tj(`jobs.status.${last.status}`) : '–'}</td>
                      <td><button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void runNow(j.name, j.label[lang])}>
                        {tj('jobs.runNow')}<span className="sr-only"> – {j.label[lang]}</span></button></td>
                    </tr>
                  );
                })}</tbody>
              </table>
            </TableScroll>
            <h2>{tj('jobs.runs')}</h2>
            <button type="button" className="button button-secondary" onClick={() => void state.reload()}>{tj('jobs.reload')}</button>
            {runs.length === 0 ? <p>{tj('jobs.empty')}</p> : (
              <TableScroll label={tj('jobs.runs')}>
                <table className="table table--compact">
                  <thead><tr><th scope="col">{tj('jobs.started')}</th><th scope="col">{tj('jobs.job')}</th><th scope="col">{tj('jobs.trigger')}</th><th scope="col">{tj('jobs.status')}</th><th scope="col">{tj('jobs.result')}</th><th scope="col">{tj('jobs.error')}</th></tr></thead>
                  <tbody>{runs.map((r) => {
                    const trigger = `jobs.trigger.${r.trigger}`;
                    return (
                      <tr key={r.id}>
                        <td>{dateTime(r.startedAt)}</td>
                        <th scope="row">{labelOf(r.job)}</th>
                        <td>{isJobsKey(trigger) ? tj(trigger) : r.trigger}</td>
                        <td>{tj(`jobs.status.${r.status}`)}</td>
                        <td>{result(r.counts) || '–'}</td>
                        <td>{r.error ?? '–'}</td>
                      </tr>
                    );
                  })}</tbody>
                </table>
              </TableScroll>
            )}
          </>
        );
      }}</Loaded>
    </>
  );
}
