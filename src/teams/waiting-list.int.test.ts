import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { conversationStep, createCitizen, createReferral, pathwayStep, steps } from '../../test/support/fixtures.ts';
import { createCatalogueTeam, createOffer } from '../../test/support/catalogue.ts';
import { code } from '../../test/support/codes.ts';

type Entry = { id: string; citizenName: string; status: string; position: number | null; version: number; notification: { status: string; channel: string } | null };

describe('the waiting list: order, and a message when a place frees', () => {
  let server: TestServer;
  let coordinator: Client & { userId: string };
  let teamId = '';
  const people: Record<string, { referralId: string; citizenId: string }> = {};

  /** A citizen with a phone, contacted, clarified and granted a pathway (on the team, or not yet on any). */
  async function participant(given: string, onTeam: boolean) {
    const citizen = await createCitizen(coordinator, given, 'Holm');
    const c = await coordinator.get(`/api/citizens/${citizen.id}`);
    await coordinator.patch(`/api/citizens/${citizen.id}`, { version: c.body.version, phone: '+45 20 30 40 50' });
    const referral = await createReferral(coordinator, citizen.id, '2026-02-01T08:00:00Z');
    await steps(coordinator, referral.id, referral.version, [
      ['contact-attempts', { attemptedAt: '2026-02-03T09:00:00Z', channel: 'phone', outcome: 'reached' }],
      conversationStep('2026-02-10T09:00:00Z'), pathwayStep('2026-02-10', onTeam ? teamId : undefined),
    ]);
    people[given] = { referralId: referral.id, citizenId: citizen.id };
  }
  const list = async (): Promise<Entry[]> => (await coordinator.get(`/api/teams/${teamId}/waiting-list`)).body.entries;
  const byName = async (given: string) => (await list()).find((e) => e.citizenName === `${given} Holm`)!;

  before(async () => {
    server = await startTestServer();
    coordinator = await server.login('coordinator');
    const offer = await createOffer(coordinator);
    teamId = (await createCatalogueTeam(coordinator, offer.id, { capacity: 2, from: '2026-03-09' })).team.id;
    for (const [given, onTeam] of [['Anna', true], ['Bo', true], ['Cecilie', false], ['Dennis', false]] as const) await participant(given, onTeam);
  });
  after(() => server.close());

  it('keeps the order people joined a full team\'s list, and never lists anyone twice', async () => {
    for (const given of ['Cecilie', 'Dennis']) {
      const res = await coordinator.post(`/api/teams/${teamId}/waiting-list`, { referralId: people[given]!.referralId });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      server.clock.now = new Date(server.clock.now.getTime() + 60_000);
    }
    assert.deepEqual((await list()).map((e) => [e.citizenName, e.status, e.position]), [['Cecilie Holm', 'waiting', 1], ['Dennis Holm', 'waiting', 2]]);
    const again = await coordinator.post(`/api/teams/${teamId}/waiting-list`, { referralId: people.Dennis!.referralId });
    assert.equal(again.status, 409);
    const onTeam = await coordinator.post(`/api/teams/${teamId}/waiting-list`, { referralId: people.Anna!.referralId });
    assert.equal(onTeam.status, 409, 'a participant is not also on the waiting list');
    const team = await coordinator.get(`/api/teams/${teamId}`);
    assert.deepEqual([team.body.team.participants, team.body.team.waiting], [2, 2]);
  });

  it('offers the freed place to the first in line with an SMS when a participant stops, and records the sending', async () => {
    const course = await coordinator.get(`/api/referrals/${people.Anna!.referralId}/course`);
    const iv = course.body.interventions[0];
    const stopped = await coordinator.patch(`/api/interventions/${iv.id}`, {
      version: iv.version, status: 'stopped', endDate: '2026-03-02', cancellationReason: code('cancellationReasons', 'Aktivt fravalg pga. anden sygdom'),
    });
    assert.equal(stopped.status, 200, JSON.stringify(stopped.body));
    const cecilie = await byName('Cecilie');
    assert.equal(cecilie.status, 'offered');
    assert.deepEqual(cecilie.notification, { status: 'pending', channel: 'sms', sentAt: null });
    assert.equal((await byName('Dennis')).status, 'waiting', 'one free place, one offer');
    const message = (await server.db.owner.query<{ recipient: string; body: string }>(
      `SELECT recipient, body FROM notification_outbox WHERE related_id = $1`, [cecilie.id])).rows[0]!;
    assert.equal(message.recipient, '+45 20 30 40 50');
    assert.doesNotMatch(message.body, /diabetes|Sund hverdag/i, 'no health information in an SMS');
    const sent = await coordinator.post('/api/session-reminders', { hoursAhead: 1 });
    assert.equal(sent.status, 200);
    assert.ok(sent.body.sent >= 1);
    assert.equal((await byName('Cecilie')).notification!.status, 'sent');
  });

  it('passes the place on when the first in line declines, and enrols the next from the list', async () => {
    const cecilie = await byName('Cecilie');
    const declined = await coordinator.post(`/api/waiting-list/${cecilie.id}/status`, { version: cecilie.version, status: 'declined' });
    assert.equal(declined.status, 200, JSON.stringify(declined.body));
    assert.equal((await coordinator.post(`/api/waiting-list/${cecilie.id}/status`, { version: cecilie.version, status: 'withdrawn' })).status, 412);
    const dennis = await byName('Dennis');
    assert.equal(dennis.status, 'offered');
    const enrolled = await coordinator.post(`/api/waiting-list/${dennis.id}/enrol`, { version: dennis.version }, { 'idempotency-key': 'enrol-dennis-0001' });
    assert.equal(enrolled.status, 200, JSON.stringify(enrolled.body));
    assert.equal(enrolled.body.status, 'enrolled');
    const team = await coordinator.get(`/api/teams/${teamId}`);
    assert.deepEqual([team.body.team.participants, team.body.team.waiting], [3, 0], 'Anna stopped but stays a (past) participant; Bo and Dennis are on');
    const course = await coordinator.get(`/api/referrals/${people.Dennis!.referralId}/course`);
    assert.equal(course.body.interventions[0].teamId, teamId);
  });

  it('gives overbooking advice from counts only', async () => {
    const res = await coordinator.get(`/api/teams/${teamId}/overbooking`);
    assert.equal(res.status, 200);
    assert.equal(res.body.capacity, 2);
    assert.equal(res.body.booked, 2);
    assert.equal(res.body.typicalRate, 0.8, 'no history yet: the assumed rate');
    assert.equal(res.body.extraPlaces, 0, '2 booked at 0.8 expect 1.6; one more would expect 2.4');
    assert.ok(!JSON.stringify(res.body).includes('Holm'));
  });
});
