import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { conversationStep, createCitizen, createReferral, pathwayStep, steps } from '../../test/support/fixtures.ts';
import { createCatalogueTeam, createOffer } from '../../test/support/catalogue.ts';
import { code } from '../../test/support/codes.ts';

type Entry = { citizenName: string; interventionId: string; interventionVersion: number; missedInARow: number; history: { sessionNumber: number; attendance: string }[] };

describe('attendance early warning: two missed sessions in a row put the citizen on a call list', () => {
  let server: TestServer;
  let nurse: Client & { userId: string };
  let sessions: { id: string }[] = [];
  let teamId = '';
  const referrals: Record<string, string> = {};

  const mark = async (session: number, given: string, attendance: string) => {
    const res = await nurse.post(`/api/team-sessions/${sessions[session - 1]!.id}/attendance`, { referralId: referrals[given], attendance, version: null });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  };
  const callList = async (): Promise<Entry[]> => (await nurse.get('/api/attendance-call-list')).body.entries.filter((e: { teamId: string }) => e.teamId === teamId);

  before(async () => {
    server = await startTestServer(); // Monday 2 March 2026, 10:00 in Copenhagen
    nurse = await server.login('clinician');
    const coordinator = await server.login('coordinator');
    const offer = await createOffer(coordinator, { sessionCount: 6 });
    // Mondays 10:00 from 9 February: sessions 1-4 have begun by now (the fourth starts this minute).
    ({ sessions, team: { id: teamId } } = await createCatalogueTeam(coordinator, offer.id, { from: '2026-02-09' }));
    for (const given of ['Aase', 'Bent', 'Carl', 'Dorte']) {
      const citizen = await createCitizen(nurse, given, 'Frafald');
      const referral = await createReferral(nurse, citizen.id, '2026-01-20T08:00:00Z');
      await steps(nurse, referral.id, referral.version, [
        ['contact-attempts', { attemptedAt: '2026-01-22T09:00:00Z', channel: 'phone', outcome: 'reached' }],
        conversationStep('2026-01-29T09:00:00Z'), pathwayStep('2026-01-29', teamId), ['start', { startDate: '2026-02-09' }],
      ]);
      referrals[given] = referral.id;
    }
    // Aase: came, then two no-shows. Bent: the no-shows are broken by a visit. Carl: a notified absence
    // between two no-shows. Dorte: one no-show only.
    const plan: Record<string, string[]> = {
      Aase: ['present', 'present', 'absent', 'absent'], Bent: ['absent', 'present', 'absent'],
      Carl: ['present', 'absent', 'excused', 'absent'], Dorte: ['present', 'present', 'present', 'absent'],
    };
    for (const [given, marks] of Object.entries(plan)) for (const [i, a] of marks.entries()) await mark(i + 1, given, a);
  });
  after(() => server.close());

  it('lists those with two no-shows in a row (a notified absence does not break the run), with their history', async () => {
    const entries = await callList();
    assert.deepEqual(entries.map((e) => [e.citizenName, e.missedInARow]), [['Aase Frafald', 2], ['Carl Frafald', 2]]);
    const aase = entries[0]!;
    assert.deepEqual(aase.history.map((h) => `${h.sessionNumber}:${h.attendance}`), ['1:present', '2:present', '3:absent', '4:absent']);
    const audited = (await server.db.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE detail->>'list' = 'attendance_calls'`)).rows[0]!;
    assert.ok(audited.n >= 2, 'every citizen on the list is audit-logged');
  });

  it('takes a citizen off the list when the call is recorded, and keeps one not reached on it', async () => {
    const [aase, carl] = await callList();
    const noAnswer = await nurse.post(`/api/attendance-call-list/${carl!.interventionId}/calls`, { interventionVersion: carl!.interventionVersion, outcome: 'no_answer' });
    assert.equal(noAnswer.status, 201);
    const reached = await nurse.post(`/api/attendance-call-list/${aase!.interventionId}/calls`, { interventionVersion: aase!.interventionVersion, outcome: 'continues', note: 'Har haft influenza, kommer næste gang' });
    assert.equal(reached.status, 201, JSON.stringify(reached.body));
    assert.deepEqual((await callList()).map((e) => e.citizenName), ['Carl Frafald']);
  });

  it('records a drop-out only with a KL cancellation reason, and stops the intervention', async () => {
    const [carl] = await callList();
    const withoutReason = await nurse.post(`/api/attendance-call-list/${carl!.interventionId}/calls`, { interventionVersion: carl!.interventionVersion, outcome: 'dropped_out' });
    assert.equal(withoutReason.status, 400);
    assert.equal(withoutReason.body.error.fields[0].rule, 'cancellation_reason.required');
    const reason = code('cancellationReasons', 'Aktivt fravalg pga. logistik ifm. transport');
    const dropped = await nurse.post(`/api/attendance-call-list/${carl!.interventionId}/calls`, { interventionVersion: carl!.interventionVersion, outcome: 'dropped_out', cancellationReason: reason });
    assert.equal(dropped.status, 201, JSON.stringify(dropped.body));
    assert.equal(dropped.body.interventionStatus, 'stopped');
    const course = await nurse.get(`/api/referrals/${referrals.Carl}/course`);
    assert.deepEqual([course.body.interventions[0].status, course.body.interventions[0].cancellationReason], ['stopped', reason]);
    assert.deepEqual(await callList(), []);
  });

  it('shows attendance and completion per participant against the 75 % rule', async () => {
    const res = await nurse.get(`/api/teams/${teamId}/progress`);
    assert.equal(res.status, 200);
    const by = Object.fromEntries(res.body.participants.map((p: { citizenName: string }) => [p.citizenName.split(' ')[0], p]));
    assert.equal(res.body.threshold, 0.75);
    assert.deepEqual([by.Dorte.attended, by.Dorte.planned, by.Dorte.needed, by.Dorte.completion], [3, 6, 5, 'at_risk']);
    assert.deepEqual([by.Bent.attended, by.Bent.completion], [1, 'cannot_complete']);
    assert.equal(by.Carl.interventionStatus, 'stopped');
  });
});
