import { codeByDisplay, display, isReportableCondition } from '../domain/terminology.ts';
import { concept, ref, type Coding, type Resource } from './fhir.ts';
import { clarifyingConversationPlan, clarifyingId, pathwayCarePlan, plannedIntervention, type Context } from './map-course.ts';
import { extensionUrl, profileUrl, system } from './profiles.ts';
import type { CitizenRecords, ConditionRecord, DiagnosisRecord, EncounterRecord, OrganizationRecord, ReferralRecord } from './records.ts';

const serviceType = codeByDisplay('serviceType119', 'Kommunal Sundhedsfremme og forebyggelse');
const klEncounterClass: Record<string, string> = {
  phone: codeByDisplay('encounterClassExtra', 'Telefonisk'),
  screen: codeByDisplay('encounterClassExtra', 'Skærmbesøg'),
};

/** FHIR request-status of the ServiceRequest from the course stage. */
const referralStatus = (stage: string): string =>
  stage === 'ended' || stage === 'followed_up' ? 'completed' : stage === 'closed' ? 'revoked' : stage === 'entered_in_error' ? 'entered-in-error' : 'active';

const profile = (url: string) => ({ meta: { profile: [url] } });

function patient(r: CitizenRecords): Resource {
  return {
    resourceType: 'Patient', id: r.citizen.id, ...profile(profileUrl.citizen),
    identifier: [{ use: 'official', system: system.cpr, value: r.citizen.cpr }],
    deceasedBoolean: r.citizen.deceased,
    managingOrganization: { identifier: { use: 'official', system: system.sor, value: r.municipality.sorCode } },
  };
}

function organization(o: OrganizationRecord): Resource {
  const identifier = o.idSystem === 'sor'
    ? { use: 'official', system: system.sor, value: o.idValue }
    : { use: 'official', system: system.fkOrg, value: `urn:uuid:${o.idValue}` };
  return { resourceType: 'Organization', id: o.id, ...profile(profileUrl.organization), identifier: [identifier], name: o.name };
}

function focusCondition(patientId: string, d: DiagnosisRecord): Resource {
  const coding: Coding = { system: d.system === 'SKS' ? system.sks : system.icpc2, code: d.code, ...(d.display ? { display: d.display } : {}) };
  return {
    resourceType: 'Condition', id: d.id, ...profile(profileUrl.focusCondition),
    clinicalStatus: concept(system.conditionClinical, d.clinicalStatus),
    ...(d.verificationStatus === 'entered-in-error' ? { verificationStatus: concept(system.conditionVerification, 'entered-in-error') } : {}),
    code: { coding: [coding] },
    subject: ref('Patient', patientId),
  };
}

function serviceRequest(patientId: string, r: ReferralRecord, referralIds: ReadonlySet<string>): Resource {
  return {
    resourceType: 'ServiceRequest', id: r.id, ...profile(profileUrl.serviceRequest),
    ...(r.replacesId && referralIds.has(r.replacesId) ? { replaces: [ref('ServiceRequest', r.replacesId)] } : {}),
    status: referralStatus(r.stage), intent: 'plan',
    code: concept(system.klCareSocial, serviceType),
    subject: ref('Patient', patientId),
    authoredOn: r.receivedAt,
    ...(r.referringOrganizationId ? { requester: ref('Organization', r.referringOrganizationId) } : {}),
    ...(r.diagnoses.length ? { reasonReference: r.diagnoses.map((d) => ref('Condition', d.id)) } : {}),
  };
}

function condition(patientId: string, c: ConditionRecord): Resource {
  return {
    resourceType: 'Condition', id: c.id, ...profile(profileUrl.condition),
    clinicalStatus: concept(system.conditionClinical, c.clinicalStatus),
    ...(c.verificationStatus === 'entered-in-error' ? { verificationStatus: concept(system.conditionVerification, 'entered-in-error') } : {}),
    ...(c.clinicalStatus === 'active' ? { category: [concept(system.conditionCategory, 'problem-list-item')] } : {}),
    code: concept(system.fsiii, c.code, display('conditions119', c.code)),
    subject: ref('Patient', patientId),
    recordedDate: c.recordedOn,
  };
}

