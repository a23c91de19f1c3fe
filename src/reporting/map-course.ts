import { codeByDisplay, conceptsOf, display, interventionByDisplay, isConversationIntervention, isReportableIntervention } from '../domain/terminology.ts';
import { concept, ref, type Coding, type Extension, type Resource } from './fhir.ts';
import { extensionUrl, profileUrl, system } from './profiles.ts';
import type { CitizenRecords, EncounterRecord, InterventionRecord, PathwayRecord, ReferralRecord } from './records.ts';

/** FHIR request-status of a CarePlan from the activity status Ligevej keeps (care-plan-activity-status). */
const requestStatus: Record<string, string> = {
  'not-started': 'active', scheduled: 'active', 'in-progress': 'active', 'on-hold': 'on-hold', completed: 'completed',
  cancelled: 'revoked', stopped: 'revoked', unknown: 'unknown', 'entered-in-error': 'entered-in-error',
};
/** The IG advises against entered-in-error on the activity: the CarePlan's own status says it. */
const activityStatus = (status: string): string => (status === 'entered-in-error' ? 'unknown' : status);

const category = {
  intervention: codeByDisplay('carePlanCategories119', 'Interventionsforløb efter §119'),
  follow_up: codeByDisplay('carePlanCategories119', 'Opfølgningsforløb efter §119'),
} as const;
const individualDelivery = codeByDisplay('deliveryTypes', 'Individuel indsats');
const clarifyingConversation = interventionByDisplay('Afklarende samtale');
const supersededBy: ReadonlyMap<string, string> = new Map(
  conceptsOf('interventions119').filter((c) => !isReportableIntervention(c.code)).map((c) => [c.code, interventionByDisplay('Nikotin- og tobaksafvænning')]),
);

export interface Context { records: CitizenRecords; patient: string; performerOf: (organizationId: string | null) => string }

const carePlanBase = (ctx: Context, id: string, profile: string, status: string, start: string, end: string | null) => ({
  resourceType: 'CarePlan', id, meta: { profile: [profile] },
  status: requestStatus[status] ?? 'unknown', intent: 'plan', subject: ref('Patient', ctx.patient),
  period: end ? { start, end } : { start },
});

export function pathwayCarePlan(ctx: Context, p: PathwayRecord): Resource {
  return {
    ...carePlanBase(ctx, p.id, profileUrl.carePlan, p.status, p.grantedOn, p.endedOn),
    category: [concept(system.klCareSocial, category[p.category])],
    activity: [{
      detail: {
        status: activityStatus(p.status),
        ...(p.cancellationReason ? { statusReason: concept(system.klCareSocial, p.cancellationReason) } : {}),
        performer: [ref('Organization', ctx.performerOf(p.performerOrganizationId))],
      },
    }],
  };
}

const deliveryType = (code: string): Extension => ({ url: extensionUrl.deliveryType, valueCodeableConcept: concept(system.klCareSocial, code) });
const basedOnServiceRequest = (referralId: string): Extension => ({ url: extensionUrl.basedOnServiceRequest, valueReference: ref('ServiceRequest', referralId) });

function interventionCodings(i: InterventionRecord): Coding[] {
  const codings: Coding[] = [];
  if (i.fsiiiCode) {
    const code = supersededBy.get(i.fsiiiCode) ?? i.fsiiiCode;
    codings.push({ system: system.fsiii, code, display: display('interventions119', code)! });
  }
  if (i.localCode && i.localDisplay) codings.push({ system: system.localInterventions, code: i.localCode, display: i.localDisplay });
  return codings;
}

export function plannedIntervention(ctx: Context, i: InterventionRecord, reportedConditions: ReadonlySet<string>, pathwayOrg: string | null): Resource {
  const codings = interventionCodings(i);
  // Invariant intervention-2: conversations are never based on a pathway.
  const conversation = codings.some((c) => c.system === system.fsiii && isConversationIntervention(c.code));
  const reasons = i.conditionIds.filter((c) => reportedConditions.has(c));
  return {
    ...carePlanBase(ctx, i.id, profileUrl.plannedIntervention, i.status, i.grantedOn, i.endDate),
    extension: [basedOnServiceRequest(i.referralId)],
    ...(i.pathwayId && !conversation ? { basedOn: [ref('CarePlan', i.pathwayId)] } : {}),
    activity: [{
      detail: {
        extension: [deliveryType(i.deliveryType)],
        code: { coding: codings },
        status: activityStatus(i.status),
        ...(reasons.length ? { reasonReference: reasons.map((c) => ref('Condition', c)) } : {}),
        performer: [ref('Organization', ctx.performerOf(i.performerOrganizationId ?? pathwayOrg))],
      },
    }],
  };
}

/** The planned intervention "Afklarende samtale" that a referral's clarifying-conversation encounters deliver. */
export const clarifyingId = (referralId: string): string => `${referralId}-afklaring`;

function clarifyingStatus(referral: ReferralRecord, encounters: EncounterRecord[]): string {
  const has = (...s: string[]) => encounters.some((e) => s.includes(e.status));
  if (referral.stage === 'entered_in_error' || !has('planned', 'arrived', 'in-progress', 'finished', 'cancelled', 'no-show')) return 'entered-in-error';
  if (has('finished')) return 'completed';
  if (has('arrived', 'in-progress')) return 'in-progress';
  if (has('planned')) return 'scheduled';
  return referral.stage === 'closed' ? 'cancelled' : 'not-started';
}

export function clarifyingConversationPlan(ctx: Context, referral: ReferralRecord, encounters: EncounterRecord[]): Resource {
  const status = clarifyingStatus(referral, encounters);
  const held = encounters.find((e) => e.status === 'finished');
  return {
    ...carePlanBase(ctx, clarifyingId(referral.id), profileUrl.plannedIntervention, status, referral.receivedAt, status === 'completed' && held ? held.endAt : null),
    extension: [basedOnServiceRequest(referral.id)],
    activity: [{
      detail: {
        extension: [deliveryType(individualDelivery)],
        code: { coding: [{ system: system.fsiii, code: clarifyingConversation, display: display('interventions119', clarifyingConversation)! }] },
        status: activityStatus(status),
        performer: [ref('Organization', ctx.performerOf(null))],
      },
    }],
  };
}
