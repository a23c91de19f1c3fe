import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { notFound, validationError } from '../shared/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { requireActor, tenantRead } from '../http/context.ts';
import { securityOf } from '../auth/security-config.ts';
import { accessLog } from './access-log.ts';
import { exportCitizen } from './citizen-export.ts';
import { canWithdraw, consentMethods, consentPurposes, currentConsents, type ConsentEvent } from './consents.ts';
import { accessLogPdf, exportPdf } from './render.ts';
import { retentionDryRun, runRetention } from './retention-service.ts';
import { rotateCprKey } from './key-rotation.ts';
import type { Queryable } from '../db/database.ts';

const Params = z.object({ id: z.uuid() });
const Entry = z.object({ at: z.string(), actorName: z.string().nullable(), actorRole: z.string(), action: z.string(), purpose: z.string(), resourceType: z.string() });
const Consent = z.object({ purpose: z.enum(consentPurposes), given: z.boolean(), givenOn: z.string().nullable(), withdrawnOn: z.string().nullable(), method: z.string().nullable() });
const ConsentEventOut = z.object({ purpose: z.enum(consentPurposes), state: z.enum(['given', 'withdrawn']), effectiveOn: z.string(), method: z.string(), recordedAt: z.string(), note: z.string().nullable() });
const Candidate = z.object({ citizenId: z.uuid(), basis: z.enum(['ended', 'closed']), lastActivityOn: z.string(), dueOn: z.string(), action: z.literal('anonymise') });

async function citizenName(tx: Queryable, id: string): Promise<string> {
  const row = (await tx.query<{ given_name: string; family_name: string }>('SELECT given_name, family_name FROM citizen WHERE id = $1', [id])).rows[0];
  if (!row) throw notFound('Patient');
  return `${row.given_name} ${row.family_name}`;
}

async function consentEvents(tx: Queryable, citizenId: string): Promise<(ConsentEvent & { note: string | null })[]> {
  return (await tx.query<{ purpose: ConsentEvent['purpose']; state: ConsentEvent['state']; effective_on: string; method: string; recorded_at: Date; note: string | null }>(
    `SELECT purpose, state, to_char(effective_on, 'YYYY-MM-DD') AS effective_on, method, recorded_at, note FROM citizen_consent WHERE citizen_id = $1 ORDER BY recorded_at`, [citizenId])).rows
    .map((r) => ({ purpose: r.purpose, state: r.state, effectiveOn: r.effective_on, method: r.method, recordedAt: new Date(r.recorded_at).toISOString(), note: r.note }));
}

