import { api } from '../../api.ts';
import { Link } from '../../router.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';
import { useSecurityText } from './text.ts';

interface Entry { at: string; actorName: string | null; actorRole: string; action: string; purpose: string; resourceType: string }

const when = (iso: string) => new Intl.DateTimeFormat('da-DK', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }).format(new Date(iso));

/** The citizen's access log, with the downloads that answer a citizen's request (GDPR art. 15). */
export function AccessLogPage({ citizenId }: { citizenId: string }) {
  const s = useSecurityText();
  usePageTitle(s('access.title'));
  const state = useLoad(() => api.get<{ entries: Entry[] }>(`/api/gdpr/citizens/${citizenId}/access-log`), [citizenId]);
  const base = `/api/gdpr/citizens/${citizenId}`;
  return (
    <>
      <p><Link href={`/borger/${citizenId}`}>{s('access.back')}</Link></p>
      <h1 tabIndex={-1}>{s('access.title')}</h1>
      <p>{s('access.intro')}</p>
      <h2>{s('access.downloads')}</h2>
      <ul className="nobullet-list button-list">
        <li><a className="button button-secondary" href={`${base}/access-log/pdf`} download>{s('access.pdf')}</a></li>
        <li><a className="button button-secondary" href={`${base}/export/pdf`} download>{s('access.exportPdf')}</a></li>
        <li><a className="button button-tertiary" href={`${base}/export`} download>{s('access.exportJson')}</a></li>
      </ul>
      <Loaded state={state}>{({ entries }) => entries.length === 0 ? <p>{s('access.empty')}</p> : (
        <div className="table--responsive-scroll">
          <table className="table table--compact access-log">
            <caption className="sr-only">{s('access.title')}</caption>
            <thead><tr><th scope="col">{s('access.when')}</th><th scope="col">{s('access.who')}</th><th scope="col">{s('access.role')}</th><th scope="col">{s('access.what')}</th><th scope="col">{s('access.resource')}</th><th scope="col">{s('access.why')}</th></tr></thead>
            <tbody>{entries.map((e, i) => (
              <tr key={i}><td>{when(e.at)}</td><td>{e.actorName ?? s('access.system')}</td><td>{e.actorRole}</td><td>{e.action}</td><td>{e.resourceType}</td><td>{e.purpose}</td></tr>
            ))}</tbody>
          </table>
        </div>
      )}</Loaded>
    </>
  );
}