function encounter(patientId: string, e: EncounterRecord, basedOnCarePlan: string | null): Resource {
  const cls = klEncounterClass[e.class];
  return {
    resourceType: 'Encounter', id: e.id, ...profile(profileUrl.encounter),
    ...(basedOnCarePlan ? { extension: [{ url: extensionUrl.basedOnCarePlan, valueReference: ref('CarePlan', basedOnCarePlan) }] } : {}),
    status: e.status === 'no-show' ? 'cancelled' : e.status,
    class: cls ? { system: system.klCareSocial, code: cls } : { system: system.v3ActCode, code: e.class },
    subject: ref('Patient', patientId),
    basedOn: [ref('ServiceRequest', e.referralId)],
    period: { start: e.startAt, end: e.endAt },
  };
}

/**
 * Encounters the gateway wants: every contact that took place (or was cancelled or corrected) and,
 * of those still only planned, the first per referral. Anything reported before stays reported.
 */
function reportedEncounters(list: EncounterRecord[], alwaysInclude: ReadonlySet<string>): EncounterRecord[] {
  const firstPlanned = new Map<string, EncounterRecord>();
  for (const e of list) {
    const seen = firstPlanned.get(e.referralId);
    if (e.status === 'planned' && (!seen || e.startAt < seen.startAt)) firstPlanned.set(e.referralId, e);
  }
  return list.filter((e) => e.status !== 'planned' || firstPlanned.get(e.referralId) === e || alwaysInclude.has(`Encounter/${e.id}`));
}

/**
 * All resources of one citizen's delivery report, in a stable order, with ids taken from the Ligevej
 * rows so a resource keeps its id in every report. Pure: no I/O, no clock.
 */
export function mapCitizen(records: CitizenRecords, alwaysInclude: ReadonlySet<string> = new Set()): Resource[] {
  const patientId = records.citizen.id;
  const organizations = new Map(records.organizations.map((o) => [o.id, o]));
  const performerOf = (id: string | null) => (id && organizations.has(id) ? id : records.municipality.id);
  const ctx: Context = { records, patient: patientId, performerOf };
  const referralIds = new Set(records.referrals.map((r) => r.id));
  const conditions = records.conditions.filter((c) => isReportableCondition(c.code));
  const conditionIds = new Set(conditions.map((c) => c.id));
  const pathwayOrg = new Map(records.pathways.map((p) => [p.id, p.performerOrganizationId]));
  const interventionIds = new Set(records.interventions.map((i) => i.id));
  const clarifying = new Map<string, EncounterRecord[]>();
  for (const e of records.encounters) if (e.purpose === 'clarifying_conversation') clarifying.set(e.referralId, [...(clarifying.get(e.referralId) ?? []), e]);
  const carePlanOf = (e: EncounterRecord): string | null =>
    e.interventionId && interventionIds.has(e.interventionId) ? e.interventionId
      : e.purpose === 'clarifying_conversation' ? clarifyingId(e.referralId) : e.pathwayId;

  const care: Resource[] = [
    ...records.referrals.flatMap((r) => r.diagnoses.map((d) => focusCondition(patientId, d))),
    ...records.referrals.map((r) => serviceRequest(patientId, r, referralIds)),
    ...conditions.map((c) => condition(patientId, c)),
    ...records.pathways.map((p) => pathwayCarePlan(ctx, p)),
    ...records.referrals.filter((r) => clarifying.has(r.id)).map((r) => clarifyingConversationPlan(ctx, r, clarifying.get(r.id)!)),
    ...records.interventions.map((i) => plannedIntervention(ctx, i, conditionIds, i.pathwayId ? pathwayOrg.get(i.pathwayId) ?? null : null)),
    ...reportedEncounters(records.encounters, alwaysInclude).map((e) => encounter(patientId, e, carePlanOf(e))),
  ];
  const referenced = new Set(care.flatMap(referencesOf));
  const orgs: Resource[] = [
    ...(referenced.has(`Organization/${records.municipality.id}`)
      ? [{ resourceType: 'Organization', id: records.municipality.id, ...profile(profileUrl.organization),
        identifier: [{ use: 'official', system: system.sor, value: records.municipality.sorCode }], name: records.municipality.name }]
      : []),
    ...records.organizations.filter((o) => referenced.has(`Organization/${o.id}`)).map(organization),
  ];
  return [patient(records), ...orgs, ...care];
}

/** Every "Type/id" a resource refers to. */
export function referencesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesOf);
  if (value === null || typeof value !== 'object') return [];
  const own = typeof (value as { reference?: unknown }).reference === 'string' ? [(value as { reference: string }).reference] : [];
  return [...own, ...Object.values(value).flatMap(referencesOf)];
}
