import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { AppError, notFound, validationError } from '../shared/errors.ts';
import { errorResponses } from '../shared/schemas.ts';
import { localDate } from '../worklists/calendar.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { requireActor, tenantRead } from '../http/context.ts';
import { securityOf } from '../auth/security-config.ts';
import { accessLog } from './access-log.ts';
import { exportCitizen } from './citizen-export.ts';
import { consentMethods, consentProblems, consentPurposes, consentVersion, currentConsents, type ConsentEvent } from './consents.ts';
import { accessLogPdf, exportPdf } from './render.ts';
import { auditedKeyRotation, auditedRetentionDryRun, auditedRetentionRun } from './maintenance.ts';
import { retentionFingerprint } from './retention.ts';
import type { Queryable } from '../db/database.ts';

const Params = z.object({ id: z.uuid() });
const Entry = z.object({ at: z.string(), actorName: z.string().nullable(), actorRole: z.string(), action: z.string(), purpose: z.string(), resourceType: z.string() });
const Consent = z.object({ purpose: z.enum(consentPurposes), given: z.boolean(), givenOn: z.string().nullable(), withdrawnOn: z.string().nullable(), method: z.string().nullable() });
const ConsentEventOut = z.object({ purpose: z.enum(consentPurposes), state: z.enum(['given', 'withdrawn']), effectiveOn: z.string(), method: z.string(), recordedAt: z.string(), note: z.string().nullable(), recordedByName: z.string().nullable() });
const ConsentVersion = z.number().int().min(0).describe('The registry\'s version the form was shown (the number of recorded events); another one answers 412');
const Fingerprint = z.string().regex(/^[0-9a-f]{64}$/).describe('The dry run\'s fingerprint of the citizens due (SHA-256, hex)');
const RetentionRunInput = z.strictObject({
  count: z.number().int().min(0).describe('How many citizens the confirmed dry run listed'),
  fingerprint: Fingerprint.describe('The fingerprint of the confirmed dry run; if the citizens due now differ, nothing is done and 409 is answered'),
});
const Candidate = z.object({ citizenId: z.uuid(), basis: z.enum(['ended', 'closed']), lastActivityOn: z.string(), dueOn: z.string(), action: z.literal('anonymise') });

async function citizenName(tx: Queryable, id: string): Promise<string> {
  const row = (await tx.query<{ given_name: string; family_name: string }>('SELECT given_name, family_name FROM citizen WHERE id = $1', [id])).rows[0];
  if (!row) throw notFound('Patient');
  return `${row.given_name} ${row.family_name}`;
}

