import { useState } from 'react';
import { api, type Me } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { Alert, ProblemAlert, TableScroll, useSubmit } from '../../ui/form.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';
import { useJobsText, useRunResult } from '../jobs/text.ts';

interface Run { id: string; startedAt: string; status: string; citizens: number; reports: number; invalid: number; accepted: number; rejected: number; waiting: number }
interface Report { id: string; runId: string; createdAt: string; citizen: { id: string; name: string; cpr: string }; reason: string | null; responseStatus: number | null }
interface JobRun { startedAt: string; status: 'running' | 'ok' | 'failed'; counts: Record<string, number>; error: string | null }
interface Job { schedulerEnabled: boolean; everyMinutes: number; hours: { from: number; to: number }; lastRun: JobRun | null }
interface Started { run: { citizens: number; reports: number; invalid: number } }

const planners = ['coordinator', 'admin'];

/** KL Gateway §119 reporting: the runs, the reports the gateway rejected (reason and citizen), and starting a run. */
export function KlGatewayPage({ me }: { me: Me }) {
  const { t, dateTime } = useI18n();
  const tj = useJobsText();
  const result = useRunResult();
  const hour = (h: number) => String(h).padStart(2, '0');
  usePageTitle(t('kl.title'));
  const state = useLoad(async () => {
    const [runs, rejected] = await Promise.all([
      api.get<{ runs: Run[]; sendingEnabled: boolean; job: Job }>('/api/kl-gateway/runs?limit=20'),
      api.get<{ reports: Report[] }>('/api/kl-gateway/reports?status=rejected&limit=100'),
    ]);
    return { ...runs, rejected: rejected.reports };
  }, []);
  const [started, setStarted] = useState<Started['run'] | null>(null);
  const submit = useSubmit();
  const start = (send: boolean) => submit.run(null, () => ({}), async (key) => {
    setStarted((await api.post<Started>('/api/kl-gateway/runs', { send }, key)).run);
    await state.reload();
  });
  return (
    <>
      <h1 tabIndex={-1}>{t('kl.title')}</h1>
      <p className="lead">{t('kl.lead')}</p>
      <Loaded state={state}>{(data) => (
        <>
          <p>{data.sendingEnabled ? t('kl.sendingOn') : t('kl.sendingOff')}</p>
          {planners.includes(me.role) && (
            <p className="button-list">
              <button type="button" className="button button-primary" disabled={submit.busy} onClick={() => void start(false)}>{t('kl.start')}</button>
              {data.sendingEnabled && <button type="button" className="button button-secondary" disabled={submit.busy} onClick={() => void start(true)}>{t('kl.startAndSend')}</button>}
            </p>
          )}
          <ProblemAlert state={submit} />
          {started && <Alert variant="success" focus>{t('kl.started', started)}</Alert>}
          <h2>{t('kl.job')}</h2>
          <p>{data.job.schedulerEnabled ? t('kl.jobOn', { every: data.job.everyMinutes, from: hour(data.job.hours.from), to: hour(data.job.hours.to) }) : t('kl.jobOff')}</p>
          {data.job.lastRun ? (
            <p>
              {t('kl.jobLast', { when: dateTime(data.job.lastRun.startedAt), status: tj(`jobs.status.${data.job.lastRun.status}`) })}{' '}
              {data.job.lastRun.error ? t('kl.jobError', { error: data.job.lastRun.error }) : t('kl.jobResult', { result: result(data.job.lastRun.counts) || '–' })}
            </p>
          ) : <p>{t('kl.jobNever')}</p>}
          {planners.includes(me.role) && <p><Link href="/planlagte-koersler">{t('kl.jobLink')}</Link></p>}
          <h2>{t('kl.rejectedTitle')}</h2>
          {data.rejected.length === 0 ? <p>{t('kl.noRejected')}</p> : (
            <TableScroll label={t('kl.rejectedTitle')}>
              <table className="table table--compact">
                <thead><tr><th scope="col">{t('kl.citizen')}</th><th scope="col">{t('kl.reason')}</th><th scope="col">{t('kl.created')}</th></tr></thead>
                <tbody>{data.rejected.map((r) => (
                  <tr key={r.id}>
                    <th scope="row"><Link href={`/borger/${r.citizen.id}`}>{r.citizen.name}</Link> <span className="meta">({r.citizen.cpr})</span></th>
                    <td>{r.reason ?? '–'}</td><td>{dateTime(r.createdAt)}</td>
                  </tr>
                ))}</tbody>
              </table>
            </TableScroll>
          )}
          <h2>{t('kl.runs')}</h2>
          {data.runs.length === 0 ? <p>{t('kl.noRuns')}</p> : (
            <TableScroll label={t('kl.runs')}>
              <table className="table table--compact">
                <thead><tr>
                  <th scope="col">{t('kl.startedAt')}</th><th scope="col" className="text-right">{t('kl.citizens')}</th><th scope="col" className="text-right">{t('kl.reports')}</th>
                  <th scope="col" className="text-right">{t('kl.invalid')}</th><th scope="col" className="text-right">{t('kl.accepted')}</th>
                  <th scope="col" className="text-right">{t('kl.rejected')}</th><th scope="col" className="text-right">{t('kl.waiting')}</th>
                </tr></thead>
                <tbody>{data.runs.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{dateTime(r.startedAt)}</th>
                    {[r.citizens, r.reports, r.invalid, r.accepted, r.rejected, r.waiting].map((n, i) => <td key={i} className="text-right">{n}</td>)}
                  </tr>
                ))}</tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}</Loaded>
    </>
  );
}
