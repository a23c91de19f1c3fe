import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { careRoles } from '../auth/roles.ts';
import { tenantRead, tenantWrite } from '../http/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { errorResponses, IdParams } from '../shared/schemas.ts';
import { notFound } from '../shared/errors.ts';
import { ReferralCreate, ReferralOut } from './referral-schemas.ts';
import { createReferral, referralOut, type ReferralRow } from './referral-service.ts';
import { stages } from '../domain/pathway-state.ts';

const tags = ['referrals'];

export function referralRoutes(app: Router, deps: Deps): void {
  app.post('/api/referrals', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: { tags, summary: 'Register a referral or request (henvisning/henvendelse); opens a course in stage "received"', body: ReferralCreate, response: { 201: ReferralOut, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, async (tx, actor) => referralOut(tx, await createReferral(tx, actor, deps.clock(), req.body))));

  app.get('/api/referrals', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: {
      tags, summary: 'Worklist: referrals by stage, oldest first; each listed citizen is audit-logged',
      querystring: z.object({ stage: z.enum(stages).optional(), citizenId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ referrals: z.array(ReferralOut) }), ...errorResponses },
    },
  }, (req) => tenantRead(deps, req, async (tx, actor) => {
    const rows = (await tx.query<ReferralRow>(
      `SELECT * FROM referral WHERE ($1::text IS NULL OR stage = $1) AND ($2::uuid IS NULL OR citizen_id = $2) ORDER BY received_at LIMIT $3`,
      [req.query.stage ?? null, req.query.citizenId ?? null, req.query.limit])).rows;
    await appendAudit(tx, actor, deps.clock(), rows.map((r) => ({ action: 'search' as const, resourceType: 'Referral', resourceId: r.id, citizenId: r.citizen_id })));
    return { referrals: await Promise.all(rows.map((r) => referralOut(tx, r))) };
  }));

  app.get('/api/referrals/:id', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: { tags, summary: 'One referral with its current stage and the legal next steps', params: IdParams, response: { 200: ReferralOut, ...errorResponses } },
  }, async (req, reply) => {
    const out = await tenantRead(deps, req, async (tx, actor) => {
      const row = (await tx.query<ReferralRow>('SELECT * FROM referral WHERE id = $1', [req.params.id])).rows[0];
      if (!row) throw notFound('Henvisning');
      await appendAudit(tx, actor, deps.clock(), [{ action: 'read', resourceType: 'Referral', resourceId: row.id, citizenId: row.citizen_id }]);
      return referralOut(tx, row);
    });
    reply.header('etag', `"${out.version}"`);
    return out;
  });
}
