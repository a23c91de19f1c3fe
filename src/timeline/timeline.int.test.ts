import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { code } from '../../test/support/codes.ts';
import { conversationStep, createCitizen, createReferral, createTeam, pathwayStep, steps } from '../../test/support/fixtures.ts';
import { baselineAnswers } from '../../test/support/baseline-answers.ts';

describe('the course timeline', () => {
  let server: TestServer;
  let nurse: Client;
  before(async () => {
    server = await startTestServer();
    nurse = await server.login('clinician');
  });
  after(() => server.close());

  it('tells the whole course in order, with sessions and attendance, measurements and the ending reason', async () => {
    const team = await createTeam(server.db, server.municipality.id, 'Hjerteholdet', new Date('2026-02-16T09:00:00Z'), 2);
    const citizen = await createCitizen(nurse, 'Karen', 'Holm');
    const referral = await createReferral(nurse, citizen.id, '2026-02-01T08:00:00Z');
    const version = await steps(nurse, referral.id, referral.version, [
      ['contact-attempts', { attemptedAt: '2026-02-02T09:00:00Z', channel: 'phone', outcome: 'no_answer' }],
      ['contact-attempts', { attemptedAt: '2026-02-03T09:00:00Z', channel: 'phone', outcome: 'reached' }],
      ['clarifying-conversation', { ...conversationStep('2026-02-05T09:00:00Z')[1], conditions: [{ code: code('conditions119', 'Fysisk aktivitet') }], observations: [{ measure: 'weight', value: 92.5, unit: 'kg' }] }],
      pathwayStep('2026-02-05', team.id), ['start', { startDate: '2026-02-16' }],
    ]);
    const [s1, s2] = team.sessionIds;
    await nurse.post(`/api/team-sessions/${s1}/attendance`, { referralId: referral.id, attendance: 'present', version: null });
    await nurse.post(`/api/team-sessions/${s2}/attendance`, { referralId: referral.id, attendance: 'absent', version: null });
    await steps(nurse, referral.id, version, [['end', { outcome: 'stopped', endedOn: '2026-02-25', cancellationReason: code('cancellationReasons', 'Aktivt fravalg') }]]);
    const res = await nurse.get(`/api/referrals/${referral.id}/timeline`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.stage, 'ended');
    assert.deepEqual(res.body.items.map((i: { kind: string }) => i.kind),
      ['referral', 'contact_attempt', 'contact_attempt', 'encounter', 'pathway_granted', 'pathway_started', 'session', 'session', 'pathway_ended']);
    const conversation = res.body.items[3];
    assert.equal(conversation.purpose, 'clarifying_conversation');
    assert.deepEqual(conversation.measurements, [{ measure: 'weight', value: 92.5, unit: 'kg', timePoint: 'baseline' }]);
    assert.deepEqual(conversation.codes, [code('conditions119', 'Fysisk aktivitet')]);
    assert.deepEqual(res.body.items.filter((i: { kind: string }) => i.kind === 'session').map((i: { teamName: string; sessionNumber: number; status: string }) => [i.teamName, i.sessionNumber, i.status]),
      [['Hjerteholdet', 1, 'finished'], ['Hjerteholdet', 2, 'no-show']]);
    const ended = res.body.items.at(-1);
    assert.deepEqual([ended.status, ended.code], ['stopped', code('cancellationReasons', 'Aktivt fravalg')]);
    const course = await nurse.get(`/api/referrals/${referral.id}/course`);
    assert.equal(course.body.interventions[0].cancellationReason, code('cancellationReasons', 'Aktivt fravalg'), 'interventions stopped with the pathway carry its reason');
  });

  it('ends one intervention on its own, requiring a KL reason exactly when it is cancelled or stopped', async () => {
    const citizen = await createCitizen(nurse, 'Jens', 'Berg');
    const referral = await createReferral(nurse, citizen.id, '2026-02-01T08:00:00Z');
    await steps(nurse, referral.id, referral.version, [
      ['contact-attempts', { attemptedAt: '2026-02-03T09:00:00Z', channel: 'phone', outcome: 'reached' }],
      conversationStep('2026-02-05T09:00:00Z'), pathwayStep('2026-02-05'), ['start', { startDate: '2026-02-16' }]]);
    const course = await nurse.get(`/api/referrals/${referral.id}/course`);
    const iv = course.body.interventions[0];
    const missing = await nurse.patch(`/api/interventions/${iv.id}`, { version: iv.version, status: 'stopped', endDate: '2026-02-20' });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body.error.fields.map((f: { path: string; rule: string }) => [f.path, f.rule]), [['cancellationReason', 'cancellation_reason.required']]);
    const reason = code('cancellationReasons', 'Aktivt fravalg pga. anden sygdom');
    const forbidden = await nurse.patch(`/api/interventions/${iv.id}`, { version: iv.version, status: 'completed', endDate: '2026-02-20', cancellationReason: reason });
    assert.equal(forbidden.body.error.fields[0].rule, 'cancellation_reason.forbidden');
    const stopped = await nurse.patch(`/api/interventions/${iv.id}`, { version: iv.version, status: 'stopped', endDate: '2026-02-20', cancellationReason: reason });
    assert.equal(stopped.status, 200, JSON.stringify(stopped.body));
    const timeline = await nurse.get(`/api/referrals/${referral.id}/timeline`);
    const ended = timeline.body.items.find((i: { kind: string }) => i.kind === 'intervention_ended');
    assert.deepEqual([ended.status, ended.code], ['stopped', reason]);
    const audited = (await server.db.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE resource_type = 'CourseTimeline' AND citizen_id = $1`, [citizen.id])).rows[0]!;
    assert.equal(audited.n, 1);
  });

  it('keeps records marked entered in error, flagged and no longer markable, with the version to mark the others', async () => {
    const citizen = await createCitizen(nurse, 'Ida', 'Fejl');
    const referral = await createReferral(nurse, citizen.id, '2026-02-01T08:00:00Z');
    await steps(nurse, referral.id, referral.version, [
      ['contact-attempts', { attemptedAt: '2026-02-02T09:00:00Z', channel: 'phone', outcome: 'no_answer' }],
      ['contact-attempts', { attemptedAt: '2026-02-03T09:00:00Z', channel: 'phone', outcome: 'reached' }]]);
    const weighed = await nurse.post(`/api/referrals/${referral.id}/observations`, { measure: 'weight', value: 190, unit: 'kg' });
    assert.equal(weighed.status, 201, JSON.stringify(weighed.body));
    type Item = { kind: string; id: string; enteredInError: boolean; correction: string | null; version: number | null; measurements: unknown[] };
    const read = async () => (await nurse.get(`/api/referrals/${referral.id}/timeline`)).body.items as Item[];
    const before = await read();
    assert.deepEqual(before.map((i) => [i.kind, i.correction, i.enteredInError]), [
      ['referral', null, false], ['contact_attempt', 'contact-attempts', false], ['contact_attempt', 'contact-attempts', false], ['observation', 'observations', false]]);
    const [, firstCall, , weight] = before;

    const stale = await nurse.post(`/api/observations/${weight!.id}/entered-in-error`, { version: weight!.version! + 1 });
    assert.equal(stale.status, 412, 'a colleague changed it since: nothing is marked');
    assert.equal((await read())[3]!.enteredInError, false);

    for (const item of [firstCall!, weight!]) {
      const marked = await nurse.post(`/api/${item.correction}/${item.id}/entered-in-error`, { version: item.version });
      assert.equal(marked.status, 200, JSON.stringify(marked.body));
    }
    const after = await read();
    assert.deepEqual(after.map((i) => [i.kind, i.correction, i.enteredInError]), [
      ['referral', null, false], ['contact_attempt', null, true], ['contact_attempt', 'contact-attempts', false], ['observation', null, true]]);
    assert.equal(after[1]!.version, firstCall!.version! + 1);
    const facts = (await server.db.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM observation WHERE referral_id = $1 AND municipality_id = $2 AND status <> 'entered-in-error'`, [referral.id, server.municipality.id])).rows[0]!;
    assert.equal(facts.n, 0, 'the wrong weight is no longer a current value');
  });

  it('shows answered questionnaires and support-level decisions, which can be marked entered in error too', async () => {
    const citizen = await createCitizen(nurse, 'Sofie', 'Skema');
    const referral = await createReferral(nurse, citizen.id, '2026-02-01T08:00:00Z');
    const draft = await nurse.post(`/api/referrals/${referral.id}/questionnaire-responses`, { timePoint: 'baseline', mode: 'staff', status: 'in-progress', answers: [] });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    const answered = await nurse.post(`/api/referrals/${referral.id}/questionnaire-responses`, { timePoint: 'baseline', mode: 'staff', status: 'completed', answers: baselineAnswers({ who5: [1, 2, 1, 2, 1] }) });
    assert.equal(answered.status, 201, JSON.stringify(answered.body));
    const decided = await nurse.post(`/api/referrals/${referral.id}/stratification`, { model: 'vordingborg', finalLevel: 'extended' });
    assert.equal(decided.status, 201, JSON.stringify(decided.body));
    type Item = { kind: string; id: string; title: string | null; timePoint: string | null; code: string | null; enteredInError: boolean; correction: string | null; version: number | null };
    const read = async () => ((await nurse.get(`/api/referrals/${referral.id}/timeline`)).body.items as Item[]).filter((i) => ['questionnaire', 'stratification'].includes(i.kind));
    const before = await read();
    assert.deepEqual(before.map((i) => [i.kind, i.correction, i.timePoint, i.code]),
      [['questionnaire', 'questionnaire-responses', 'baseline', null], ['stratification', 'stratifications', null, 'extended']], 'the unfinished draft is not an event');
    assert.equal(before[0]!.id, answered.body.id);
    assert.ok(before[0]!.title && before[0]!.title.length > 3, 'the questionnaire\'s title');
    for (const item of before) assert.equal((await nurse.post(`/api/${item.correction}/${item.id}/entered-in-error`, { version: item.version })).status, 200);
    assert.deepEqual((await read()).map((i) => [i.kind, i.enteredInError, i.correction]), [['questionnaire', true, null], ['stratification', true, null]]);
  });
});
