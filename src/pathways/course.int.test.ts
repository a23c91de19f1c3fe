import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { code } from '../../test/support/codes.ts';

describe('a whole §119 course through the HTTP API', () => {
  let server: TestServer;
  let nurse: Client;
  before(async () => {
    server = await startTestServer();
    nurse = await server.login('clinician');
  });
  after(() => server.close());

  it('goes from referral to a pathway ended with a cancellation reason, refusing illegal steps with 409', async () => {
    const gp = await nurse.post('/api/organizations', { idSystem: 'sor', idValue: '123456789', name: 'Lægehuset Vestergade', kind: 'gp' });
    assert.equal(gp.status, 201);
    const citizen = await nurse.post('/api/citizens', { cpr: '010170-1234', givenName: 'Karen', familyName: 'Jensen' });
    assert.equal(citizen.status, 201);
    assert.equal(citizen.body.cpr, '010170-xxxx');
    assert.equal(citizen.body.birthDate, '1970-01-01');
    assert.equal(citizen.body.sex, 'female');

    const referral = await nurse.post('/api/referrals', {
      citizenId: citizen.body.id, sourceCode: code('referralSources', 'Egen læge/vagtlæge'), referringOrganizationId: gp.body.id,
      diagnoses: [{ system: 'SKS', code: 'DE11' }, { system: 'ICPC2', code: 'T90' }], receivedAt: '2026-03-01T08:00:00Z', reason: 'Type 2-diabetes, ønsker hjælp til vægttab',
    });
    assert.equal(referral.status, 201);
    assert.equal(referral.body.stage, 'received');
    const id = referral.body.id;
    let version = referral.body.version;

    const tooEarly = await nurse.post(`/api/referrals/${id}/start`, { version, startDate: '2026-03-10' });
    assert.equal(tooEarly.status, 409);
    assert.equal(tooEarly.body.error.code, 'illegal_transition');
    assert.match(tooEarly.body.error.message, /"received"/);
    assert.match(tooEarly.body.error.message, /record_contact/);

    const noAnswer = await nurse.post(`/api/referrals/${id}/contact-attempts`, { version, attemptedAt: '2026-03-02T09:00:00Z', channel: 'phone', outcome: 'no_answer' });
    assert.equal(noAnswer.status, 200);
    assert.equal(noAnswer.body.stage, 'received');
    const reached = await nurse.post(`/api/referrals/${id}/contact-attempts`, { version: noAnswer.body.version, attemptedAt: '2026-03-03T09:00:00Z', channel: 'phone', outcome: 'reached' });
    assert.equal(reached.body.stage, 'contacted');
    version = reached.body.version;

    const clarified = await nurse.post(`/api/referrals/${id}/clarifying-conversation`, {
      version, startAt: '2026-03-05T10:00:00Z', endAt: '2026-03-05T11:00:00Z', class: 'AMB',
      conditions: [{ code: code('conditions119', 'Fysisk aktivitet') }, { code: code('conditions119', 'Vægt') }],
      observations: [{ measure: 'hba1c', value: 58, unit: 'mmol/mol' }, { measure: 'weight', value: 96.5, unit: 'kg' }],
    });
    assert.equal(clarified.status, 200, JSON.stringify(clarified.body));
    assert.equal(clarified.body.stage, 'clarified');

    const courseAfterConversation = await nurse.get(`/api/referrals/${id}/course`);
    const conditionIds = courseAfterConversation.body.conditions.map((c: { id: string }) => c.id);
    const granted = await nurse.post(`/api/referrals/${id}/pathway`, {
      version: clarified.body.version, category: 'intervention', grantedOn: '2026-03-05',
      interventions: [
        { fsiiiCode: code('interventions119', 'Fysisk træning'), deliveryType: code('deliveryTypes', 'Gruppebaseret indsats'), conditionIds: [conditionIds[0]] },
        { fsiiiCode: code('interventions119', 'Kostvejledning'), deliveryType: code('deliveryTypes', 'Individuel indsats'), conditionIds: [conditionIds[1]] },
      ],
    });
    assert.equal(granted.status, 200, JSON.stringify(granted.body));
    assert.equal(granted.body.stage, 'planned');

    const started = await nurse.post(`/api/referrals/${id}/start`, { version: granted.body.version, startDate: '2026-03-10' });
    assert.equal(started.body.stage, 'active');
    const course = await nurse.get(`/api/referrals/${id}/course`);
    const session = await nurse.post(`/api/referrals/${id}/encounters`, {
      purpose: 'session', class: 'AMB', startAt: '2026-03-10T10:00:00Z', endAt: '2026-03-10T11:30:00Z', status: 'finished', interventionId: course.body.interventions[0].id,
    });
    assert.equal(session.status, 201);
    const missed = await nurse.post(`/api/referrals/${id}/encounters`, {
      purpose: 'session', class: 'AMB', startAt: '2026-03-17T10:00:00Z', endAt: '2026-03-17T11:30:00Z', status: 'no-show', interventionId: course.body.interventions[0].id,
    });
    assert.equal(missed.status, 201);

    const stoppedWithoutReason = await nurse.post(`/api/referrals/${id}/end`, { version: started.body.version, outcome: 'stopped', endedOn: '2026-03-20' });
    assert.equal(stoppedWithoutReason.status, 400);
    assert.equal(stoppedWithoutReason.body.error.fields[0].path, 'cancellationReason');

    const reason = code('cancellationReasons', 'Aktivt fravalg pga. logistik ifm. transport');
    const stopped = await nurse.post(`/api/referrals/${id}/end`, { version: started.body.version, outcome: 'stopped', endedOn: '2026-03-20', cancellationReason: reason });
    assert.equal(stopped.status, 200, JSON.stringify(stopped.body));
    assert.equal(stopped.body.stage, 'ended');

    const final = await nurse.get(`/api/referrals/${id}/course`);
    assert.equal(final.body.pathways[0].status, 'stopped');
    assert.equal(final.body.pathways[0].cancellationReason, reason);
    assert.deepEqual(final.body.interventions.map((i: { status: string }) => i.status), ['stopped', 'stopped']);
    assert.equal(final.body.encounters.filter((e: { purpose: string }) => e.purpose === 'session').length, 2);

    const fact = (await server.db.owner.query<Record<string, unknown>>('SELECT * FROM pathway_fact WHERE referral_id = $1', [id])).rows[0]!;
    assert.equal(fact.stage, 'ended');
    assert.equal(fact.outcome, 'stopped');
    assert.equal(fact.dropout_reason, reason);
    assert.equal(fact.sessions_attended, 1);
    assert.equal(fact.hba1c_baseline, 58);
    assert.equal(fact.diagnosis_group, 'type2_diabetes');
    assert.ok(fact.first_contact_at instanceof Date && fact.first_contact_at.toISOString() === '2026-03-03T09:00:00.000Z');
  });

  it('refuses a stale version with 412 and changes nothing', async () => {
    const citizen = await nurse.post('/api/citizens', { cpr: '020280-4321', givenName: 'Ali', familyName: 'Hassan' });
    const a = await nurse.patch(`/api/citizens/${citizen.body.id}`, { version: 1, phone: '+45 20 30 40 50' });
    assert.equal(a.status, 200);
    assert.equal(a.body.version, 2);
    const b = await nurse.patch(`/api/citizens/${citizen.body.id}`, { version: 1, phone: '+45 11 22 33 44' });
    assert.equal(b.status, 412);
    assert.equal(b.body.error.code, 'version_conflict');
    const now = await nurse.get(`/api/citizens/${citizen.body.id}`);
    assert.equal(now.body.phone, '+45 20 30 40 50');
  });

  it('replays a retried POST with the same Idempotency-Key and creates nothing new', async () => {
    const body = { cpr: '030390-1111', givenName: 'Mette', familyName: 'Nielsen' };
    const first = await nurse.post('/api/citizens', body, { 'idempotency-key': 'retry-key-0001' });
    const second = await nurse.post('/api/citizens', body, { 'idempotency-key': 'retry-key-0001' });
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(second.body.id, first.body.id);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    const reused = await nurse.post('/api/citizens', { ...body, givenName: 'Anden' }, { 'idempotency-key': 'retry-key-0001' });
    assert.equal(reused.status, 422);
  });

  it('names the field and the rule in Danish or English', async () => {
    const da = await nurse.post('/api/citizens', { cpr: '320170-1234', givenName: '', familyName: 'X' });
    assert.equal(da.status, 400);
    const cpr = da.body.error.fields.find((f: { path: string }) => f.path === 'cpr');
    assert.equal(cpr.rule, 'cpr.date');
    assert.match(cpr.message, /gyldig fødselsdato/);
    assert.ok(!JSON.stringify(da.body).includes('320170'), 'the CPR number is never echoed');
    nurse.lang = 'en';
    const en = await nurse.post('/api/citizens', { cpr: 'abc', givenName: 'A', familyName: 'B' });
    assert.match(en.body.error.fields[0].message, /10-digit CPR number/);
    nurse.lang = 'da';
  });
});
