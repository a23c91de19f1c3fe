import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { careRoles } from '../auth/roles.ts';
import { tenantRead, tenantWrite } from '../http/context.ts';
import { errorResponses, IdParams } from '../shared/schemas.ts';
import { VersionOnly } from '../referrals/referral-schemas.ts';
import { BridgeInput, BridgeOut, DueFollowUp, FollowUpInput } from './bridge-schemas.ts';
import { citizenBridges, createBridge, dueFollowUps, markBridgeEnteredInError, markFollowUpEnteredInError, recordFollowUp } from './bridge-service.ts';

const tags = ['bridge-building'];

export function bridgeRoutes(app: Router, deps: Deps): void {
  app.get('/api/citizens/:id/bridges', {
    config: { policy: 'bridge.read', access: careRoles },
    schema: { tags, summary: 'The citizen\'s bridges to association offers with follow-ups at 3 and 6 months (audit-logged)', params: IdParams, response: { 200: z.object({ citizenName: z.string(), bridges: z.array(BridgeOut) }), ...errorResponses } },
  }, (req, reply) => { reply.header('cache-control', 'no-store'); return tenantRead(deps, req, (tx, actor) => citizenBridges(tx, actor, deps.clock(), req.params.id)); });

  app.post('/api/bridges', {
    config: { policy: 'bridge.write', access: careRoles },
    schema: { tags, summary: 'Record a bridge: citizen, association offer, date, companion; plans follow-ups at 3 and 6 months', body: BridgeInput, response: { 201: BridgeOut, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, (tx, actor) => createBridge(tx, actor, deps.clock(), req.body)));

  app.post('/api/bridge-follow-ups/:id', {
    config: { policy: 'bridge.write', access: careRoles },
    schema: { tags, summary: 'Record a follow-up: still active or not, and why (optimistic locking)', params: IdParams, body: FollowUpInput, response: { 200: BridgeOut, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 200, (tx, actor) => recordFollowUp(tx, actor, deps.clock(), req.params.id, req.body)));

  app.get('/api/bridge-follow-ups/due', {
    config: { policy: 'bridge.read', access: careRoles },
    schema: { tags, summary: 'Follow-ups due within two weeks or overdue (each citizen listed is audit-logged)', response: { 200: z.object({ followUps: z.array(DueFollowUp) }), ...errorResponses } },
  }, (req, reply) => { reply.header('cache-control', 'no-store'); return tenantRead(deps, req, async (tx, actor) => ({ followUps: await dueFollowUps(tx, actor, deps.clock()) })); });

  app.post('/api/bridges/:id/entered-in-error', {
    config: { policy: 'bridge.write', access: careRoles },
    schema: { tags, summary: 'Mark a bridge recorded by mistake as entered in error (kept, never deleted; no longer counted as bridged; optimistic locking)', params: IdParams, body: VersionOnly, response: { 200: BridgeOut, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 200, (tx, actor) => markBridgeEnteredInError(tx, actor, deps.clock(), req.params.id, req.body.version)));

  app.post('/api/bridge-follow-ups/:id/entered-in-error', {
    config: { policy: 'bridge.write', access: careRoles },
    schema: { tags, summary: 'Mark a recorded follow-up as entered in error (kept, never deleted); the follow-up is due again (optimistic locking)', params: IdParams, body: VersionOnly, response: { 200: BridgeOut, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 200, (tx, actor) => markFollowUpEnteredInError(tx, actor, deps.clock(), req.params.id, req.body.version)));
}
