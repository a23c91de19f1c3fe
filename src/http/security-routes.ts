import type { Deps } from './deps.ts';
import type { Router } from './routes.ts';
import { accountRoutes } from '../auth/account-routes.ts';
import { adminRoutes } from '../auth/admin-routes.ts';
import { oidcRoutes } from '../auth/oidc-routes.ts';
import { securityTxtRoutes } from '../auth/security-txt.ts';
import { gdprRoutes } from '../gdpr/routes.ts';

/** Issue 8's routes: own account, administration, single sign-on, citizens' rights, where to report a vulnerability. */
export function securityRoutes(app: Router, deps: Deps): void {
  accountRoutes(app, deps);
  adminRoutes(app, deps);
  oidcRoutes(app, deps);
  gdprRoutes(app, deps);
  securityTxtRoutes(app, deps);
}
