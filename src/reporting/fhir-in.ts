import { codeByDisplay, isCode } from '../domain/terminology.ts';
import type { FieldProblem } from '../shared/errors.ts';
import { system } from './profiles.ts';
import { isObject, type Json, type JsonObject } from './validate/issues.ts';

/** What an incoming FHIR referral says, before it is matched against the municipality's records. */
export interface IncomingReferral {
  /** The citizen's CPR number (10 digits), from the subject Patient or the subject's identifier. */
  cpr: string | undefined;
  requester: { idSystem: 'sor' | 'fk-org'; idValue: string; name: string | undefined } | undefined;
  /** An FSIII referral source given as a ServiceRequest.category coding, if the sender gave one. */
  sourceCode: string | undefined;
  diagnoses: { system: 'SKS' | 'ICPC2'; code: string; display?: string }[];
  receivedAt: string | undefined;
  reason: string | undefined;
  replacesId: string | undefined;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const list = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const objects = (v: Json | undefined): JsonObject[] => list(v).filter(isObject);
const text = (v: Json | undefined): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The identifier of the given system, from an Identifier list or a single Identifier. */
const identifierValue = (ids: Json | undefined, sys: string): string | undefined =>
  objects(ids).find((i) => i.system === sys)?.value as string | undefined;

function diagnosisOf(coding: JsonObject): IncomingReferral['diagnoses'][number] | undefined {
  const code = text(coding.code);
  if (!code) return undefined;
  const display = text(coding.display);
  if (coding.system === system.sks) return { system: 'SKS', code, ...(display ? { display } : {}) };
  if (coding.system === system.icpc2) return { system: 'ICPC2', code, ...(display ? { display } : {}) };
  return undefined;
}

/**
 * Reads a referral sent as a FHIR ServiceRequest, alone or in a Bundle with its subject Patient, its
 * requester Organization and its reason Conditions (references resolved inside the Bundle, by
 * fullUrl or "Type/id"). Pure; problems name FHIR element paths.
 */
export function readIncomingReferral(body: Json): { referral: IncomingReferral; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const entries = isObject(body) && body.resourceType === 'Bundle' ? objects(body.entry) : [];
  const resources = isObject(body) && body.resourceType === 'Bundle' ? entries.map((e) => e.resource).filter(isObject) : isObject(body) ? [body] : [];
  const byRef = new Map<string, JsonObject>();
  for (const e of entries) if (isObject(e.resource)) {
    if (typeof e.fullUrl === 'string') byRef.set(e.fullUrl, e.resource);
    byRef.set(`${String(e.resource.resourceType)}/${String(e.resource.id)}`, e.resource);
  }
  const requests = resources.filter((r) => r.resourceType === 'ServiceRequest');
  const sr = requests[0];
  if (requests.length !== 1 || !sr) {
    problems.push({ path: 'ServiceRequest', rule: 'fhir_in.service_request' });
    return { referral: { cpr: undefined, requester: undefined, sourceCode: undefined, diagnoses: [], receivedAt: undefined, reason: undefined, replacesId: undefined }, problems };
  }
  const resolve = (ref: Json | undefined): JsonObject | undefined => (isObject(ref) && typeof ref.reference === 'string' ? byRef.get(ref.reference) : undefined);

  const subject = isObject(sr.subject) ? sr.subject : undefined;
  const cpr = identifierValue(resolve(subject)?.identifier, system.cpr) ?? identifierValue(subject?.identifier, system.cpr);
  if (!cpr) problems.push({ path: 'ServiceRequest.subject', rule: 'fhir_in.subject' });

  let requester: IncomingReferral['requester'];
  if (sr.requester !== undefined) {
    const org = resolve(sr.requester);
    const ids = org?.identifier ?? (isObject(sr.requester) ? sr.requester.identifier : undefined);
    const sor = identifierValue(ids, system.sor);
    const fk = identifierValue(ids, system.fkOrg)?.replace(/^urn:uuid:/, '');
    if (sor && /^[0-9]{6,18}$/.test(sor)) requester = { idSystem: 'sor', idValue: sor, name: text(org?.name) };
    else if (fk && uuid.test(fk)) requester = { idSystem: 'fk-org', idValue: fk, name: text(org?.name) };
    else problems.push({ path: 'ServiceRequest.requester', rule: 'fhir_in.requester' });
  }

  const diagnoses: IncomingReferral['diagnoses'] = [];
  list(sr.reasonReference).forEach((ref, i) => {
    const condition = resolve(ref);
    const found = condition && isObject(condition.code) ? objects(condition.code.coding).map(diagnosisOf).find(Boolean) : undefined;
    if (found) diagnoses.push(found);
    else problems.push({ path: `ServiceRequest.reasonReference[${i}]`, rule: 'fhir_in.diagnosis' });
  });
  for (const concept of objects(sr.reasonCode)) for (const c of objects(concept.coding)) { const d = diagnosisOf(c); if (d) diagnoses.push(d); }

  const category = objects(sr.category).flatMap((c) => objects(c.coding)).find((c) => c.system === system.fsiii && isCode('referralSources', String(c.code)));
  const authored = text(sr.authoredOn);
  const receivedAt = authored && /^\d{4}-\d{2}-\d{2}$/.test(authored) ? `${authored}T00:00:00Z` : authored;
  if (!receivedAt) problems.push({ path: 'ServiceRequest.authoredOn', rule: 'required' });
  const replaced = objects(sr.replaces)[0]?.reference;
  const replacesId = typeof replaced === 'string' ? replaced.replace(/^ServiceRequest\//, '') : undefined;
  if (replacesId !== undefined && !uuid.test(replacesId)) problems.push({ path: 'ServiceRequest.replaces[0]', rule: 'reference.unknown' });
  const notes = objects(sr.note).map((n) => text(n.text)).filter(Boolean).join('\n');
  return {
    referral: {
      cpr, requester, sourceCode: category ? String(category.code) : undefined, diagnoses, receivedAt,
      reason: notes ? notes.slice(0, 2000) : undefined, replacesId: replacesId && uuid.test(replacesId) ? replacesId : undefined,
    },
    problems,
  };
}

/** The FSIII referral source when the sender did not give one: from the kind of the referring organisation. */
export function referralSourceFor(kind: string | undefined): string {
  const display: Record<string, string> = {
    gp: 'Egen læge/vagtlæge', specialist: 'Speciallæge', hospital_department: 'Sygehus - medicinsk', home_care: 'Hjemmesygeplejen',
    jobcentre: 'Sagsbehandler, anden forvaltning', social_services: 'Sagsbehandler, anden forvaltning', other_municipality: 'Anden kommune', own_unit: 'Sundhedsfremme og forebyggelse',
  };
  return codeByDisplay('referralSources', kind === undefined ? 'Borger' : display[kind] ?? 'Andre');
}
