import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { codeByDisplay, interventionByDisplay } from '../domain/terminology.ts';
import { deliveryReport, withReferenced } from './bundle.ts';
import { keyOf, type Resource } from './fhir.ts';
import { mapCitizen } from './map-citizen.ts';
import { extensionUrl } from './profiles.ts';
import { goldenRecords, ids } from './testdata/golden-records.ts';
import { validateReport } from './validate/validate.ts';

const goldenFile = new URL('./testdata/golden-report.json', import.meta.url);
const report = () => deliveryReport('report-1', new Date('2026-04-03T12:00:00Z'), mapCitizen(goldenRecords));
const find = (type: string, id: string): Resource => {
  const found = report().entry.find((e) => e.fullUrl === `${type}/${id}`);
  assert.ok(found, `${type}/${id} is in the report`);
  return found.resource;
};
const detail = (r: Resource) => (r.activity as { detail: Record<string, unknown> }[])[0]!.detail;

describe('KL Gateway §119 mapping', () => {
  it('maps the golden course to exactly the reviewed report', () => {
    // Regenerate after a reviewed change with LIGEVEJ_UPDATE_GOLDEN=1; the diff is the review.
    if (process.env.LIGEVEJ_UPDATE_GOLDEN === '1') writeFileSync(goldenFile, `${JSON.stringify(report(), null, 2)}\n`);
    assert.deepEqual(report(), JSON.parse(readFileSync(goldenFile, 'utf8')));
  });

  it('produces a report the validator accepts', () => {
    assert.deepEqual(validateReport(JSON.parse(JSON.stringify(report()))), []);
  });

  it('holds exactly one citizen, identified by CPR and the managing municipality only', () => {
    const patients = report().entry.filter((e) => e.resource.resourceType === 'Patient');
    assert.equal(patients.length, 1);
    const p = patients[0]!.resource;
    assert.deepEqual(Object.keys(p).sort(), ['deceasedBoolean', 'id', 'identifier', 'managingOrganization', 'meta', 'resourceType']);
    assert.deepEqual(p.identifier, [{ use: 'official', system: 'urn:oid:1.2.208.176.1.2', value: '0101501234' }]);
  });

  it('maps the GP referral to a ServiceRequest with requester and focus conditions', () => {
    const sr = find('ServiceRequest', ids.referralGp);
    assert.equal(sr.status, 'completed');
    assert.deepEqual(sr.requester, { reference: `Organization/${ids.gp}` });
    assert.deepEqual(sr.reasonReference, [{ reference: `Condition/${ids.diagnosisSks}` }, { reference: `Condition/${ids.diagnosisIcpc}` }]);
    assert.equal(find('Condition', ids.diagnosisIcpc).code && (find('Condition', ids.diagnosisIcpc).code as { coding: { system: string }[] }).coding[0]!.system, 'urn:oid:1.2.208.176.2.31');
  });

  it('reports a correction as entered-in-error and the corrected request with replaces', () => {
    assert.equal(find('ServiceRequest', ids.referralWrong).status, 'entered-in-error');
    assert.deepEqual(find('ServiceRequest', ids.referralPhone).replaces, [{ reference: `ServiceRequest/${ids.referralWrong}` }]);
    assert.equal(find('ServiceRequest', ids.referralPhone).requester, undefined, 'a phone request has no requester');
    assert.deepEqual((find('Condition', ids.diagnosisWrong).verificationStatus as { coding: { code: string }[] }).coding[0]!.code, 'entered-in-error');
  });

  it('reports the clarifying conversation as an "Afklarende samtale" not based on a pathway', () => {
    const conversation = find('CarePlan', `${ids.referralGp}-afklaring`);
    assert.equal(conversation.basedOn, undefined);
    assert.deepEqual(conversation.extension, [{ url: extensionUrl.basedOnServiceRequest, valueReference: { reference: `ServiceRequest/${ids.referralGp}` } }]);
    assert.equal((detail(conversation).code as { coding: { code: string }[] }).coding[0]!.code, interventionByDisplay('Afklarende samtale'));
    assert.equal(detail(conversation).status, 'completed');
    const encounter = find('Encounter', ids.clarifying);
    assert.deepEqual(encounter.extension, [{ url: extensionUrl.basedOnCarePlan, valueReference: { reference: `CarePlan/${ids.referralGp}-afklaring` } }]);
  });

  it('maps both interventions of the pathway; the cancelled one carries no reason of its own', () => {
    const training = find('CarePlan', ids.training);
    const diet = find('CarePlan', ids.diet);
    assert.deepEqual(training.basedOn, [{ reference: `CarePlan/${ids.pathway}` }]);
    assert.deepEqual(diet.basedOn, [{ reference: `CarePlan/${ids.pathway}` }]);
    assert.equal(diet.status, 'revoked');
    assert.equal(detail(diet).status, 'cancelled');
    assert.equal(detail(diet).statusReason, undefined, 'statusReason is forbidden on a planned intervention');
    assert.deepEqual((detail(training).code as { coding: { system: string }[] }).coding.map((c) => c.system),
      ['urn:oid:1.2.208.176.2.21', 'http://gateway.kl.dk/1.0/CodeSystem/LocallyDefinedInterventions']);
    assert.deepEqual(detail(training).extension, [{ url: extensionUrl.deliveryType, valueCodeableConcept: { coding: [{ system: 'http://fhir.kl.dk/term/CodeSystem/CareSocialCodes', code: codeByDisplay('deliveryTypes', 'Gruppebaseret indsats') }] } }]);
    assert.deepEqual(detail(training).reasonReference, [{ reference: `Condition/${ids.activity}` }], 'the non-reportable Emotionel funktion is left out');
  });

  it('maps the pathways with category, performer and the cancellation reason only when cancelled or stopped', () => {
    const pathway = find('CarePlan', ids.pathway);
    assert.equal((pathway.category as { coding: { code: string }[] }[])[0]!.coding[0]!.code, codeByDisplay('carePlanCategories119', 'Interventionsforløb efter §119'));
    assert.equal(detail(pathway).statusReason, undefined);
    assert.deepEqual(detail(pathway).performer, [{ reference: `Organization/${ids.municipality}` }]);
    const followUp = find('CarePlan', ids.followUpPathway);
    assert.equal((followUp.category as { coding: { code: string }[] }[])[0]!.coding[0]!.code, codeByDisplay('carePlanCategories119', 'Opfølgningsforløb efter §119'));
    const stopped = mapCitizen({ ...goldenRecords, pathways: [{ ...goldenRecords.pathways[0]!, status: 'stopped', cancellationReason: codeByDisplay('cancellationReasons', 'Aktivt fravalg') }] });
    const reason = detail(stopped.find((r) => r.id === ids.pathway)!).statusReason as { coding: { code: string }[] };
    assert.equal(reason.coding[0]!.code, codeByDisplay('cancellationReasons', 'Aktivt fravalg'));
  });

  it('reports contacts that took place, a no-show as cancelled, and only the first planned visit', () => {
    const encounters = report().entry.filter((e) => e.resource.resourceType === 'Encounter').map((e) => e.resource.id);
    assert.ok(!encounters.includes(ids.planned2), 'a later planned visit waits until it happens');
    assert.ok(encounters.includes(ids.followUpVisit));
    assert.equal(find('Encounter', ids.noShow).status, 'cancelled');
    assert.deepEqual(find('Encounter', ids.closing).class, { system: 'http://fhir.kl.dk/term/CodeSystem/CareSocialCodes', code: codeByDisplay('encounterClassExtra', 'Telefonisk') });
    assert.deepEqual(find('Encounter', ids.closing).extension, [{ url: extensionUrl.basedOnCarePlan, valueReference: { reference: `CarePlan/${ids.pathway}` } }]);
    const forced = mapCitizen(goldenRecords, new Set([`Encounter/${ids.planned2}`]));
    assert.ok(forced.some((r) => r.id === ids.planned2), 'what was reported once stays reported');
  });

  it('maps FSIII conditions: problem-list-item when active, entered-in-error kept, non-reportable codes left out', () => {
    assert.deepEqual((find('Condition', ids.weight).category as { coding: { code: string }[] }[])[0]!.coding[0]!.code, 'problem-list-item');
    const alcohol = find('Condition', ids.alcohol);
    assert.equal(alcohol.category, undefined);
    assert.equal((alcohol.verificationStatus as { coding: { code: string }[] }).coding[0]!.code, 'entered-in-error');
    assert.ok(!report().entry.some((e) => e.resource.id === ids.emotional));
  });

  it('keeps resource ids stable from one report to the next', () => {
    const later = deliveryReport('report-2', new Date('2026-05-01T12:00:00Z'), mapCitizen(goldenRecords));
    assert.deepEqual(later.entry.map((e) => e.fullUrl), report().entry.map((e) => e.fullUrl));
  });

  it('brings along everything a chosen resource refers to, and nothing else', () => {
    const all = mapCitizen(goldenRecords);
    const chosen = withReferenced(all, new Set([`Encounter/${ids.session1}`])).map(keyOf);
    assert.deepEqual(chosen, [`Patient/${ids.citizen}`, `Organization/${ids.municipality}`, `Organization/${ids.gp}`, `Condition/${ids.diagnosisSks}`,
      `Condition/${ids.diagnosisIcpc}`, `ServiceRequest/${ids.referralGp}`, `Condition/${ids.activity}`, `CarePlan/${ids.pathway}`, `CarePlan/${ids.training}`, `Encounter/${ids.session1}`]);
    assert.deepEqual(validateReport(JSON.parse(JSON.stringify(deliveryReport('x', new Date(), withReferenced(all, new Set([`Encounter/${ids.session1}`])))))), []);
  });
});
