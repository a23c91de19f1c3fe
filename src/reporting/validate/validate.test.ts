import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { codeByDisplay, conditionByDisplay } from '../../domain/terminology.ts';
import { ruleMessage, t } from '../../shared/i18n.ts';
import { deliveryReport } from '../bundle.ts';
import { mapCitizen } from '../map-citizen.ts';
import { klRules } from '../messages.ts';
import { goldenRecords, ids } from '../testdata/golden-records.ts';
import type { Json } from './issues.ts';
import { validateReport, validateText } from './validate.ts';

type R = Record<string, any>;
const golden = deliveryReport('report-1', new Date('2026-04-03T12:00:00Z'), mapCitizen(goldenRecords));
const key = {
  patient: `Patient/${ids.citizen}`, gp: `Organization/${ids.gp}`, sr: `ServiceRequest/${ids.referralGp}`, phone: `ServiceRequest/${ids.referralPhone}`,
  focus: `Condition/${ids.diagnosisSks}`, weight: `Condition/${ids.weight}`, alcohol: `Condition/${ids.alcohol}`, pathway: `CarePlan/${ids.pathway}`,
  training: `CarePlan/${ids.training}`, diet: `CarePlan/${ids.diet}`, clarifying: `CarePlan/${ids.referralGp}-afklaring`, session: `Encounter/${ids.session1}`,
};
type Key = keyof typeof key;
/** Where a resource sits in the golden report: Bundle.entry[n].resource. */
const at = (k: Key) => `Bundle.entry[${golden.entry.findIndex((e) => e.fullUrl === key[k])}].resource`;
const res = (b: R, k: Key): R => b.entry.find((e: R) => e.fullUrl === key[k]).resource;
const detail = (b: R, k: Key): R => res(b, k).activity[0].detail;
const reason = codeByDisplay('cancellationReasons', 'Aktivt fravalg');
const kl = 'http://fhir.kl.dk/term/CodeSystem/CareSocialCodes';

