import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { careRoles } from '../auth/roles.ts';
import { tenantRead, tenantWrite } from '../http/context.ts';
import { errorResponses, IdParams } from '../shared/schemas.ts';
import { VersionOnly } from '../referrals/referral-schemas.ts';
import { ResponseCreate, ResponseList, ResponseOut, ResponseUpdate } from './response-schemas.ts';
import { createResponse, listResponses, markResponseEnteredInError, readResponse, responseOut, toFhirResponse, updateResponse } from './response-service.ts';

const tags = ['questionnaire responses'];

export function responseRoutes(app: Router, deps: Deps): void {
  app.post('/api/referrals/:id/questionnaire-responses', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: {
      tags, summary: 'Record a citizen\'s answers at a time point (baseline, end, follow-up), assisted by or entered by staff; in-progress saves a draft, completed checks required questions',
      params: IdParams, body: ResponseCreate, response: { 201: ResponseOut, ...errorResponses },
    },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, async (tx, actor) => {
    const { row, questionnaire } = await createResponse(tx, actor, deps.clock(), req.params.id, req.body);
    return responseOut(row, questionnaire, req.lang);
  }));

  app.get('/api/referrals/:id/questionnaire-responses', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: { tags, summary: 'All questionnaire responses of a referral\'s course (audit-logged)', params: IdParams, response: { 200: ResponseList, ...errorResponses } },
  }, (req) => tenantRead(deps, req, async (tx, actor) => ({
    responses: (await listResponses(tx, actor, deps.clock(), req.params.id)).map(({ row, questionnaire }) => responseOut(row, questionnaire, req.lang)),
  })));

  app.get('/api/questionnaire-responses/:id', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: { tags, summary: 'One questionnaire response (audit-logged)', params: IdParams, response: { 200: ResponseOut, ...errorResponses } },
  }, async (req, reply) => {
    const { row, questionnaire } = await tenantRead(deps, req, (tx, actor) => readResponse(tx, actor, deps.clock(), req.params.id));
    reply.header('etag', `"${row.version}"`).header('cache-control', 'no-store');
    return responseOut(row, questionnaire, req.lang);
  });

  app.get('/api/questionnaire-responses/:id/fhir', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: { tags, summary: 'One questionnaire response as a FHIR R4 QuestionnaireResponse (answers nested in the questionnaire\'s groups)', params: IdParams,
      response: { 200: z.looseObject({ resourceType: z.literal('QuestionnaireResponse') }), ...errorResponses } },
  }, async (req) => {
    const { row, questionnaire } = await tenantRead(deps, req, (tx, actor) => readResponse(tx, actor, deps.clock(), req.params.id));
    return toFhirResponse(row, questionnaire) as { resourceType: 'QuestionnaireResponse' };
  });

  app.patch('/api/questionnaire-responses/:id', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: { tags, summary: 'Save answers to an unfinished response or complete it (optimistic locking: send the version you read)', params: IdParams, body: ResponseUpdate, response: { 200: ResponseOut, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 200, async (tx, actor) => {
    const { row, questionnaire } = await updateResponse(tx, actor, deps.clock(), req.params.id, req.body);
    return responseOut(row, questionnaire, req.lang);
  }));

  app.post('/api/questionnaire-responses/:id/entered-in-error', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: { tags, summary: 'Mark a response as entered in error (kept, no longer counted; what it recorded is corrected too)', params: IdParams, body: VersionOnly,
      response: { 200: z.object({ id: z.uuid(), version: z.number() }), ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 200, (tx, actor) => markResponseEnteredInError(tx, actor, deps.clock(), req.params.id, req.body.version)));
}