async function consentEvents(tx: Queryable, citizenId: string): Promise<(ConsentEvent & { note: string | null; recordedByName: string | null })[]> {
  return (await tx.query<{ purpose: ConsentEvent['purpose']; state: ConsentEvent['state']; effective_on: string; method: string; recorded_at: Date; note: string | null; recorded_by_name: string | null }>(
    `SELECT c.purpose, c.state, to_char(c.effective_on, 'YYYY-MM-DD') AS effective_on, c.method, c.recorded_at, c.note, s.display_name AS recorded_by_name
       FROM citizen_consent c LEFT JOIN staff_user s ON s.id = c.recorded_by WHERE c.citizen_id = $1 ORDER BY c.recorded_at, c.effective_on, c.id`, [citizenId])).rows
    .map((r) => ({ purpose: r.purpose, state: r.state, effectiveOn: r.effective_on, method: r.method, recordedAt: new Date(r.recorded_at).toISOString(), note: r.note, recordedByName: r.recorded_by_name }));
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
    schema: { tags: ['gdpr'], summary: 'Consents now and their history', params: Params,
      response: { 200: z.object({ current: z.array(Consent), events: z.array(ConsentEventOut), version: ConsentVersion }) } },
  }, async (req) => tenantRead(deps, req, async (tx, actor) => {
    await citizenName(tx, req.params.id);
    const events = await consentEvents(tx, req.params.id);
    await appendAudit(tx, actor, deps.clock(), [{ action: 'read', resourceType: 'Consent', resourceId: req.params.id, citizenId: req.params.id, detail: { view: 'consents' } }]);
    return { current: currentConsents(events), events, version: consentVersion(events) };
  }));

  app.post('/api/gdpr/citizens/:id/consents', {
    config: { policy: 'consent.write' },
    schema: {
      tags: ['gdpr'], summary: 'Record a consent given or withdrawn, with the date and how', params: Params,
      body: z.strictObject({ purpose: z.enum(consentPurposes), state: z.enum(['given', 'withdrawn']), effectiveOn: z.iso.date(), method: z.enum(consentMethods), note: z.string().max(500).optional(), version: ConsentVersion }),
      response: { 201: z.object({ current: z.array(Consent), version: ConsentVersion }) },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const now = deps.clock();
    const saved = await deps.db.tenantTransaction(actor.municipalityId, async (tx) => {
      await citizenName(tx, req.params.id);
      // One writer per citizen's registry at a time, so two forms shown the same version cannot both be recorded.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`consent:${req.params.id}`]);
      const events = await consentEvents(tx, req.params.id);
      if (consentVersion(events) !== req.body.version) {
        throw new AppError('version_conflict', 'error.version_conflict', { resource: 'Samtykker', expected: req.body.version, actual: consentVersion(events) });
      }
      const problems = consentProblems(events, req.body, localDate(now));
      if (problems.length > 0) throw validationError(problems);
      await tx.query(
        `INSERT INTO citizen_consent (municipality_id, citizen_id, purpose, state, effective_on, method, note, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [actor.municipalityId, req.params.id, req.body.purpose, req.body.state, req.body.effectiveOn, req.body.method, req.body.note ?? null, actor.userId, now]);
      await appendAudit(tx, actor, now, [{ action: 'consent_recorded', resourceType: 'Consent', resourceId: req.params.id, citizenId: req.params.id, purpose: 'administration', detail: { purpose: req.body.purpose, state: req.body.state } }]);
      const after = await consentEvents(tx, req.params.id);
      return { current: currentConsents(after), version: consentVersion(after) };
    });
    return reply.code(201).send(saved);
  });

  const policy = () => {
    const s = securityOf(deps.config);
    return { yearsAfterEnd: s.retentionYearsAfterEnd, yearsAfterClosed: s.retentionYearsAfterClosed };
  };

  app.get('/api/gdpr/retention/dry-run', {
    config: { policy: 'retention.run' },
    schema: { tags: ['gdpr'], summary: 'Which citizens the retention job would anonymise today, and why (nothing is changed)',
      response: { 200: z.object({ policy: z.object({ yearsAfterEnd: z.number(), yearsAfterClosed: z.number() }), candidates: z.array(Candidate), fingerprint: Fingerprint }) } },
  }, async (req) => {
    const candidates = await auditedRetentionDryRun(deps.db, requireActor(req), policy(), deps.clock());
    return { policy: policy(), candidates, fingerprint: retentionFingerprint(candidates) };
  });

  app.post('/api/gdpr/retention/run', {
    config: { policy: 'retention.run' },
    schema: { tags: ['gdpr'], summary: 'Run the retention job as confirmed after its dry run: anonymise the citizens past their period (audited); 409 if they are no longer those the dry run showed',
      body: RetentionRunInput, response: { 200: z.object({ anonymised: z.array(Candidate) }), ...errorResponses } },
  }, async (req) => ({ anonymised: await auditedRetentionRun(deps.db, deps.vault, requireActor(req), policy(), deps.clock, req.body) }));

  app.post('/api/admin/cpr-key-rotation', {
    config: { policy: 'key_rotation.run' },
    schema: { tags: ['admin'], summary: 'Re-encrypt CPR numbers and other secrets still under an older key (online, in batches)',
      response: { 200: z.object({ keyId: z.string(), citizens: z.number(), history: z.number(), reports: z.number(), totpSecrets: z.number() }) } },
  }, async (req) => auditedKeyRotation(deps.db, deps.vault, requireActor(req), deps.clock));
}
