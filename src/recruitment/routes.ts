import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { careRoles } from '../auth/roles.ts';
import { tenantRead, tenantWrite } from '../http/context.ts';
import { errorResponses, IdParams } from '../shared/schemas.ts';
import { AttemptInput, CampaignDetail, CampaignInput, CampaignOut, ContactInput, EndInput, EnrolInput } from './campaign-schemas.ts';
import { addContact, createCampaign, endCampaign, enrolContact, listCampaigns, readCampaign, recordAttempt } from './campaign-service.ts';

const tags = ['recruitment'];
const write = (summary: string, body: z.ZodType, status: 200 | 201 = 200) => ({
  config: { policy: 'citizen.write' as const, access: careRoles }, schema: { tags, summary, params: IdParams, body, response: { [status]: CampaignDetail, ...errorResponses } },
});

export function recruitmentRoutes(app: Router, deps: Deps): void {
  app.get('/api/campaigns', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: { tags, summary: 'Recruitment campaigns with results per channel (counts only)', response: { 200: z.object({ campaigns: z.array(CampaignOut) }), ...errorResponses } },
  }, (req) => tenantRead(deps, req, async (tx) => ({ campaigns: await listCampaigns(tx) })));

  app.get('/api/campaigns/:id', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: { tags, summary: 'A campaign\'s call list with every attempt and who made it (each contact shown is audit-logged)', params: IdParams, response: { 200: CampaignDetail, ...errorResponses } },
  }, (req, reply) => { reply.header('cache-control', 'no-store'); return tenantRead(deps, req, (tx, actor) => readCampaign(tx, actor, deps.clock(), req.params.id)); });

  app.post('/api/campaigns', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: { tags, summary: 'Start a campaign (e.g. a smoking-cessation drive in a housing area, course date fixed before calling)', body: CampaignInput, response: { 201: CampaignDetail, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, (tx, actor) => createCampaign(tx, actor, deps.clock(), req.body)));

  app.post('/api/campaigns/:id/contacts', write('Add a person to the call list: a referral, or contact data entered with its legal basis or consent', ContactInput, 201),
    (req, reply) => tenantWrite(deps, req, reply, 201, (tx, actor) => addContact(tx, actor, deps.clock(), req.params.id, req.body as z.infer<typeof ContactInput>)));

  app.post('/api/campaign-contacts/:id/attempts', write('Record an attempt: channel, outcome; the caller is the logged-in user', AttemptInput, 201),
    (req, reply) => tenantWrite(deps, req, reply, 201, (tx, actor) => recordAttempt(tx, actor, deps.clock(), req.params.id, req.body as z.infer<typeof AttemptInput>)));

  app.post('/api/campaign-contacts/:id/enrol', write('The person enrolled: link their referral, so their data is kept when the campaign ends (only while the campaign runs; send the contact\'s version)', EnrolInput),
    (req, reply) => tenantWrite(deps, req, reply, 200, (tx, actor) => enrolContact(tx, actor, deps.clock(), req.params.id, req.body as z.infer<typeof EnrolInput>)));

  app.post('/api/campaigns/:id/end', write('End the campaign: contact data entered for it is erased unless the person enrolled', EndInput),
    (req, reply) => tenantWrite(deps, req, reply, 200, (tx, actor) => endCampaign(tx, actor, deps.clock(), req.params.id, (req.body as z.infer<typeof EndInput>).version)));
}
