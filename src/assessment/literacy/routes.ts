import { z } from 'zod';
import type { Deps } from '../../http/deps.ts';
import type { Router } from '../../http/routes.ts';
import { careRoles } from '../../auth/roles.ts';
import { tenantWrite } from '../../http/context.ts';
import { errorResponses, IdParams } from '../../shared/schemas.ts';
import { chatGuide } from './chat.ts';
import { LiteracyCreate, LiteracyOut, recordLiteracy } from './literacy-service.ts';

const tags = ['health literacy'];

export function literacyRoutes(app: Router, deps: Deps): void {
  app.get('/api/health-literacy/guide', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: { tags, summary: 'The conversation guide over CHAT\'s five areas (our own prompts), the rating scale and the digital-literacy values', response: { 200: z.looseObject({ id: z.string(), areas: z.array(z.looseObject({ key: z.string() })) }), ...errorResponses } },
  }, async () => chatGuide);

  app.post('/api/referrals/:id/health-literacy', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: { tags, summary: 'Record the health-literacy assessment: each of the five CHAT areas with structured notes and a rating 1-4, an overall rating and a digital-literacy flag', params: IdParams, body: LiteracyCreate, response: { 201: LiteracyOut, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, (tx, actor) => recordLiteracy(tx, actor, deps.clock(), req.lang, req.params.id, req.body)));
}
