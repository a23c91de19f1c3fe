import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { careRoles } from '../auth/roles.ts';
import { tenantRead, tenantWrite } from '../http/context.ts';
import { errorResponses, IdParams } from '../shared/schemas.ts';
import { Matches, MatchQuery, NeedsInput, NeedsOut } from './match-schemas.ts';
import { matchesFor, readNeeds, saveNeeds } from './match-service.ts';

const tags = ['matching'];

export function matchRoutes(app: Router, deps: Deps): void {
  app.get('/api/citizens/:id/needs', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: { tags, summary: 'The citizen\'s barriers (transport, childcare, companion) and preferred times, weekdays and areas (audit-logged)', params: IdParams, response: { 200: NeedsOut, ...errorResponses } },
  }, (req, reply) => { reply.header('cache-control', 'no-store'); return tenantRead(deps, req, (tx, actor) => readNeeds(tx, actor, deps.clock(), req.params.id)); });

  app.post('/api/citizens/:id/needs', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: { tags, summary: 'Record the citizen\'s barriers and preferences (version null the first time, then the version read)', params: IdParams, body: NeedsInput, response: { 200: NeedsOut, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 200, (tx, actor) => saveNeeds(tx, actor, deps.clock(), req.params.id, req.body)));

  app.get('/api/referrals/:id/matches', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: {
      tags, summary: 'Offers and teams ranked for the citizen of a referral, each explained in words; days from referral to team start, with teams starting too long after the referral flagged',
      params: IdParams, querystring: MatchQuery, response: { 200: Matches, ...errorResponses },
    },
  }, (req, reply) => { reply.header('cache-control', 'no-store'); return tenantRead(deps, req, (tx, actor) => matchesFor(tx, actor, deps.clock(), req.lang, req.params.id, req.query)); });
}
