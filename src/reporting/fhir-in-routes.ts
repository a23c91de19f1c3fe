import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { careRoles } from '../auth/roles.ts';
import { tenantWrite } from '../http/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { findCitizenIdByCpr } from '../citizens/citizen-service.ts';
import { validationError } from '../shared/errors.ts';
import { errorResponses } from '../shared/schemas.ts';
import { problemsFromZodError } from '../shared/validation.ts';
import { ReferralCreate, ReferralOut } from '../referrals/referral-schemas.ts';
import { createReferral, referralOut } from '../referrals/referral-service.ts';
import { readIncomingReferral, referralSourceFor } from './fhir-in.ts';
import type { Json } from './validate/issues.ts';

const FhirBody = z.looseObject({ resourceType: z.enum(['ServiceRequest', 'Bundle']) })
  .describe('A FHIR R4 ServiceRequest, or a Bundle with the ServiceRequest, its subject Patient (CPR identifier), requester Organization (SOR or FK-ORG) and reason Conditions (SKS or ICPC2)');

export function fhirInRoutes(app: Router, deps: Deps): void {
  // FHIR clients send application/fhir+json; it is JSON.
  if (!app.hasContentTypeParser('application/fhir+json')) app.addContentTypeParser('application/fhir+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  app.post('/api/fhir/ServiceRequest', {
    config: { policy: 'referral.submit', access: careRoles },
    schema: { tags: ['referrals', 'fhir'], summary: 'Receive a referral as FHIR: creates the Ligevej referral (audited, Idempotency-Key honoured) from the ServiceRequest',
      body: FhirBody, response: { 201: ReferralOut, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, async (tx, actor) => {
    const { referral, problems } = readIncomingReferral(req.body as Json);
    if (problems.length) throw validationError(problems);
    const citizenId = referral.cpr ? await findCitizenIdByCpr(tx, deps.vault, referral.cpr) : null;
    if (!citizenId) throw validationError([{ path: 'ServiceRequest.subject', rule: 'reference.unknown' }]);
    let organization: { id: string; kind: string } | undefined;
    if (referral.requester) {
      const { idSystem, idValue, name } = referral.requester;
      organization = (await tx.query<{ id: string; kind: string }>('SELECT id, kind FROM organization WHERE id_system = $1 AND id_value = $2', [idSystem, idValue])).rows[0];
      if (!organization) {
        organization = (await tx.query<{ id: string; kind: string }>(
          `INSERT INTO organization (municipality_id, id_system, id_value, name, kind) VALUES ($1, $2, $3, $4, 'other') RETURNING id, kind`,
          [actor.municipalityId, idSystem, idValue, name ?? 'Ukendt henviser'])).rows[0]!;
        await appendAudit(tx, actor, deps.clock(), [{ action: 'create', resourceType: 'Organization', resourceId: organization.id, detail: { via: 'FHIR ServiceRequest' } }]);
      }
    }
    const input = ReferralCreate.safeParse({
      citizenId, sourceCode: referral.sourceCode ?? referralSourceFor(organization?.kind), referringOrganizationId: organization?.id,
      diagnoses: referral.diagnoses, receivedAt: referral.receivedAt, reason: referral.reason, replacesId: referral.replacesId,
    });
    if (!input.success) throw validationError(problemsFromZodError(input.error));
    const row = await createReferral(tx, actor, deps.clock(), input.data);
    await appendAudit(tx, actor, deps.clock(), [{ action: 'import', resourceType: 'Referral', resourceId: row.id, citizenId, detail: { via: 'FHIR ServiceRequest' } }]);
    return referralOut(tx, row);
  }));
}
