import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { conversationStep, createCitizen, createReferral, createTeam, pathwayStep, steps } from '../../test/support/fixtures.ts';

describe('teams, sessions and roll call', () => {
  let server: TestServer;
  let nurse: Client & { userId: string };
  let team: { id: string; sessionIds: string[] };
  const referrals: { id: string; citizenId: string }[] = [];
  before(async () => {
    server = await startTestServer(); // clock: Monday 2 March 2026, 10:00 in Copenhagen
    nurse = await server.login('clinician');
    team = await createTeam(server.db, server.municipality.id, 'Motion for KOL, mandag', new Date('2026-02-23T09:00:00Z'), 8);
    for (const [given, family] of [['Bente', 'Andersen'], ['Omar', 'Yilmaz']]) {
      const citizen = await createCitizen(nurse, given!, family!);
      const referral = await createReferral(nurse, citizen.id, '2026-02-01T08:00:00Z');
      await steps(nurse, referral.id, referral.version, [
        ['contact-attempts', { attemptedAt: '2026-02-03T09:00:00Z', channel: 'phone', outcome: 'reached' }],
        conversationStep('2026-02-10T09:00:00Z'), pathwayStep('2026-02-10', team.id), ['start', { startDate: '2026-02-23' }],
      ]);
      referrals.push({ id: referral.id, citizenId: citizen.id });
    }
  });
  after(() => server.close());

  it('lists teams with their next session and participants', async () => {
    const res = await nurse.get('/api/teams');
    assert.equal(res.status, 200);
    const listed = res.body.teams.find((t: { id: string }) => t.id === team.id);
    assert.equal(listed.participants, 2);
    assert.equal(listed.nextSession.number, 2, 'session 1 was last week; session 2 is today');
    assert.equal(listed.startTime, '10:00', 'local wall time in Copenhagen');
    const detail = await nurse.get(`/api/teams/${team.id}`);
    assert.equal(detail.body.sessions.length, 8);
    assert.deepEqual(detail.body.sessions.map((s: { number: number }) => s.number), [1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('takes roll call one click per participant, and catches a stale attendance with 412', async () => {
    const sessionId = team.sessionIds[1]!;
    const roll = await nurse.get(`/api/team-sessions/${sessionId}`);
    assert.equal(roll.status, 200);
    assert.deepEqual(roll.body.participants.map((p: { citizenName: string; attendance: string }) => [p.citizenName, p.attendance]),
      [['Bente Andersen', 'not_called'], ['Omar Yilmaz', 'not_called']]);
    const [bente, omar] = roll.body.participants;
    const present = await nurse.post(`/api/team-sessions/${sessionId}/attendance`, { referralId: bente.referralId, attendance: 'present', version: null });
    assert.equal(present.status, 200, JSON.stringify(present.body));
    assert.equal(present.body.attendance, 'present');
    const excused = await nurse.post(`/api/team-sessions/${sessionId}/attendance`, { referralId: omar.referralId, attendance: 'excused', version: null }, { 'idempotency-key': 'rollcall-omar-0001' });
    assert.equal(excused.body.attendance, 'excused');
    const replay = await nurse.post(`/api/team-sessions/${sessionId}/attendance`, { referralId: omar.referralId, attendance: 'excused', version: null }, { 'idempotency-key': 'rollcall-omar-0001' });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    // A colleague who still sees Bente as "not called" cannot overwrite her attendance.
    const stale = await nurse.post(`/api/team-sessions/${sessionId}/attendance`, { referralId: bente.referralId, attendance: 'absent', version: null });
    assert.equal(stale.status, 412);
    const changed = await nurse.post(`/api/team-sessions/${sessionId}/attendance`, { referralId: bente.referralId, attendance: 'absent', version: present.body.encounterVersion });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.attendance, 'absent');
    const after = await nurse.get(`/api/teams/${team.id}`);
    const s2 = after.body.sessions.find((s: { id: string }) => s.id === sessionId);
    assert.deepEqual([s2.present, s2.absent, s2.excused, s2.status], [0, 1, 1, 'held']);
    const encounters = (await server.db.owner.query<{ status: string; purpose: string }>(
      'SELECT status, purpose FROM encounter WHERE team_session_id = $1 ORDER BY status', [sessionId])).rows;
    assert.deepEqual(encounters, [{ status: 'cancelled', purpose: 'session' }, { status: 'no-show', purpose: 'session' }]);
    const audited = (await server.db.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE resource_type = 'TeamSessionAttendance' AND action = 'read' AND citizen_id = $1`, [bente.citizenId])).rows[0]!;
    assert.ok(audited.n >= 1, 'reading the roll is audit-logged per citizen');
  });

  it('refuses roll call for someone not on the team, and for a session of another municipality', async () => {
    const citizen = await createCitizen(nurse, 'Ikke', 'Påhold');
    const referral = await createReferral(nurse, citizen.id, '2026-02-01T08:00:00Z');
    const res = await nurse.post(`/api/team-sessions/${team.sessionIds[0]}/attendance`, { referralId: referral.id, attendance: 'present', version: null });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.fields[0].path, 'referralId');
    const { createMunicipality } = await import('../../test/support/harness.ts');
    const other = await createMunicipality(server.db, 'Anden kommune');
    const outsider = await server.login('clinician', other.id);
    assert.equal((await outsider.get(`/api/team-sessions/${team.sessionIds[0]}`)).status, 404);
    const manager = await server.login('manager');
    assert.equal((await manager.get('/api/teams')).status, 403);
  });
});
