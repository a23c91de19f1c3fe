import { useState } from 'react';
import { api } from '../../api.ts';
import { Alert } from '../../ui/form.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';
import { useSecurityText } from './text.ts';

interface Staff { id: string; username: string; displayName: string; role: string; locked: boolean; mfaEnabled: boolean }
interface Candidate { citizenId: string; basis: string; dueOn: string }

/** The administrator's page: locked accounts, lost second factors, and the retention dry run. */
export function AdminPage() {
  const s = useSecurityText();
  usePageTitle(s('admin.title'));
  const staff = useLoad(() => api.get<{ staff: Staff[] }>('/api/admin/staff'), []);
  const retention = useLoad(() => api.get<{ candidates: Candidate[] }>('/api/gdpr/retention/dry-run'), []);
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
      <h2>{s('admin.retention')}</h2>
      <p>{s('admin.retentionIntro')}</p>
      <Loaded state={retention}>{({ candidates }) => candidates.length === 0 ? <p>{s('admin.retentionNone')}</p> : (
        <table className="table table--compact">
          <thead><tr><th scope="col">{s('admin.citizen')}</th><th scope="col">{s('admin.basis')}</th><th scope="col">{s('admin.due')}</th></tr></thead>
          <tbody>{candidates.map((c) => <tr key={c.citizenId}><td>{c.citizenId}</td><td>{c.basis}</td><td>{c.dueOn}</td></tr>)}</tbody>
        </table>
      )}</Loaded>
    </>
  );
}
