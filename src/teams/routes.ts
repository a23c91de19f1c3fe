import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { careRoles } from '../auth/roles.ts';
import { tenantRead, tenantWrite } from '../http/context.ts';
import { errorResponses, IdParams } from '../shared/schemas.ts';
import { AttendanceInput, Participant, RollCall, TeamDetail, TeamOut } from './team-schemas.ts';
import { listTeams, markAttendance, readRollCall, readTeam } from './team-service.ts';

const tags = ['teams'];

export function teamRoutes(app: Router, deps: Deps): void {
  app.get('/api/teams', {
    config: { policy: 'team.read', access: careRoles },
    schema: { tags, summary: 'Teams (hold) with their next session and number of participants', response: { 200: z.object({ teams: z.array(TeamOut) }), ...errorResponses } },
  }, (req) => tenantRead(deps, req, async (tx) => ({ teams: await listTeams(tx, deps.clock()) })));

  app.get('/api/teams/:id', {
    config: { policy: 'team.read', access: careRoles },
    schema: { tags, summary: 'A team and its sessions (mødegange) with attendance counts', params: IdParams, response: { 200: TeamDetail, ...errorResponses } },
  }, (req) => tenantRead(deps, req, (tx) => readTeam(tx, deps.clock(), req.params.id)));

  app.get('/api/team-sessions/:id', {
    config: { policy: 'team.read', access: careRoles },
    schema: { tags, summary: 'Roll call for a session: each participant and their attendance (every participant shown is audit-logged)', params: IdParams, response: { 200: RollCall, ...errorResponses } },
  }, (req, reply) => {
    reply.header('cache-control', 'no-store');
    return tenantRead(deps, req, (tx, actor) => readRollCall(tx, actor, deps.clock(), req.params.id));
  });

  app.post('/api/team-sessions/:id/attendance', {
    config: { policy: 'team.write', access: careRoles },
    schema: {
      tags, summary: 'Mark a participant present, absent or excused (afbud); the attendance is the participant\'s session encounter',
      params: IdParams, body: AttendanceInput, response: { 200: Participant, ...errorResponses },
    },
  }, (req, reply) => tenantWrite(deps, req, reply, 200, (tx, actor) => markAttendance(tx, actor, deps.clock(), req.params.id, req.body)));
}
