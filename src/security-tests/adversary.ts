import type { RouteEntry } from '../http/route-catalogue.ts';
import { allows } from '../auth/permissions.ts';
import type { Role } from '../auth/roles.ts';

/** The API's own routes (not the web app's files), which the adversarial tests attack. */
export const apiRoutes = (routes: readonly RouteEntry[]): RouteEntry[] =>
  routes.filter((r) => r.url.startsWith('/api/') || r.url.startsWith('/health/'));

export const isPublic = (r: RouteEntry): boolean => r.config.policy === 'public' || r.config.access === 'public';
export const isWrite = (r: RouteEntry): boolean => !['GET', 'HEAD', 'OPTIONS'].includes(r.method);

/** Whether the route's policy (or, for a route still on a role list, that list) lets the role in. */
export function permitted(r: RouteEntry, role: Role): boolean {
  if (isPublic(r)) return true;
  if (r.config.policy) return allows({ role }, r.config.policy);
  return Array.isArray(r.config.access) && r.config.access.includes(role);
}

/** Routes that would end the attacker's own session midway; they are attacked separately. */
export const sessionEnding = (r: RouteEntry): boolean => ['/api/auth/logout', '/api/auth/password'].includes(r.url);

export const sqlPayloads = [
  "' OR '1'='1' --",
  "'; DROP TABLE citizen; --",
  "1' UNION SELECT cpr_encrypted, cpr_hash FROM citizen --",
  "\\'; SELECT pg_sleep(0); --",
  '$1) OR (1=1',
];

export const xssPayloads = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload="window.__xss=1">',
  'javascript:window.__xss=1',
];

export const label = (r: RouteEntry): string => `${r.method} ${r.url}`;
