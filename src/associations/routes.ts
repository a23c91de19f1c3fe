import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { careRoles } from '../auth/roles.ts';
import { tenantRead, tenantWrite } from '../http/context.ts';
import { errorResponses, IdParams } from '../shared/schemas.ts';
import { AssociationInput, AssociationOfferInput, AssociationOfferUpdate, AssociationOut, AssociationUpdate, PublicResult, PublicSearch, StaffOffer } from './association-schemas.ts';
import { createAssociation, createAssociationOffer, listAssociations, searchPublic, updateAssociation, updateAssociationOffer } from './association-service.ts';

const tags = ['associations'];

export function associationRoutes(app: Router, deps: Deps): void {
  app.get('/api/public/association-offers', {
    config: { policy: 'public', access: 'public' },
    schema: {
      tags, summary: 'PUBLIC, no login: local association offers searchable by area, activity, weekday and language (no personal data)',
      security: [], querystring: PublicSearch, response: { 200: PublicResult, ...errorResponses },
    },
  }, async (req, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return searchPublic(deps.db, req.query);
  });

  app.get('/api/associations', {
    config: { policy: 'association.read', access: careRoles },
    schema: { tags, summary: 'The association registry for staff, with contact persons and offers', response: { 200: z.object({ associations: z.array(AssociationOut) }), ...errorResponses } },
  }, (req) => tenantRead(deps, req, async (tx) => ({ associations: await listAssociations(tx) })));

  app.post('/api/associations', {
    config: { policy: 'association.write', access: careRoles },
    schema: { tags, summary: 'Register a local association or volunteer organisation', body: AssociationInput, response: { 201: AssociationOut, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, (tx, actor) => createAssociation(tx, actor, deps.clock(), req.body)));

  app.patch('/api/associations/:id', {
    config: { policy: 'association.write', access: careRoles },
    schema: { tags, summary: 'Change an association (optimistic locking)', params: IdParams, body: AssociationUpdate, response: { 200: AssociationOut, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 200, (tx, actor) => updateAssociation(tx, actor, deps.clock(), req.params.id, req.body)));

  app.post('/api/association-offers', {
    config: { policy: 'association.write', access: careRoles },
    schema: { tags, summary: 'Add an association offer: activity, place, schedule, intro course, inclusiveness, companion (følgeskab), links or videos', body: AssociationOfferInput, response: { 201: StaffOffer, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, (tx, actor) => createAssociationOffer(tx, actor, deps.clock(), req.body)));

  app.patch('/api/association-offers/:id', {
    config: { policy: 'association.write', access: careRoles },
    schema: { tags, summary: 'Change an association offer (optimistic locking)', params: IdParams, body: AssociationOfferUpdate, response: { 200: StaffOffer, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 200, (tx, actor) => updateAssociationOffer(tx, actor, deps.clock(), req.params.id, req.body)));
}
