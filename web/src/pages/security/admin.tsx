import { useEffect, useRef, useState } from 'react';
import { api, ApiError, newIdempotencyKey } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { Alert, TableScroll } from '../../ui/form.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';
import { useSecurityText } from './text.ts';

interface Staff { id: string; username: string; displayName: string; role: string; locked: boolean; mfaEnabled: boolean }
interface Candidate { citizenId: string; basis: 'ended' | 'closed'; dueOn: string }
interface DryRun { candidates: Candidate[]; fingerprint: string }

/** The administrator's page: locked accounts, lost second factors, and retention (the dry run, then the confirmed run). */
export function AdminPage() {
  const s = useSecurityText();
  usePageTitle(s('admin.title'));
  const staff = useLoad(() => api.get<{ staff: Staff[] }>('/api/admin/staff'), []);
  const [done, setDone] = useState(false);
  const act = async (path: string) => {
    await api.post(path, {});
    setDone(true);
    await staff.reload();
  };
  return (
    <>
      <h1 tabIndex={-1}>{s('admin.title')}</h1>
      {done && <Alert variant="success">{s('admin.done')}</Alert>}
      <h2>{s('admin.staff')}</h2>
      <Loaded state={staff}>{({ staff: rows }) => (
        <div className="table--responsive-scroll">
          <table className="table table--compact">
            <thead><tr><th scope="col">{s('admin.username')}</th><th scope="col">{s('admin.name')}</th><th scope="col">{s('admin.role')}</th><th scope="col">{s('admin.state')}</th><th scope="col">{s('admin.mfa')}</th><th scope="col"><span className="sr-only">{s('admin.unlock')}</span></th></tr></thead>
            <tbody>{rows.map((r) => (
              <tr key={r.id}>
                <td>{r.username}</td><td>{r.displayName}</td><td>{r.role}</td><td>{r.locked ? s('admin.locked') : s('admin.active')}</td>
                <td>{r.mfaEnabled ? s('admin.yes') : s('admin.no')}</td>
                <td>
                  {r.locked && <button type="button" className="button button-secondary" onClick={() => void act(`/api/admin/staff/${r.id}/unlock`)}>{s('admin.unlock')}<span className="sr-only"> {r.username}</span></button>}
                  {r.mfaEnabled && <button type="button" className="button button-tertiary" onClick={() => void act(`/api/admin/staff/${r.id}/reset-mfa`)}>{s('admin.resetMfa')}<span className="sr-only"> {r.username}</span></button>}
                </td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      )}</Loaded>
      <Retention />
    </>
  );
}

type RunOutcome = { kind: 'done'; count: number } | { kind: 'changed' | 'error'; text: string };

/**
 * Retention: the dry run is shown first; running it takes an explicit confirmation naming the number
 * of citizens, and sends the dry run's count and fingerprint, so the server refuses (409) if the
 * citizens due are no longer those shown. The dry run is read again after every attempt.
 */
function Retention() {
  const s = useSecurityText();
  const { t, date } = useI18n();
  const retention = useLoad(() => api.get<DryRun>('/api/gdpr/retention/dry-run'), []);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);
  const key = useRef(newIdempotencyKey());
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (confirming) confirmButton.current?.focus(); }, [confirming]);
  const withCount = (text: string, count: number) => text.replace('{count}', String(count));
  const run = async (dry: DryRun) => {
    setBusy(true);
    let result: RunOutcome;
    try {
      const done = await api.post<{ anonymised: Candidate[] }>('/api/gdpr/retention/run', { count: dry.candidates.length, fingerprint: dry.fingerprint }, key.current);
      result = { kind: 'done', count: done.anonymised.length };
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      result = err.status === 409 ? { kind: 'changed', text: err.message } : { kind: 'error', text: err.status === 0 ? t('error.network') : err.message };
    } finally {
      key.current = newIdempotencyKey();
    }
    await retention.reload();
    setBusy(false);
    setConfirming(false);
    setOutcome(result);
  };
  return (
    <section aria-labelledby="retention-heading">
      <h2 id="retention-heading">{s('admin.retention')}</h2>
      <p>{s('admin.retentionIntro')}</p>
      <div aria-live="polite" className="live-region">
        {outcome?.kind === 'done' && <Alert variant="success">{withCount(s('admin.runDone'), outcome.count)}</Alert>}
        {outcome?.kind === 'changed' && <Alert variant="warning" heading={s('admin.runChangedTitle')}><p>{outcome.text}</p><p>{s('admin.runChangedReloaded')}</p></Alert>}
        {outcome?.kind === 'error' && <Alert variant="error">{outcome.text}</Alert>}
      </div>
      <Loaded state={retention}>{(dry) => dry.candidates.length === 0 ? <p>{s('admin.retentionNone')}</p> : (
        <>
          <p>{withCount(s('admin.retentionCount'), dry.candidates.length)}</p>
          <TableScroll label={s('admin.retention')}>
            <table className="table table--compact">
              <thead><tr><th scope="col">{s('admin.citizen')}</th><th scope="col">{s('admin.basis')}</th><th scope="col">{s('admin.due')}</th></tr></thead>
              <tbody>{dry.candidates.map((c) => (
                <tr key={c.citizenId}><td>{c.citizenId}</td><td>{s(c.basis === 'ended' ? 'admin.basisEnded' : 'admin.basisClosed')}</td><td>{date(c.dueOn)}</td></tr>
              ))}</tbody>
            </table>
          </TableScroll>
          {confirming ? (
            <div className="alert alert-warning" role="group" aria-labelledby="retention-question">
              <div className="alert-body">
                <p className="alert-heading" id="retention-question">{withCount(s('admin.runQuestion'), dry.candidates.length)}</p>
                <p className="alert-text">{s('admin.runText')}</p>
                <ul className="nobullet-list button-list">
                  <li><button type="button" className="button button-primary" disabled={busy} onClick={() => void run(dry)} ref={confirmButton}>
                    {busy ? s('admin.running') : withCount(s('admin.runConfirm'), dry.candidates.length)}
                  </button></li>
                  <li><button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>{s('admin.runCancel')}</button></li>
                </ul>
              </div>
            </div>
          ) : (
            <p><button type="button" className="button button-secondary" onClick={() => { setOutcome(null); setConfirming(true); }}>{s('admin.run')}</button></p>
          )}
        </>
      )}</Loaded>
    </section>
  );
}
