import { z } from 'zod';
import type { Deps } from '../../http/deps.ts';
import type { Router } from '../../http/routes.ts';
import { careRoles } from '../../auth/roles.ts';
import { tenantRead, tenantWrite } from '../../http/context.ts';
import { appendAudit } from '../../audit/audit-log.ts';
import { errorResponses, IdParams } from '../../shared/schemas.ts';
import { VersionOnly } from '../../referrals/referral-schemas.ts';
import { getReferralRow } from '../../referrals/referral-service.ts';
import { models, signalText } from './models.ts';
import { DecisionOut, decideStratification, markStratificationEnteredInError, StratificationDecide, StratificationView, stratificationView } from './stratification-service.ts';

const tags = ['stratification'];

export function stratificationRoutes(app: Router, deps: Deps): void {
  app.get('/api/stratification/models', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: { tags, summary: 'The stratification models (Esbjerg, Vordingborg) as the editable data they are, with the labels of every signal they read',
      response: { 200: z.object({ models: z.array(z.looseObject({ id: z.string(), kind: z.string() })), signals: z.record(z.string(), z.looseObject({ da: z.string(), en: z.string() })) }), ...errorResponses } },
  }, async () => ({ models: [...models().values()] as unknown as { id: string; kind: string }[], signals: signalText as Record<string, { da: string; en: string }> }));

  app.get('/api/referrals/:id/stratification', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: { tags, summary: 'Each model\'s recommended support level with its reasons, from the citizen\'s data as it is now, and the decisions recorded (audit-logged)', params: IdParams, response: { 200: StratificationView, ...errorResponses } },
  }, (req) => tenantRead(deps, req, async (tx, actor) => {
    const referral = await getReferralRow(tx, req.params.id);
    await appendAudit(tx, actor, deps.clock(), [{ action: 'read', resourceType: 'Stratification', citizenId: referral.citizen_id, detail: { referralId: referral.id } }]);
    return stratificationView(tx, req.lang, req.params.id);
  }));

  app.post('/api/referrals/:id/stratification', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: { tags, summary: 'Record the professional\'s final support level (self_managed, standard, extended) with the model\'s recommendation and reasons; a different level needs overrideReason', params: IdParams, body: StratificationDecide, response: { 201: DecisionOut, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, (tx, actor) => decideStratification(tx, actor, deps.clock(), req.lang, req.params.id, req.body)));

  app.post('/api/stratifications/:id/entered-in-error', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: { tags, summary: 'Mark a stratification decision as entered in error (kept, no longer counted in analytics)', params: IdParams, body: VersionOnly, response: { 200: z.object({ id: z.uuid(), version: z.number() }), ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 200, (tx, actor) => markStratificationEnteredInError(tx, actor, deps.clock(), req.params.id, req.body.version)));
}
