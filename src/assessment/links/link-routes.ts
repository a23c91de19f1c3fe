import { z } from 'zod';
import type { Deps } from '../../http/deps.ts';
import type { Router } from '../../http/routes.ts';
import { careRoles } from '../../auth/roles.ts';
import { tenantRead, tenantWrite } from '../../http/context.ts';
import { AppError } from '../../shared/errors.ts';
import { errorResponses, IdParams } from '../../shared/schemas.ts';
import { VersionOnly } from '../../referrals/referral-schemas.ts';
import type { Notifier } from '../../notifier/notifier.ts';
import { dispatchOutbox } from '../../notifier/outbox.ts';
import { assessmentSettings, createLink, LinkCreate, LinkCreated, LinkOut, linkOut, listLinks, revokeLink } from './link-service.ts';
import { sendDueLinks, unanswered, UnansweredOut } from './task-service.ts';

const tags = ['citizen self-completion'];
const Settings = z.object({ contactPhone: z.string().nullable(), linkDays: z.number(), version: z.number() });

export function linkRoutes(app: Router, deps: Deps, notifier: Notifier): void {
  app.post('/api/referrals/:id/questionnaire-links', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: {
      tags, summary: 'Send the citizen a personal link (SMS, e-mail, or none to hand it over): single-purpose, expiring, no account, optionally asking for the birth date. The message is queued in the outbox in the same transaction and handed to the notifier after it commits.',
      params: IdParams, body: LinkCreate, response: { 201: LinkCreated, ...errorResponses },
    },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, async (tx, actor) => {
    const now = deps.clock();
    const { row, url, outboxId } = await createLink(tx, actor, now, req.params.id, req.body);
    return { ...linkOut(row, now), url, outboxId };
  }, async (body, actor) => {
    if (body.outboxId) await dispatchOutbox(deps.db, actor.municipalityId, deps.clock(), notifier, { ids: [body.outboxId] });
    return body;
  }));

  app.get('/api/referrals/:id/questionnaire-links', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: { tags, summary: 'The personal links of a course and their state (open, expired, used, revoked, locked); tokens are never shown again', params: IdParams, response: { 200: z.object({ links: z.array(LinkOut) }), ...errorResponses } },
  }, (req) => tenantRead(deps, req, async (tx, actor) => ({ links: (await listLinks(tx, actor, deps.clock(), req.params.id)).map((r) => linkOut(r, deps.clock())) })));

  app.post('/api/questionnaire-links/:id/revoke', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: { tags, summary: 'Revoke a personal link (e.g. sent to a wrong number)', params: IdParams, body: VersionOnly, response: { 200: LinkOut, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 200, async (tx, actor) => linkOut(await revokeLink(tx, actor, deps.clock(), req.params.id, req.body.version), deps.clock())));

  app.get('/api/questionnaire-tasks/unanswered', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: { tags, summary: 'Who has not answered: due end and follow-up questionnaires and unused personal links, with link state and days overdue (each citizen listed is audit-logged)', response: { 200: UnansweredOut, ...errorResponses } },
  }, (req, reply) => {
    reply.header('cache-control', 'no-store');
    return tenantRead(deps, req, (tx, actor) => unanswered(tx, actor, deps.clock()));
  });

  app.post('/api/questionnaire-tasks/send-due', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: { tags, summary: 'Send links for end and follow-up questionnaires that have come due (run daily by a scheduler, or by hand); citizens without a phone stay on the unanswered list',
      body: z.strictObject({}).optional(), response: { 200: z.object({ sent: z.number(), withoutPhone: z.number(), dispatched: z.number() }), ...errorResponses } },
  }, async (req, reply) => {
    let outboxIds: string[] = [];
    await tenantWrite(deps, req, reply, 200, async (tx, actor) => {
      const result = await sendDueLinks(tx, actor, deps.clock());
      outboxIds = result.outboxIds;
      return { sent: result.sent, withoutPhone: result.withoutPhone, dispatched: 0 };
    }, async (body, actor) => ({ ...body, dispatched: (await dispatchOutbox(deps.db, actor.municipalityId, deps.clock(), notifier, { ids: outboxIds })).sent }));
  });

  app.get('/api/assessment/settings', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: { tags, summary: 'The phone number citizens are given on the link pages, and how many days a link lasts', response: { 200: Settings, ...errorResponses } },
  }, (req) => tenantRead(deps, req, (tx) => assessmentSettings(tx)));

  app.put('/api/assessment/settings', {
    config: { policy: 'questionnaire.admin', access: ['coordinator', 'admin'] },
    schema: { tags, summary: 'Set the health centre\'s phone number and the link lifetime (version 0 the first time)',
      body: z.strictObject({ version: z.number().int().min(0), contactPhone: z.string().regex(/^\+?[0-9 ]{8,16}$/).nullable(), linkDays: z.number().int().min(1).max(90) }), response: { 200: Settings, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 200, async (tx, actor) => {
    const current = await assessmentSettings(tx);
    if (current.version !== req.body.version) throw new AppError('version_conflict', 'error.version_conflict', { resource: 'Indstillinger', expected: req.body.version, actual: current.version });
    await tx.query(
      `INSERT INTO assessment_setting (municipality_id, contact_phone, link_days) VALUES ($1, $2, $3)
       ON CONFLICT (municipality_id) DO UPDATE SET contact_phone = EXCLUDED.contact_phone, link_days = EXCLUDED.link_days, version = assessment_setting.version + 1`,
      [actor.municipalityId, req.body.contactPhone, req.body.linkDays]);
    return assessmentSettings(tx);
  }));
}
