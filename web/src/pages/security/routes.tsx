import type { ReactNode } from 'react';
import { match } from '../../router.tsx';
import { AccessLogPage } from './access-log.tsx';

/** Issue 8's pages inside the logged-in app; null when the path is not one of them. */
export function securityPage(path: string): ReactNode | null {
  let m: Record<string, string> | null;
  if ((m = match('/borger/:citizenId/adgangslog', path))) return <AccessLogPage citizenId={m.citizenId!} />;
  return null;
}
