import type { ReactNode } from 'react';
import { match } from '../../router.tsx';
import { AccessLogPage } from './access-log.tsx';
import { AdminPage } from './admin.tsx';
import { ConsentsPage } from './consents.tsx';

/** Issue 8's pages inside the logged-in app; null when the path is not one of them. */
export function securityPage(path: string): ReactNode | null {
  let m: Record<string, string> | null;
  if ((m = match('/borger/:citizenId/adgangslog', path))) return <AccessLogPage citizenId={m.citizenId!} />;
  if ((m = match('/borger/:citizenId/samtykker', path))) return <ConsentsPage citizenId={m.citizenId!} />;
  if (path === '/administration') return <AdminPage />;
  return null;
}

/** Menu entries for the roles that may use them. */
export const securityMenu = (role: string): { href: string; label: { da: string; en: string }; active(path: string): boolean }[] =>
  role === 'admin' ? [{ href: '/administration', label: { da: 'Administration', en: 'Administration' }, active: (p) => p.startsWith('/administration') }] : [];