interface Case { rule: string; name: string; path: string | ((b: R) => string); breakIt: (b: R) => void }
const cases: Case[] = [
  { rule: 'fhir-r4.resource-type', name: 'a contained resource of no R4 type', path: `${at('training')}.contained[0].resourceType`, breakIt: (b) => { res(b, 'training').contained = [{ resourceType: 'NoSuchThing', id: 'x' }]; } },
  { rule: 'fhir-r4.unknown-element', name: 'an element R4 does not define', path: `${at('training')}.activity[0].detail.colour`, breakIt: (b) => { detail(b, 'training').colour = 'blue'; } },
  { rule: 'fhir-r4.cardinality', name: 'an array where R4 has one value', path: `${at('sr')}.authoredOn`, breakIt: (b) => { res(b, 'sr').authoredOn = [res(b, 'sr').authoredOn]; } },
  { rule: 'fhir-r4.empty', name: 'an empty string', path: `${at('gp')}.name`, breakIt: (b) => { res(b, 'gp').name = ''; } },
  { rule: 'fhir-r4.required', name: 'an activity detail without status', path: `${at('training')}.activity[0].detail.status`, breakIt: (b) => { delete detail(b, 'training').status; } },
  { rule: 'fhir-r4.datatype', name: 'a month 13 in a dateTime', path: `${at('session')}.period.start`, breakIt: (b) => { res(b, 'session').period.start = '2026-13-01T10:00:00Z'; } },
  { rule: 'fhir-r4.datatype', name: 'a date that does not exist', path: `${at('weight')}.recordedDate`, breakIt: (b) => { res(b, 'weight').recordedDate = '2026-02-30'; } },
  { rule: 'fhir-r4.datatype', name: 'an instant without time', path: 'Bundle.timestamp', breakIt: (b) => { b.timestamp = '2026-04-03'; } },
  { rule: 'fhir-r4.datatype', name: 'a string where R4 wants a boolean', path: `${at('gp')}.active`, breakIt: (b) => { res(b, 'gp').active = 'yes'; } },
  { rule: 'fhir-r4.code', name: 'an encounter status outside encounter-status', path: `${at('session')}.status`, breakIt: (b) => { res(b, 'session').status = 'no-show'; } },
  { rule: 'fhir-r4.reference-target', name: 'an encounter subject that is an organisation', path: `${at('session')}.subject.reference`, breakIt: (b) => { res(b, 'session').subject = { reference: key.gp }; } },
  { rule: 'report.profile', name: 'another profile', path: 'Bundle.meta.profile', breakIt: (b) => { b.meta.profile = ['http://example.org/other']; } },
  { rule: 'report.type', name: 'a batch', path: 'Bundle.type', breakIt: (b) => { b.type = 'batch'; } },
  { rule: 'report.timestamp', name: 'no timestamp', path: 'Bundle.timestamp', breakIt: (b) => { delete b.timestamp; } },
  { rule: 'report.forbidden', name: 'a total', path: 'Bundle.total', breakIt: (b) => { b.total = 3; } },
  { rule: 'report.entry', name: 'an entry without fullUrl', path: (b) => `Bundle.entry[${b.entry.length - 1}].fullUrl`, breakIt: (b) => { delete b.entry.at(-1).fullUrl; } },
  { rule: 'report.full-url', name: 'a fullUrl that is not the resource', path: (b) => `Bundle.entry[${b.entry.length - 1}].fullUrl`, breakIt: (b) => { b.entry.at(-1).fullUrl = 'Encounter/someone-else'; } },
  { rule: 'report.citizen', name: 'two citizens', path: (b) => `Bundle.entry[${b.entry.length - 1}].resource`, breakIt: (b) => { b.entry.push({ fullUrl: 'Patient/second', resource: { ...res(b, 'patient'), id: 'second' } }); } },
  { rule: 'report.entry-type', name: 'an Observation', path: (b) => `Bundle.entry[${b.entry.length - 1}].resource.resourceType`, breakIt: (b) => { b.entry.push({ fullUrl: 'Observation/o1', resource: { resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'vægt' } } }); } },
  { rule: 'report.reference-bundled', name: 'a reference to a resource outside the report', path: `${at('session')}.basedOn[0].reference`, breakIt: (b) => { res(b, 'session').basedOn = [{ reference: 'ServiceRequest/elsewhere' }]; } },
  { rule: 'report.subject', name: 'an encounter without subject', path: `${at('session')}.subject`, breakIt: (b) => { delete res(b, 'session').subject; } },
  { rule: 'citizen.identifier', name: 'a CPR identifier that is not official', path: `${at('patient')}.identifier[0]`, breakIt: (b) => { res(b, 'patient').identifier[0].use = 'usual'; } },
  { rule: 'citizen.cpr', name: 'a CPR number with day 32', path: `${at('patient')}.identifier[0].value`, breakIt: (b) => { res(b, 'patient').identifier[0].value = '3201501234'; } },
  { rule: 'citizen.deceased', name: 'no deceasedBoolean', path: `${at('patient')}.deceasedBoolean`, breakIt: (b) => { delete res(b, 'patient').deceasedBoolean; } },
  { rule: 'citizen.managing-organization', name: 'a display on the managing organisation', path: `${at('patient')}.managingOrganization.display`, breakIt: (b) => { res(b, 'patient').managingOrganization.display = 'Testkommune'; } },
  { rule: 'citizen.forbidden', name: 'the citizen\'s gender', path: `${at('patient')}.gender`, breakIt: (b) => { res(b, 'patient').gender = 'female'; } },
  { rule: 'organization.identifier', name: 'an identifier that is neither SOR nor FK-ORG', path: `${at('gp')}.identifier[0]`, breakIt: (b) => { res(b, 'gp').identifier[0].system = 'urn:oid:1.2.208.176.1.99'; } },
  { rule: 'organization.forbidden', name: 'an alias', path: `${at('gp')}.alias[0]`, breakIt: (b) => { res(b, 'gp').alias = ['Lægerne']; } },
  { rule: 'servicerequest.authored-on', name: 'no authoredOn', path: `${at('sr')}.authoredOn`, breakIt: (b) => { delete res(b, 'sr').authoredOn; } },
  { rule: 'servicerequest.intent', name: 'intent order', path: `${at('sr')}.intent`, breakIt: (b) => { res(b, 'sr').intent = 'order'; } },
  { rule: 'servicerequest.code', name: 'another service type', path: `${at('sr')}.code.coding[0]`, breakIt: (b) => { res(b, 'sr').code.coding[0].code = 'other'; } },
  { rule: 'servicerequest.requester', name: 'a requester that is the citizen', path: `${at('sr')}.requester.reference`, breakIt: (b) => { res(b, 'sr').requester = { reference: key.patient }; } },
  { rule: 'servicerequest.reason-reference', name: 'a reason that is an FSIII condition', path: `${at('sr')}.reasonReference[0].reference`, breakIt: (b) => { res(b, 'sr').reasonReference[0] = { reference: key.weight }; } },
  { rule: 'servicerequest.replaces', name: 'two replaced referrals', path: `${at('phone')}.replaces[1]`, breakIt: (b) => { res(b, 'phone').replaces.push({ reference: key.sr }); } },
  { rule: 'servicerequest.forbidden', name: 'a priority', path: `${at('sr')}.priority`, breakIt: (b) => { res(b, 'sr').priority = 'routine'; } },
  { rule: 'focus-condition.code', name: 'an SKS code without D', path: `${at('focus')}.code.coding[0]`, breakIt: (b) => { res(b, 'focus').code.coding[0].code = 'E119'; } },
  { rule: 'focus-condition.clinical-status', name: 'no clinical status', path: `${at('focus')}.clinicalStatus`, breakIt: (b) => { delete res(b, 'focus').clinicalStatus; } },
  { rule: 'focus-condition.forbidden', name: 'a recorded date', path: `${at('focus')}.recordedDate`, breakIt: (b) => { res(b, 'focus').recordedDate = '2026-01-05'; } },
  { rule: 'condition.code', name: 'Emotionel funktion, not a §119 condition', path: `${at('weight')}.code.coding[0]`, breakIt: (b) => { res(b, 'weight').code.coding[0].code = conditionByDisplay('Emotionel funktion'); } },
  { rule: 'condition.clinical-status', name: 'no clinical status', path: `${at('alcohol')}.clinicalStatus`, breakIt: (b) => { delete res(b, 'alcohol').clinicalStatus; } },
  { rule: 'condition.category', name: 'an active condition without category', path: `${at('weight')}.category`, breakIt: (b) => { delete res(b, 'weight').category; } },
  { rule: 'condition.recorded-date', name: 'no recorded date', path: `${at('weight')}.recordedDate`, breakIt: (b) => { delete res(b, 'weight').recordedDate; } },
  { rule: 'condition.forbidden', name: 'an onset', path: `${at('weight')}.onsetDateTime`, breakIt: (b) => { res(b, 'weight').onsetDateTime = '2026-01-01'; } },
  { rule: 'care-plan.intent', name: 'intent order', path: `${at('pathway')}.intent`, breakIt: (b) => { res(b, 'pathway').intent = 'order'; } },
  { rule: 'care-plan.period', name: 'no granted date', path: `${at('pathway')}.period.start`, breakIt: (b) => { delete res(b, 'pathway').period.start; } },
  { rule: 'care-plan.activity', name: 'two activities', path: `${at('pathway')}.activity[1]`, breakIt: (b) => { res(b, 'pathway').activity.push(structuredClone(res(b, 'pathway').activity[0])); } },
  { rule: 'care-plan.performer', name: 'two performers', path: `${at('pathway')}.activity[0].detail.performer[1]`, breakIt: (b) => { detail(b, 'pathway').performer.push({ reference: key.gp }); } },
  { rule: 'care-plan.category', name: 'a category from another list', path: `${at('pathway')}.category[0].coding`, breakIt: (b) => { res(b, 'pathway').category[0].coding[0].code = reason; } },
  { rule: 'care-plan.status-reason', name: 'a reason that is not a cancellation reason', path: `${at('pathway')}.activity[0].detail.statusReason`,
    breakIt: (b) => { Object.assign(detail(b, 'pathway'), { status: 'stopped', statusReason: { coding: [{ system: kl, code: codeByDisplay('deliveryTypes', 'Individuel indsats') }] } }); } },
  { rule: 'care-plan.forbidden', name: 'a note', path: `${at('pathway')}.note[0]`, breakIt: (b) => { res(b, 'pathway').note = [{ text: 'x' }]; } },
  { rule: 'klgateway-119-care-plan-1', name: 'a reason on a completed pathway', path: `${at('pathway')}.activity[0].detail.statusReason`, breakIt: (b) => { detail(b, 'pathway').statusReason = { coding: [{ system: kl, code: reason }] }; } },
  { rule: 'klgateway-119-care-plan-1', name: 'a cancelled pathway without reason', path: `${at('pathway')}.activity[0].detail.statusReason`, breakIt: (b) => { detail(b, 'pathway').status = 'cancelled'; } },
  { rule: 'planned-intervention.intent', name: 'intent proposal', path: `${at('training')}.intent`, breakIt: (b) => { res(b, 'training').intent = 'proposal'; } },
  { rule: 'planned-intervention.period', name: 'no granted date', path: `${at('training')}.period.start`, breakIt: (b) => { delete res(b, 'training').period.start; } },
  { rule: 'planned-intervention.activity', name: 'an activity without detail', path: `${at('training')}.activity[0].detail`, breakIt: (b) => { res(b, 'training').activity[0] = { extension: [{ url: 'http://example.org/note', valueString: 'x' }] }; } },
  { rule: 'planned-intervention.performer', name: 'no performer', path: `${at('training')}.activity[0].detail.performer`, breakIt: (b) => { delete detail(b, 'training').performer; } },
  { rule: 'planned-intervention.code', name: 'a coding from another system', path: `${at('training')}.activity[0].detail.code.coding[2]`, breakIt: (b) => { detail(b, 'training').code.coding.push({ system: 'http://snomed.info/sct', code: '229065009' }); } },
  { rule: 'planned-intervention.delivery-type', name: 'a delivery type from another list', path: `${at('training')}.activity[0].detail.extension[0].valueCodeableConcept`, breakIt: (b) => { detail(b, 'training').extension[0].valueCodeableConcept.coding[0].code = reason; } },
  { rule: 'planned-intervention.reason-reference', name: 'a reason that is a referral diagnosis', path: `${at('training')}.activity[0].detail.reasonReference[0].reference`, breakIt: (b) => { detail(b, 'training').reasonReference[0] = { reference: key.focus }; } },
  { rule: 'planned-intervention.based-on-service-request', name: 'based on a care plan instead', path: `${at('training')}.extension[0].valueReference`, breakIt: (b) => { res(b, 'training').extension[0].valueReference = { reference: key.pathway }; } },
  { rule: 'planned-intervention.based-on', name: 'based on another intervention', path: `${at('training')}.basedOn[0].reference`, breakIt: (b) => { res(b, 'training').basedOn = [{ reference: key.diet }]; } },
  { rule: 'planned-intervention.forbidden', name: 'a reason on the intervention', path: `${at('diet')}.activity[0].detail.statusReason`, breakIt: (b) => { detail(b, 'diet').statusReason = { coding: [{ system: kl, code: reason }] }; } },
  { rule: 'klgateway-119-intervention-1', name: 'training not based on a pathway', path: `${at('training')}.basedOn`, breakIt: (b) => { delete res(b, 'training').basedOn; } },
  { rule: 'klgateway-119-intervention-2', name: 'a clarifying conversation based on a pathway', path: `${at('clarifying')}.basedOn[0]`, breakIt: (b) => { res(b, 'clarifying').basedOn = [{ reference: key.pathway }]; } },
  { rule: 'encounter.class', name: 'a class from no list', path: `${at('session')}.class`, breakIt: (b) => { res(b, 'session').class.code = 'XYZ'; } },
  { rule: 'encounter.period', name: 'no end', path: `${at('session')}.period.end`, breakIt: (b) => { delete res(b, 'session').period.end; } },
  { rule: 'encounter.based-on-care-plan', name: 'based on a referral instead', path: `${at('session')}.extension[0].valueReference`, breakIt: (b) => { res(b, 'session').extension[0].valueReference = { reference: key.sr }; } },
  { rule: 'encounter.based-on', name: 'two referrals', path: `${at('session')}.basedOn[1]`, breakIt: (b) => { res(b, 'session').basedOn.push({ reference: key.phone }); } },
  { rule: 'encounter.forbidden', name: 'a class display', path: `${at('session')}.class.display`, breakIt: (b) => { res(b, 'session').class.display = 'ambulatory'; } },
];

