import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from './deps.ts';
import { authRoutes } from '../auth/routes.ts';
import { healthRoutes } from './health-routes.ts';
import { citizenRoutes } from '../citizens/routes.ts';
import { referralRoutes } from '../referrals/routes.ts';
import { pathwayRoutes } from '../pathways/routes.ts';
import { recordRoutes } from '../records/routes.ts';
import { organizationRoutes } from '../organizations/routes.ts';
import { worklistRoutes } from '../worklists/routes.ts';
import { teamRoutes } from '../teams/routes.ts';
import { timelineRoutes } from '../timeline/routes.ts';
import { codeRoutes } from '../codes/routes.ts';
import { reportingRoutes } from '../reporting/routes.ts';
import { offerRoutes } from '../offers/routes.ts';
import { teamPlanningRoutes } from '../teams/planning-routes.ts';
import { teamAttendanceRoutes } from '../teams/attendance-routes.ts';
import { matchRoutes } from '../offers/match-routes.ts';
import { associationRoutes } from '../associations/routes.ts';
import { bridgeRoutes } from '../bridges/routes.ts';
import { recruitmentRoutes } from '../recruitment/routes.ts';
import { assessmentRoutes } from '../assessment/routes.ts';
import { equityRoutes } from '../analytics/equity-routes.ts';
import { drillDownRoutes } from '../analytics/drill-down-routes.ts';
import { qualityRoutes } from '../analytics/quality-routes.ts';
import { reportRoutes } from '../analytics/report-routes.ts';
import { jobRoutes } from '../jobs/routes.ts';

export type Router = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** Each feature folder owns its routes; this is the only list of them. */
export async function registerFeatureRoutes(app: Router, deps: Deps): Promise<void> {
  healthRoutes(app, deps);
  authRoutes(app, deps);
  citizenRoutes(app, deps);
  organizationRoutes(app, deps);
  referralRoutes(app, deps);
  pathwayRoutes(app, deps);
  recordRoutes(app, deps);
  timelineRoutes(app, deps);
  worklistRoutes(app, deps);
  teamRoutes(app, deps);
  codeRoutes(app, deps);
  reportingRoutes(app, deps);
  offerRoutes(app, deps);
  teamPlanningRoutes(app, deps);
  teamAttendanceRoutes(app, deps);
  matchRoutes(app, deps);
  associationRoutes(app, deps);
  bridgeRoutes(app, deps);
  recruitmentRoutes(app, deps);
  assessmentRoutes(app, deps);
  equityRoutes(app, deps);
  drillDownRoutes(app, deps);
  qualityRoutes(app, deps);
  reportRoutes(app, deps);
  jobRoutes(app, deps);
}
