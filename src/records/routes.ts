import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { careRoles } from '../auth/roles.ts';
import { tenantWrite } from '../http/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { updateVersioned } from '../db/versioned.ts';
import { validationError } from '../shared/errors.ts';
import { errorResponses, IdParams } from '../shared/schemas.ts';
import { VersionOnly } from '../referrals/referral-schemas.ts';
import { getReferralRow, referencesExist } from '../referrals/referral-service.ts';
import { refreshPathwayFact } from '../analytics/refresh-fact.ts';
import { ConditionInput, EncounterCreate, EncounterUpdate, InterventionUpdate, ObservationCreate } from '../pathways/course-schemas.ts';
import { encounterProblems, insertConditions, insertEncounter, insertObservations, observationProblems } from './record-writes.ts';
import { correctable, markEnteredInError, type CorrectableKind } from './corrections.ts';

const tags = ['records'];
const Created = z.object({ id: z.uuid(), ids: z.array(z.uuid()).optional() });
const Versioned = z.object({ id: z.uuid(), version: z.number() });
const openStages = ['received', 'contacted', 'clarified', 'planned', 'active', 'ended', 'followed_up'];

export function recordRoutes(app: Router, deps: Deps): void {
  app.post('/api/referrals/:id/encounters', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: { tags, summary: 'Record an encounter: a session (mødegang) with attendance, a needs or closing conversation', params: IdParams, body: EncounterCreate, response: { 201: Created, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, async (tx, actor) => {
    const body = req.body;
    const problems = [...encounterProblems(body), ...observationProblems(body.observations, 'observations'),
      ...await referencesExist(tx, [{ path: 'interventionId', table: 'intervention', id: body.interventionId }])];
    const referral = await getReferralRow(tx, req.params.id, true);
    if (!openStages.includes(referral.stage)) problems.push({ path: 'id', rule: 'reference.unknown' });
    // Booking a clarifying conversation is allowed before it is held; holding it is a course step.
    if (body.purpose === 'clarifying_conversation') {
      if (body.status !== 'planned') problems.push({ path: 'status', rule: 'encounter.clarifying_planned_only' });
      else if (!['received', 'contacted'].includes(referral.stage)) problems.push({ path: 'purpose', rule: 'encounter.clarifying_planned_only' });
    }
    if (problems.length) throw validationError(problems);
    const pathwayId = body.interventionId
      ? (await tx.query<{ pathway_id: string | null }>('SELECT pathway_id FROM intervention WHERE id = $1', [body.interventionId])).rows[0]?.pathway_id ?? null
      : (await tx.query<{ id: string }>(`SELECT id FROM pathway WHERE referral_id = $1 AND status <> 'entered-in-error' ORDER BY created_at DESC LIMIT 1`, [referral.id])).rows[0]?.id ?? null;
    const id = await insertEncounter(tx, actor, referral, { ...body, pathwayId });
    const timePoint = body.purpose === 'closing_conversation' ? 'end' : 'other';
    await insertObservations(tx, actor, referral, body.observations, { timePoint, effectiveAt: body.startAt, encounterId: id });
    await appendAudit(tx, actor, deps.clock(), [{ action: 'create', resourceType: 'Encounter', resourceId: id, citizenId: referral.citizen_id }]);
    await refreshPathwayFact(tx, referral.id);
    return { id };
  }));

  app.patch('/api/encounters/:id', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: { tags, summary: 'Change an encounter\'s status, e.g. roll call: finished (present) or no-show', params: IdParams, body: EncounterUpdate, response: { 200: Versioned, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 200, async (tx, actor) => {
    const { version, ...set } = req.body;
    const row = await updateVersioned<{ id: string; version: number; referral_id: string; citizen_id: string }>(tx, 'encounter', req.params.id, version, set, 'Kontakt');
    await appendAudit(tx, actor, deps.clock(), [{ action: 'update', resourceType: 'Encounter', resourceId: row.id, citizenId: row.citizen_id, detail: { status: set.status } }]);
    await refreshPathwayFact(tx, row.referral_id);
    return { id: row.id, version: row.version };
  }));

  app.post('/api/referrals/:id/observations', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: { tags, summary: 'Record a measurement with unit and time point (baseline, end, follow-up)', params: IdParams, body: ObservationCreate, response: { 201: Created, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, async (tx, actor) => {
    const { encounterId, ...obs } = req.body;
    const problems = [...observationProblems([obs], 'observations').map((p) => ({ ...p, path: p.path.replace('observations.0.', '') })),
      ...await referencesExist(tx, [{ path: 'encounterId', table: 'encounter', id: encounterId }])];
    if (problems.length) throw validationError(problems);
    const referral = await getReferralRow(tx, req.params.id);
    const [id] = await insertObservations(tx, actor, referral, [obs], { timePoint: 'other', effectiveAt: deps.clock().toISOString(), encounterId: encounterId ?? null });
    await appendAudit(tx, actor, deps.clock(), [{ action: 'create', resourceType: 'Observation', resourceId: id!, citizenId: referral.citizen_id }]);
    await refreshPathwayFact(tx, referral.id);
    return { id: id! };
  }));

  app.post('/api/referrals/:id/conditions', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: { tags, summary: 'Record FSIII §119 conditions (tilstande) assessed for the citizen', params: IdParams,
      body: z.strictObject({ recordedOn: z.iso.date(), conditions: z.array(ConditionInput).min(1).max(30) }), response: { 201: Created, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, async (tx, actor) => {
    const referral = await getReferralRow(tx, req.params.id);
    const ids = await insertConditions(tx, actor, referral, req.body.conditions, req.body.recordedOn);
    await appendAudit(tx, actor, deps.clock(), [{ action: 'create', resourceType: 'Condition', citizenId: referral.citizen_id, detail: { count: ids.length } }]);
    return { id: ids[0]!, ids };
  }));

  app.patch('/api/interventions/:id', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: { tags, summary: 'Change an intervention\'s status, dates or team (optimistic locking)', params: IdParams, body: InterventionUpdate, response: { 200: Versioned, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 200, async (tx, actor) => {
    const { version, startDate, endDate, teamId, status, cancellationReason } = req.body;
    const problems = await referencesExist(tx, [{ path: 'teamId', table: 'team', id: teamId }]);
    // An intervention ended as cancelled or stopped needs a KL cancellation reason; one ended otherwise must have none.
    const ending = status === 'cancelled' || status === 'stopped';
    if (ending && !cancellationReason) problems.push({ path: 'cancellationReason', rule: 'cancellation_reason.required' });
    if (!ending && cancellationReason) problems.push({ path: 'cancellationReason', rule: 'cancellation_reason.forbidden' });
    if (problems.length) throw validationError(problems);
    const reason = status === undefined ? undefined : ending ? cancellationReason : null;
    const set = Object.fromEntries(Object.entries({ status, start_date: startDate, end_date: endDate, team_id: teamId, cancellation_reason: reason }).filter(([, v]) => v !== undefined));
    const row = await updateVersioned<{ id: string; version: number; referral_id: string; citizen_id: string }>(tx, 'intervention', req.params.id, version, set, 'Indsats');
    await appendAudit(tx, actor, deps.clock(), [{ action: 'update', resourceType: 'Intervention', resourceId: row.id, citizenId: row.citizen_id, detail: { fields: Object.keys(set) } }]);
    await refreshPathwayFact(tx, row.referral_id);
    return { id: row.id, version: row.version };
  }));

  for (const kind of Object.keys(correctable) as CorrectableKind[]) {
    app.post(`/api/${kind}/:id/entered-in-error`, {
      config: { policy: 'citizen.write', access: careRoles },
      schema: { tags, summary: `Mark a ${correctable[kind].table} record as entered in error (kept in history, never deleted)`, params: IdParams, body: VersionOnly, response: { 200: Versioned, ...errorResponses } },
    }, (req, reply) => tenantWrite(deps, req, reply, 200, (tx, actor) => markEnteredInError(tx, actor, deps.clock(), kind, req.params.id, req.body.version)));
  }
}