describe('KL Gateway §119 validator', () => {
  it('accepts the golden report and a report with only the citizen', () => {
    assert.deepEqual(validateReport(structuredClone(golden) as unknown as Json), []);
    assert.deepEqual(validateReport(deliveryReport('only', new Date(), mapCitizen({ ...goldenRecords, referrals: [], conditions: [], pathways: [], interventions: [], encounters: [] })) as unknown as Json), []);
  });

  for (const c of cases) {
    it(`${c.rule}: catches ${c.name}, and nothing else`, () => {
      const b = structuredClone(golden) as R;
      c.breakIt(b);
      const expected = typeof c.path === 'string' ? c.path : c.path(b);
      assert.deepEqual(validateReport(b as Json).map(({ path, rule }) => ({ path, rule })), [{ path: expected, rule: c.rule }]);
    });
  }

  it('fhir-r4.json: a file that is not JSON', () => {
    assert.deepEqual(validateText('{"resourceType": "Bundle",'), [{ path: 'Bundle', rule: 'fhir-r4.json' }]);
  });

  it('has a test for every rule, and a message for every rule in Danish and English', () => {
    const tested = new Set([...cases.map((c) => c.rule), 'fhir-r4.json']);
    assert.deepEqual([...klRules].sort(), [...tested].sort());
    for (const rule of klRules) assert.match(t('en', `kl.${rule}` as never, { path: 'P', expected: 'E' }), /\S/);
  });

  it('never quotes a value from the report, so a CPR number cannot leak into a message', () => {
    const b = structuredClone(golden) as R;
    res(b, 'patient').identifier[0].value = '3201501234';
    const messages = validateReport(b as Json).flatMap((i) => [t('da', `kl.${i.rule}` as never, { path: i.path, ...i.params }), ruleMessage('en', i.path, i.rule)]);
    assert.ok(messages.length > 0);
    for (const m of messages) assert.doesNotMatch(m, /3201501234/);
  });
});
