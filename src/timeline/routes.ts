import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { careRoles } from '../auth/roles.ts';
import { tenantRead } from '../http/context.ts';
import { errorResponses, IdParams } from '../shared/schemas.ts';
import { Timeline } from './timeline-schemas.ts';
import { readTimeline } from './timeline-service.ts';

export function timelineRoutes(app: Router, deps: Deps): void {
  app.get('/api/referrals/:id/timeline', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: {
      tags: ['course'], summary: 'The course as a timeline, oldest first: referral, contacts, conversations, pathway, sessions with attendance, measurements, ending, follow-up',
      params: IdParams, response: { 200: Timeline, ...errorResponses },
    },
  }, (req, reply) => {
    reply.header('cache-control', 'no-store');
    return tenantRead(deps, req, (tx, actor) => readTimeline(tx, actor, deps.clock(), req.params.id));
  });
}
