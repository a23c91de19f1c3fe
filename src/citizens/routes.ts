import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { careRoles } from '../auth/roles.ts';
import { expectedVersion, tenantRead, tenantWrite } from '../http/context.ts';
import { errorResponses, IdParams, isoDate } from '../shared/schemas.ts';
import { CitizenCreate, CitizenOut, CitizenSearch, CitizenUpdate, SocialPositionItemOut } from './citizen-schemas.ts';
import { citizenOut, createCitizen, readCitizen, searchCitizens, updateCitizen } from './citizen-service.ts';
import { currentSocialPosition, recordSocialPosition, type SocialPositionRow } from './social-position-service.ts';

const tags = ['citizens'];
const spOut = (r: SocialPositionRow) => ({ id: r.id, item: r.item, value: r.value, source: r.source, recordedOn: r.recorded_on, version: r.version });

export function citizenRoutes(app: Router, deps: Deps): void {
  app.post('/api/citizens', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: { tags, summary: 'Register a citizen (CPR is validated by the dk-core rule, stored encrypted)', body: CitizenCreate, response: { 201: CitizenOut, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, async (tx, actor) =>
    citizenOut(await createCitizen(tx, deps.vault, actor, deps.clock(), req.body), deps.vault, false)));

  app.post('/api/citizens/search', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: {
      tags, summary: 'Find citizens by CPR or name (POST so the CPR number never appears in a URL); every hit is audit-logged',
      body: CitizenSearch, response: { 200: z.object({ citizens: z.array(CitizenOut) }), ...errorResponses },
    },
  }, (req) => tenantRead(deps, req, async (tx, actor) => ({
    citizens: (await searchCitizens(tx, deps.vault, actor, deps.clock(), req.body)).map((r) => citizenOut(r, deps.vault, false)),
  })));

  app.get('/api/citizens/:id', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: {
      tags, summary: 'Read a citizen with current social position; fullCpr=true returns the full CPR number and is logged as such',
      params: IdParams, querystring: z.object({ fullCpr: z.enum(['true', 'false']).default('false') }),
      response: { 200: CitizenOut, ...errorResponses },
    },
  }, async (req, reply) => {
    const full = req.query.fullCpr === 'true';
    const out = await tenantRead(deps, req, async (tx, actor) => {
      const row = await readCitizen(tx, actor, deps.clock(), req.params.id, full);
      return { ...citizenOut(row, deps.vault, full), socialPosition: (await currentSocialPosition(tx, row.id)).map(spOut) };
    });
    reply.header('etag', `"${out.version}"`).header('cache-control', 'no-store');
    return out;
  });

  app.patch('/api/citizens/:id', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: { tags, summary: 'Correct a citizen\'s details (optimistic locking: send the version you read)', params: IdParams, body: CitizenUpdate, response: { 200: CitizenOut, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 200, async (tx, actor) => {
    const { version, ...changes } = req.body;
    return citizenOut(await updateCitizen(tx, actor, deps.clock(), req.params.id, expectedVersion(req, version), changes), deps.vault, false);
  }));

  app.post('/api/citizens/:id/social-position', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: {
      tags, summary: 'Record social-position items (each with source and date; "unknown" and "prefer_not_to_say" are values)',
      params: IdParams,
      body: z.strictObject({ items: z.array(z.strictObject({ item: z.string(), value: z.string(), source: z.string(), recordedOn: isoDate })).min(1).max(20) }),
      response: { 201: z.object({ items: z.array(SocialPositionItemOut) }), ...errorResponses },
    },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, async (tx, actor) => ({
    items: (await recordSocialPosition(tx, actor, deps.clock(), req.params.id, req.body.items)).map(spOut),
  })));
}
