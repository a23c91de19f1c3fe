import { Link } from '../../router.tsx';
import { useSecurityText } from './text.ts';

/** On the citizen page: the way to the consents, the access log and the data export. */
export function AccessLogLink({ citizenId }: { citizenId: string }) {
  const s = useSecurityText();
  return (
    <ul className="nobullet-list button-list">
      <li><Link className="button button-tertiary" href={`/borger/${citizenId}/samtykker`}>{s('consent.link')}</Link></li>
      <li><Link className="button button-tertiary" href={`/borger/${citizenId}/adgangslog`}>{s('access.link')}</Link></li>
    </ul>
  );
}
