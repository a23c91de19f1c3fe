import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import { useSecurityText } from './text.ts';

/** "Log in with the municipality's login" when single sign-on is configured. */
export function SsoLink() {
  const s = useSecurityText();
  const [sso, setSso] = useState(false);
  useEffect(() => { api.get<{ sso: boolean }>('/api/auth/options').then((o) => setSso(o.sso), () => setSso(false)); }, []);
  return sso ? <p><a className="button button-secondary" href="/api/auth/oidc/start">{s('login.sso')}</a></p> : null;
}
