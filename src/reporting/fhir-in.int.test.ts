import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../../test/support/harness.ts';
import { freshCpr } from '../../test/support/fixtures.ts';
import type { Actor } from '../audit/audit-log.ts';
import { runReports } from './report-run.ts';
import { validateReport } from './validate/validate.ts';
import type { Json } from './validate/issues.ts';

describe('FHIR in: a referral received as a FHIR ServiceRequest', () => {
  let server: TestServer;
  let nurse: Awaited<ReturnType<TestServer['login']>>;
  let actor: Actor;
  let citizen: { id: string };
  let cpr: string;
  before(async () => {
    server = await startTestServer();
    nurse = await server.login('clinician');
    actor = { userId: nurse.userId, role: 'clinician', municipalityId: server.municipality.id };
    cpr = freshCpr();
    citizen = (await nurse.post('/api/citizens', { cpr, givenName: 'Bo', familyName: 'Fhir' })).body;
  });
  after(() => server.close());

  it('receives a referral as a FHIR ServiceRequest bundle and reports it on the next run', async () => {
    const body = {
      resourceType: 'Bundle', type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:9a7b0c1d-0000-4000-8000-000000000001', resource: { resourceType: 'Patient', identifier: [{ system: 'urn:oid:1.2.208.176.1.2', value: cpr.replace('-', '') }] } },
        { fullUrl: 'urn:uuid:9a7b0c1d-0000-4000-8000-000000000002', resource: { resourceType: 'Organization', name: 'Lægehuset Havnen', identifier: [{ system: 'urn:oid:1.2.208.176.1.1', value: '481234567890123' }] } },
        { fullUrl: 'urn:uuid:9a7b0c1d-0000-4000-8000-000000000003', resource: { resourceType: 'Condition', code: { coding: [{ system: 'urn:oid:1.2.208.176.2.4.12', code: 'DJ449', display: 'KOL' }] } } },
        { fullUrl: 'urn:uuid:9a7b0c1d-0000-4000-8000-000000000004', resource: {
          resourceType: 'ServiceRequest', status: 'active', intent: 'order', authoredOn: '2026-03-01T10:00:00+01:00',
          subject: { reference: 'urn:uuid:9a7b0c1d-0000-4000-8000-000000000001' }, requester: { reference: 'urn:uuid:9a7b0c1d-0000-4000-8000-000000000002' },
          reasonReference: [{ reference: 'urn:uuid:9a7b0c1d-0000-4000-8000-000000000003' }], note: [{ text: 'KOL-rehabilitering ønskes' }],
        } },
      ],
    };
    const headers = { 'content-type': 'application/fhir+json', 'idempotency-key': 'fhir-in-000001' };
    const created = await nurse.post('/api/fhir/ServiceRequest', body, headers);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.citizenId, citizen.id);
    assert.deepEqual(created.body.diagnoses.map((d: { system: string; code: string }) => [d.system, d.code]), [['SKS', 'DJ449']]);
    assert.equal(created.body.reason, 'KOL-rehabilitering ønskes');
    const again = await nurse.post('/api/fhir/ServiceRequest', body, headers);
    assert.equal(again.body.id, created.body.id);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');

    const unknown = structuredClone(body);
    unknown.entry[0]!.resource.identifier![0]!.value = '0101011234';
    const refused = await nurse.post('/api/fhir/ServiceRequest', unknown, { 'content-type': 'application/fhir+json' });
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body.error.fields.map((f: { path: string; rule: string }) => [f.path, f.rule]), [['ServiceRequest.subject', 'reference.unknown']]);
    assert.doesNotMatch(JSON.stringify(refused.body), /0101011234/);

    const made = await runReports(server.db, server.vault, actor, server.clock.now);
    assert.equal(made.reports, 1);
    const row = (await server.db.tenantTransaction(server.municipality.id, (tx) => tx.query<{ bundle_encrypted: string }>('SELECT bundle_encrypted FROM kl_report WHERE run_id = $1', [made.id]))).rows[0]!;
    const bundle = JSON.parse(server.vault.decrypt(row.bundle_encrypted)) as { entry: { fullUrl: string; resource: Record<string, any> }[] };
    const sr = bundle.entry.find((e) => e.fullUrl === `ServiceRequest/${created.body.id}`)!.resource;
    assert.equal(bundle.entry.find((e) => e.fullUrl === sr.requester.reference)!.resource.identifier[0].value, '481234567890123');
    assert.deepEqual(validateReport(bundle as unknown as Json), []);
  });


  it('names the FHIR element when the bundle cannot become a referral', async () => {
    const res = await nurse.post('/api/fhir/ServiceRequest', {
      resourceType: 'ServiceRequest', status: 'active', intent: 'order', authoredOn: '2026-03-01',
      subject: { identifier: { system: 'urn:oid:1.2.208.176.1.2', value: cpr.replace('-', '') } },
      requester: { identifier: { system: 'urn:oid:9.9', value: 'x' } }, reasonReference: [{ reference: 'Condition/elsewhere' }],
    }, { 'content-type': 'application/fhir+json' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.error.fields.map((f: { path: string; rule: string }) => [f.path, f.rule]),
      [['ServiceRequest.requester', 'fhir_in.requester'], ['ServiceRequest.reasonReference[0]', 'fhir_in.diagnosis']]);
    assert.match(res.body.error.fields[0].message, /SOR- eller FK-ORG/);
    const notFhir = await nurse.post('/api/fhir/ServiceRequest', { resourceType: 'Patient' }, { 'content-type': 'application/fhir+json' });
    assert.equal(notFhir.status, 400);
  });
});
