import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { careRoles } from '../auth/roles.ts';
import { tenantRead } from '../http/context.ts';
import { errorResponses } from '../shared/schemas.ts';
import { WorklistQuery, Worklists } from './worklist-schemas.ts';
import { buildWorklists } from './worklist-service.ts';

export function worklistRoutes(app: Router, deps: Deps): void {
  app.get('/api/worklists', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: {
      tags: ['worklists'],
      summary: 'The front page for the logged-in staff member: new referrals, contact attempts due, clarifying conversations this week, my citizens with a next step due, team sessions this week. Each list is paged (pageSize, and one page number per list) with its total in `paging`. Each listed citizen is audit-logged.',
      querystring: WorklistQuery, response: { 200: Worklists, ...errorResponses },
    },
  }, (req, reply) => {
    reply.header('cache-control', 'no-store');
    return tenantRead(deps, req, (tx, actor) => buildWorklists(tx, actor, deps.clock(), req.query));
  });
}
