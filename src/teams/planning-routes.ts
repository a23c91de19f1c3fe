import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { tenantWrite } from '../http/context.ts';
import { errorResponses, IdParams } from '../shared/schemas.ts';
import { planningRoles } from '../offers/routes.ts';
import { SchedulePattern, SchedulePreview, SessionMove, SkippedDate, TeamCreate } from './planning-schemas.ts';
import { createTeam, moveSession, previewSchedule } from './planning-service.ts';
import { TeamDetail } from './team-schemas.ts';

const tags = ['teams'];

/** Building next season's teams from the catalogue: a schedule preview, creating a team, moving one session. */
export function teamPlanningRoutes(app: Router, deps: Deps): void {
  app.get('/api/schedule-preview', {
    config: { policy: 'team.plan', access: planningRoles },
    schema: { tags, summary: 'The sessions a weekly pattern gives, with the Danish holidays and closing days it skips (Europe/Copenhagen wall-clock time)', querystring: SchedulePattern, response: { 200: SchedulePreview, ...errorResponses } },
  }, async (req) => {
    const { skipClosedDays, ...pattern } = req.query;
    return previewSchedule({ ...pattern, durationMinutes: pattern.sessionMinutes }, skipClosedDays === 'true', req.lang);
  });

  app.post('/api/teams', {
    config: { policy: 'team.plan', access: planningRoles },
    schema: { tags, summary: 'Create a team (hold) from a catalogue offer: place, language, instructors, capacity and sessions from a weekly pattern', body: TeamCreate, response: { 201: TeamDetail.extend({ skipped: z.array(SkippedDate) }), ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, (tx, actor) => createTeam(tx, actor, deps.clock(), req.lang, req.body)));

  app.post('/api/team-sessions/:id/move', {
    config: { policy: 'team.plan', access: planningRoles },
    schema: { tags, summary: 'Move one planned session to another date and time (optimistic locking on the session version)', params: IdParams, body: SessionMove, response: { 200: TeamDetail, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 200, (tx, actor) => moveSession(tx, actor, deps.clock(), req.params.id, req.body)));
}