/** Citizens' rights: access log, data export, rectification history, consents; retention; key rotation. */
export function gdprRoutes(app: Router, deps: Deps): void {
  const audited = (action: 'access_log_read' | 'export', format: string) => ({ action, resourceType: 'Patient', purpose: 'citizen_request' as const, detail: { format } });

  app.get('/api/gdpr/citizens/:id/access-log', {
    config: { policy: 'access_log.read' },
    schema: { tags: ['gdpr'], summary: 'Who has looked at this citizen\'s record, when and why (newest first)', params: Params, response: { 200: z.object({ entries: z.array(Entry) }) } },
  }, async (req) => tenantRead(deps, req, async (tx, actor) => {
    await citizenName(tx, req.params.id);
    const entries = await accessLog(tx, req.params.id);
    await appendAudit(tx, actor, deps.clock(), [{ ...audited('access_log_read', 'json'), resourceId: req.params.id, citizenId: req.params.id }]);
    return { entries };
  }));

  app.get('/api/gdpr/citizens/:id/access-log/pdf', {
    config: { policy: 'access_log.read' },
    schema: { tags: ['gdpr'], summary: 'The access log as a PDF to give the citizen', params: Params },
  }, async (req, reply) => {
    const now = deps.clock();
    const pdf = await tenantRead(deps, req, async (tx, actor) => {
      const name = await citizenName(tx, req.params.id);
      const entries = await accessLog(tx, req.params.id);
      await appendAudit(tx, actor, now, [{ ...audited('access_log_read', 'pdf'), resourceId: req.params.id, citizenId: req.params.id }]);
      return accessLogPdf(req.lang, name, entries, now);
    });
    return reply.type('application/pdf').header('content-disposition', 'attachment; filename="adgangslog.pdf"').header('cache-control', 'no-store').send(pdf);
  });

  app.get('/api/gdpr/citizens/:id/export', {
    config: { policy: 'access_log.read' },
    schema: { tags: ['gdpr'], summary: 'Everything about the citizen (GDPR art. 15) as JSON', params: Params },
  }, async (req, reply) => {
    const data = await tenantRead(deps, req, async (tx, actor) => {
      const found = await exportCitizen(tx, deps.vault, req.params.id);
      if (!found) throw notFound('Patient');
      await appendAudit(tx, actor, deps.clock(), [{ ...audited('export', 'json'), resourceId: req.params.id, citizenId: req.params.id }]);
      return { ...found, consents: currentConsents(await consentEvents(tx, req.params.id)) };
    });
    return reply.header('cache-control', 'no-store').header('content-disposition', 'attachment; filename="borgerdata.json"').send(data);
  });

  app.get('/api/gdpr/citizens/:id/export/pdf', {
    config: { policy: 'access_log.read' },
    schema: { tags: ['gdpr'], summary: 'Everything about the citizen as a readable PDF', params: Params },
  }, async (req, reply) => {
    const now = deps.clock();
    const pdf = await tenantRead(deps, req, async (tx, actor) => {
      const found = await exportCitizen(tx, deps.vault, req.params.id);
      if (!found) throw notFound('Patient');
      await appendAudit(tx, actor, now, [{ ...audited('export', 'pdf'), resourceId: req.params.id, citizenId: req.params.id }]);
      return exportPdf(req.lang, found, currentConsents(await consentEvents(tx, req.params.id)), now);
    });
    return reply.type('application/pdf').header('content-disposition', 'attachment; filename="borgerdata.pdf"').header('cache-control', 'no-store').send(pdf);
  });

  app.get('/api/gdpr/citizens/:id/history', {
    config: { policy: 'citizen.read' },
    schema: { tags: ['gdpr'], summary: 'Rectification history: earlier versions of the citizen\'s corrected records', params: Params,
      response: { 200: z.object({ history: z.array(z.object({ table: z.string(), rowId: z.string(), version: z.number(), replacedAt: z.string(), data: z.record(z.string(), z.unknown()) })) }) } },
  }, async (req) => tenantRead(deps, req, async (tx, actor) => {
    const found = await exportCitizen(tx, deps.vault, req.params.id);
    if (!found) throw notFound('Patient');
    await appendAudit(tx, actor, deps.clock(), [{ action: 'read', resourceType: 'Patient', resourceId: req.params.id, citizenId: req.params.id, detail: { view: 'history' } }]);
    return { history: found.history };
  }));

  app.get('/api/gdpr/citizens/:id/consents', {
    config: { policy: 'citizen.read' },
    schema: { tags: ['gdpr'], summary: 'Consents now and their history', params: Params, response: { 200: z.object({ current: z.array(Consent), events: z.array(ConsentEventOut) }) } },
  }, async (req) => tenantRead(deps, req, async (tx) => {
    await citizenName(tx, req.params.id);
    const events = await consentEvents(tx, req.params.id);
    return { current: currentConsents(events), events };
  }));

  app.post('/api/gdpr/citizens/:id/consents', {
    config: { policy: 'consent.write' },
    schema: {
      tags: ['gdpr'], summary: 'Record a consent given or withdrawn, with the date and how', params: Params,
      body: z.strictObject({ purpose: z.enum(consentPurposes), state: z.enum(['given', 'withdrawn']), effectiveOn: z.iso.date(), method: z.enum(consentMethods), note: z.string().max(500).optional() }),
      response: { 201: z.object({ current: z.array(Consent) }) },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const now = deps.clock();
    const current = await deps.db.tenantTransaction(actor.municipalityId, async (tx) => {
      await citizenName(tx, req.params.id);
      const events = await consentEvents(tx, req.params.id);
      if (req.body.state === 'withdrawn' && !canWithdraw(events, req.body.purpose)) throw validationError([{ path: 'state', rule: 'consent.withdraw_without_given' }]);
      await tx.query(
        `INSERT INTO citizen_consent (municipality_id, citizen_id, purpose, state, effective_on, method, note, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [actor.municipalityId, req.params.id, req.body.purpose, req.body.state, req.body.effectiveOn, req.body.method, req.body.note ?? null, actor.userId, now]);
      await appendAudit(tx, actor, now, [{ action: 'consent_recorded', resourceType: 'Consent', resourceId: req.params.id, citizenId: req.params.id, purpose: 'administration', detail: { purpose: req.body.purpose, state: req.body.state } }]);
      return currentConsents(await consentEvents(tx, req.params.id));
    });
    return reply.code(201).send({ current });
  });

  const policy = () => {
    const s = securityOf(deps.config);
    return { yearsAfterEnd: s.retentionYearsAfterEnd, yearsAfterClosed: s.retentionYearsAfterClosed };
  };

  app.get('/api/gdpr/retention/dry-run', {
    config: { policy: 'retention.run' },
    schema: { tags: ['gdpr'], summary: 'Which citizens the retention job would anonymise today, and why (nothing is changed)',
      response: { 200: z.object({ policy: z.object({ yearsAfterEnd: z.number(), yearsAfterClosed: z.number() }), candidates: z.array(Candidate) }) } },
  }, async (req) => tenantRead(deps, req, async (tx, actor) => {
    const now = deps.clock();
    const candidates = await retentionDryRun(tx, policy(), now.toISOString().slice(0, 10));
    await appendAudit(tx, actor, now, [{ action: 'retention_run', resourceType: 'Retention', purpose: 'administration', detail: { dryRun: true, candidates: candidates.length } }]);
    return { policy: policy(), candidates };
  }));

  app.post('/api/gdpr/retention/run', {
    config: { policy: 'retention.run' },
    schema: { tags: ['gdpr'], summary: 'Run the retention job: anonymise the citizens past their period (audited)', response: { 200: z.object({ anonymised: z.array(Candidate) }) } },
  }, async (req) => {
    const actor = requireActor(req);
    const anonymised = await runRetention(deps.db, deps.vault, actor, policy(), deps.clock());
    await deps.db.tenantTransaction(actor.municipalityId, (tx) => appendAudit(tx, actor, deps.clock(), [
      { action: 'retention_run', resourceType: 'Retention', purpose: 'administration', detail: { dryRun: false, anonymised: anonymised.length } }]));
    return { anonymised };
  });

  app.post('/api/admin/cpr-key-rotation', {
    config: { policy: 'key_rotation.run' },
    schema: { tags: ['admin'], summary: 'Re-encrypt CPR numbers and other secrets still under an older key (online, in batches)',
      response: { 200: z.object({ keyId: z.string(), citizens: z.number(), history: z.number(), reports: z.number(), totpSecrets: z.number() }) } },
  }, async (req) => {
    const actor = requireActor(req);
    const result = await rotateCprKey(deps.db, deps.vault, actor.municipalityId);
    await deps.db.tenantTransaction(actor.municipalityId, (tx) => appendAudit(tx, actor, deps.clock(), [
      { action: 'key_rotation', resourceType: 'CprKey', purpose: 'administration', detail: { keyId: deps.vault.currentKeyId, ...result } }]));
    return { keyId: deps.vault.currentKeyId, ...result };
  });
}
