import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import type { Role } from '../auth/roles.ts';
import { everyRole } from '../auth/roles.ts';
import { tenantRead, tenantWrite } from '../http/context.ts';
import { errorResponses, IdParams } from '../shared/schemas.ts';
import { localDate } from '../worklists/calendar.ts';
import { OfferInput, OfferOut, OfferUpdate, PlaceInput, PlaceOut } from './offer-schemas.ts';
import { createOffer, createPlace, listOffers, listPlaces, readOffer, updateOffer } from './offer-service.ts';

/** Coordinators (team planners) run the catalogue; everyone may read it. */
export const planningRoles: readonly Role[] = ['coordinator', 'admin'];
const tags = ['offers'];

export function offerRoutes(app: Router, deps: Deps): void {
  const today = () => localDate(deps.clock());

  app.get('/api/offers', {
    config: { policy: 'offer.read', access: everyRole },
    schema: { tags, summary: 'The offer catalogue (tilbud) with places, variants and the number of upcoming teams', querystring: z.object({ inactive: z.enum(['true', 'false']).default('false') }), response: { 200: z.object({ offers: z.array(OfferOut) }), ...errorResponses } },
  }, (req) => tenantRead(deps, req, async (tx) => ({ offers: await listOffers(tx, today(), req.query.inactive === 'true') })));

  app.get('/api/offers/:id', {
    config: { policy: 'offer.read', access: everyRole },
    schema: { tags, summary: 'One offer', params: IdParams, response: { 200: OfferOut, ...errorResponses } },
  }, (req) => tenantRead(deps, req, (tx) => readOffer(tx, today(), req.params.id)));

  app.post('/api/offers', {
    config: { policy: 'offer.write', access: planningRoles },
    schema: { tags, summary: 'Add an offer to the catalogue; the public name must not label the target group', body: OfferInput, response: { 201: OfferOut, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, (tx, actor) => createOffer(tx, actor, deps.clock(), today(), req.body)));

  app.patch('/api/offers/:id', {
    config: { policy: 'offer.write', access: planningRoles },
    schema: { tags, summary: 'Change an offer (optimistic locking: send the version you read)', params: IdParams, body: OfferUpdate, response: { 200: OfferOut, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 200, (tx, actor) => updateOffer(tx, actor, deps.clock(), today(), req.params.id, req.body)));

  app.get('/api/instructors', {
    config: { policy: 'team.plan', access: planningRoles },
    schema: { tags, summary: 'Staff who can instruct a team (active clinicians and coordinators)', response: { 200: z.object({ instructors: z.array(z.object({ id: z.uuid(), displayName: z.string(), profession: z.string().nullable() })) }), ...errorResponses } },
  }, (req) => tenantRead(deps, req, async (tx) => ({
    instructors: (await tx.query<{ id: string; displayName: string; profession: string | null }>(
      `SELECT id, display_name AS "displayName", profession FROM staff_user WHERE active AND role IN ('clinician', 'coordinator') ORDER BY display_name LIMIT 500`)).rows,
  })));

  app.get('/api/places', {
    config: { policy: 'offer.read', access: everyRole },
    schema: { tags, summary: 'Places offers are delivered at: the health centre, health houses, mobile teams\' stops, community rooms', response: { 200: z.object({ places: z.array(PlaceOut) }), ...errorResponses } },
  }, (req) => tenantRead(deps, req, async (tx) => ({ places: await listPlaces(tx) })));

  app.post('/api/places', {
    config: { policy: 'offer.write', access: planningRoles },
    schema: { tags, summary: 'Add a place', body: PlaceInput, response: { 201: PlaceOut, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, (tx, actor) => createPlace(tx, actor, deps.clock(), req.body)));
}
