import { profileUrl, system, type EntryProfile } from '../profiles.ts';
import { isObject, type Issue, type Json, type JsonObject } from './issues.ts';
import { invariantRule, invariants } from './invariants.ts';
import { carePlanRules, plannedInterventionRules } from './rules-care-plan.ts';
import { encounterRules } from './rules-encounter.ts';
import { citizenRules, organizationRules } from './rules-people.ts';
import { conditionRules, focusConditionRules, serviceRequestRules } from './rules-request.ts';
import { checkResource } from './structure.ts';
import { baseAllows, field, referenceOf, select, type Entry, type Node, type Report, type Rule } from './select.ts';

const rulesOf: Record<EntryProfile, Rule[]> = {
  citizen: citizenRules,
  organization: organizationRules,
  serviceRequest: serviceRequestRules,
  focusCondition: focusConditionRules,
  condition: conditionRules,
  carePlan: [...carePlanRules, invariantRule(invariants.carePlan1)],
  plannedIntervention: [...plannedInterventionRules, invariantRule(invariants.intervention1), invariantRule(invariants.intervention2)],
  encounter: encounterRules,
};

const claims = (r: JsonObject, url: string) => isObject(r.meta) && Array.isArray(r.meta.profile) && r.meta.profile.includes(url);

/** Which §119 profile an entry is held to: the one it claims, else the one its type and content imply. */
function profileOf(r: JsonObject): EntryProfile | undefined {
  switch (r.resourceType) {
    case 'Patient': return 'citizen';
    case 'Organization': return 'organization';
    case 'ServiceRequest': return 'serviceRequest';
    case 'Encounter': return 'encounter';
    case 'Condition': {
      if (claims(r, profileUrl.focusCondition)) return 'focusCondition';
      if (claims(r, profileUrl.condition)) return 'condition';
      const systems = select({ path: '', value: r }, 'code.coding').map((c) => field(c, 'system'));
      return systems.includes(system.fsiii) ? 'condition' : 'focusCondition';
    }
    case 'CarePlan':
      if (claims(r, profileUrl.carePlan)) return 'carePlan';
      if (claims(r, profileUrl.plannedIntervention)) return 'plannedIntervention';
      return r.category !== undefined ? 'carePlan' : 'plannedIntervention';
    default: return undefined;
  }
}

const forbiddenInReport = ['identifier', 'total', 'link', 'signature', 'entry.link', 'entry.search', 'entry.request', 'entry.response'];
/** Elements that must be references to a resource in the report. */
const referencePaths = ['subject', 'requester', 'reasonReference', 'replaces', 'basedOn', 'activity.detail.performer', 'activity.detail.reasonReference',
  'extension.valueReference', 'activity.detail.extension.valueReference'];

function reportRules(bundle: JsonObject, root: Node, out: Issue[]): Entry[] {
  if (!claims(bundle, profileUrl.deliveryReport)) out.push({ path: 'Bundle.meta.profile', rule: 'report.profile' });
  if (bundle.type !== undefined && bundle.type !== 'collection') out.push({ path: 'Bundle.type', rule: 'report.type' });
  if (bundle.timestamp === undefined) out.push({ path: 'Bundle.timestamp', rule: 'report.timestamp' });
  for (const p of forbiddenInReport) for (const n of select(root, p)) out.push({ path: n.path, rule: 'report.forbidden' });
  const entries: Entry[] = [];
  const seen = new Set<string>();
  for (const e of select(root, 'entry')) {
    const resource = field(e, 'resource');
    const fullUrl = field(e, 'fullUrl');
    if (typeof fullUrl !== 'string') out.push({ path: `${e.path}.fullUrl`, rule: 'report.entry' });
    if (!isObject(resource)) {
      out.push({ path: `${e.path}.resource`, rule: 'report.entry' });
      continue;
    }
    const key = `${String(resource.resourceType)}/${String(resource.id)}`;
    if (typeof fullUrl === 'string' && (fullUrl !== key || seen.has(fullUrl))) out.push({ path: `${e.path}.fullUrl`, rule: 'report.full-url' });
    seen.add(key);
    const profile = profileOf(resource);
    if (!profile) out.push({ path: `${e.path}.resource.resourceType`, rule: 'report.entry-type' });
    else entries.push({ path: `${e.path}.resource`, resource, profile, node: { path: `${e.path}.resource`, value: resource } });
  }
  const citizens = entries.filter((e) => e.profile === 'citizen');
  if (citizens.length !== 1) out.push({ path: citizens[1] ? citizens[1].path : 'Bundle.entry', rule: 'report.citizen' });
  return entries;
}

const isWrongSubject = (report: Report, e: Entry, reference: string | undefined, citizen: Entry): boolean => {
  const target = report.byKey.get(reference ?? '');
  return target !== undefined && target !== citizen && baseAllows(`${String(e.resource.resourceType)}.subject`, target.resource.resourceType);
};

function referenceRules(report: Report, out: Issue[]): void {
  const citizen = report.entries.find((e) => e.profile === 'citizen');
  for (const e of report.entries) {
    for (const p of referencePaths) {
      for (const n of select(e.node, p)) {
        const reference = referenceOf(n);
        if (!reference || !report.byKey.has(reference)) out.push({ path: `${n.path}${reference ? '.reference' : ''}`, rule: 'report.reference-bundled' });
      }
    }
    if (e.profile === 'citizen' || e.profile === 'organization') continue;
    const subject = select(e.node, 'subject')[0];
    if (!subject) {
      // ServiceRequest, Condition and CarePlan require a subject in base R4 already (fhir-r4.required).
      if (e.profile === 'encounter') out.push({ path: `${e.path}.subject`, rule: 'report.subject' });
    } else if (citizen && isWrongSubject(report, e, referenceOf(subject), citizen)) {
      out.push({ path: `${subject.path}.reference`, rule: 'report.subject' });
    }
  }
}

/**
 * Validates one delivery report (parsed JSON) against base FHIR R4 structure and every rule of
 * kl-gateway-119.md. Issues name the element path (Bundle.entry[3].resource.activity[0].detail.statusReason)
 * and the rule; they never quote a value from the report, so a CPR number cannot leak through them.
 */
export function validateReport(json: Json): Issue[] {
  const out: Issue[] = [];
  checkResource(json, 'Bundle', out);
  if (!isObject(json) || json.resourceType !== 'Bundle') {
    if (isObject(json) && !out.length) out.push({ path: 'Bundle.resourceType', rule: 'fhir-r4.resource-type' });
    return out;
  }
  const root: Node = { path: 'Bundle', value: json };
  const entries = reportRules(json, root, out);
  const byKey = new Map(entries.map((e) => [`${String(e.resource.resourceType)}/${String(e.resource.id)}`, e]));
  const report: Report = { entries, byKey };
  referenceRules(report, out);
  for (const e of entries) for (const rule of rulesOf[e.profile]) out.push(...rule(e, report));
  return out;
}

/** Validates a report file's text: unreadable JSON is itself a rule (fhir-r4.json). */
export function validateText(text: string): Issue[] {
  let json: Json;
  try {
    json = JSON.parse(text) as Json;
  } catch {
    return [{ path: 'Bundle', rule: 'fhir-r4.json' }];
  }
  return validateReport(json);
}
