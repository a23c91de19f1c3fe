import { Link } from '../../router.tsx';
import { useSecurityText } from './text.ts';

/** On the citizen page: the way to the access log and the data export. */
export function AccessLogLink({ citizenId }: { citizenId: string }) {
  const s = useSecurityText();
  return <p><Link className="button button-tertiary" href={`/borger/${citizenId}/adgangslog`}>{s('access.link')}</Link></p>;
}
