import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { createCitizen, createReferral } from '../../test/support/fixtures.ts';
import { createWalkingClub } from '../../test/support/associations.ts';

describe('association offers, the public page\'s search, and bridge-building with follow-up', () => {
  let server: TestServer;
  let nurse: Client & { userId: string };
  let offerId = '';
  before(async () => {
    server = await startTestServer(); // Monday 2 March 2026
    nurse = await server.login('clinician');
    ({ offerId } = await createWalkingClub(nurse));
    await createWalkingClub(nurse, { activity: 'Svømning for begyndere', activityKind: 'swimming', placeName: 'Ligeby Svømmehal', area: 'Centrum', weekdays: [1], languages: ['da'], inclusiveness: 'welcoming', companionAvailable: false, links: [] });
  });
  after(() => server.close());

  it('is searchable without login by area, activity, day and language, and shows no contact person', async () => {
    const anyone = await fetch(`${server.url}/api/public/association-offers?municipality=${server.municipality.code}&area=Vestparken&day=4&language=ar`);
    assert.equal(anyone.status, 200);
    const body = await anyone.json() as { offers: { activity: string; introCourse: boolean; companionAvailable: boolean }[]; areas: string[]; languages: string[] };
    assert.deepEqual(body.offers.map((o) => [o.activity, o.introCourse, o.companionAvailable]), [['Gåtur i roligt tempo', true, true]]);
    assert.deepEqual(body.areas, ['Centrum', 'Vestparken']);
    assert.deepEqual(body.languages, ['ar', 'da']);
    assert.doesNotMatch(JSON.stringify(body), /Kirsten|22 33 44 55/, 'the contact person is for staff only');
    const swimming = await (await fetch(`${server.url}/api/public/association-offers?municipality=${server.municipality.code}&activity=swimming&day=1`)).json() as { offers: unknown[] };
    assert.equal(swimming.offers.length, 1);
    const none = await (await fetch(`${server.url}/api/public/association-offers?municipality=${server.municipality.code}&day=7`)).json() as { offers: unknown[] };
    assert.equal(none.offers.length, 0);
    const staff = await nurse.get('/api/associations');
    assert.ok(staff.body.associations.some((a: { contactName: string }) => a.contactName === 'Kirsten Frivillig'));
  });

  it('bridges a citizen to the walking club with a volunteer companion, and follows up at 3 and 6 months', async () => {
    const citizen = await createCitizen(nurse, 'Bodil', 'Brobyg');
    const bridged = await nurse.post('/api/bridges', { citizenId: citizen.id, associationOfferId: offerId, bridgedOn: '2025-08-25', companion: 'volunteer' });
    assert.equal(bridged.status, 201, JSON.stringify(bridged.body));
    assert.deepEqual(bridged.body.followUps.map((f: { months: number; dueOn: string }) => [f.months, f.dueOn]), [[3, '2025-11-25'], [6, '2026-02-25']]);
    const due = await nurse.get('/api/bridge-follow-ups/due');
    assert.deepEqual(due.body.followUps.map((f: { citizenName: string; months: number; overdue: boolean }) => [f.citizenName, f.months, f.overdue]), [['Bodil Brobyg', 3, true], ['Bodil Brobyg', 6, true]]);
    const [three, six] = bridged.body.followUps;
    const wrongReason = await nurse.post(`/api/bridge-follow-ups/${three.id}`, { version: three.version, followedUpOn: '2025-11-26', stillActive: true, reason: 'transport' });
    assert.equal(wrongReason.status, 400);
    assert.equal(wrongReason.body.error.fields[0].rule, 'bridge.reason_stayed');
    const active = await nurse.post(`/api/bridge-follow-ups/${three.id}`, { version: three.version, followedUpOn: '2025-11-26', stillActive: true, reason: 'social_community' });
    assert.equal(active.status, 200, JSON.stringify(active.body));
    assert.equal((await nurse.post(`/api/bridge-follow-ups/${three.id}`, { version: three.version, followedUpOn: '2025-11-27', stillActive: false, reason: 'health' })).status, 412);
    const left = await nurse.post(`/api/bridge-follow-ups/${six.id}`, { version: six.version, followedUpOn: '2026-02-27', stillActive: false, reason: 'transport', note: 'Bussen er nedlagt' });
    assert.equal(left.status, 200);
    assert.deepEqual(left.body.followUps.map((f: { stillActive: boolean; reason: string }) => [f.stillActive, f.reason]), [[true, 'social_community'], [false, 'transport']]);
    assert.deepEqual((await nurse.get('/api/bridge-follow-ups/due')).body.followUps, []);
    const history = await nurse.get(`/api/citizens/${citizen.id}/bridges`);
    assert.equal(history.body.bridges[0].companion, 'volunteer');
  });

  it('marks a follow-up and a bridge entered in error: kept and listed, audited, the follow-up due again, and the fact no longer bridged', async () => {
    const citizen = await createCitizen(nurse, 'Frede', 'Fejlbro');
    const referral = await createReferral(nurse, citizen.id, '2025-05-01T08:00:00Z');
    const bridged = await nurse.post('/api/bridges', { citizenId: citizen.id, referralId: referral.id, associationOfferId: offerId, bridgedOn: '2025-08-25', companion: 'none' });
    assert.equal(bridged.status, 201, JSON.stringify(bridged.body));
    const bridgedAt = async () => (await server.db.owner.query<{ bridged_at: Date | null }>(
      'SELECT bridged_at FROM pathway_fact WHERE referral_id = $1 AND municipality_id = $2', [referral.id, server.municipality.id])).rows[0]?.bridged_at ?? null;
    assert.equal((await bridgedAt())?.toISOString().slice(0, 10), '2025-08-25');

    // A 3-month follow-up recorded by mistake: marked in error, then due again.
    const three = bridged.body.followUps[0];
    const recorded = await nurse.post(`/api/bridge-follow-ups/${three.id}`, { version: three.version, followedUpOn: '2025-11-26', stillActive: false, reason: 'moved' });
    assert.equal(recorded.status, 200);
    const pending = bridged.body.followUps[1];
    const notYet = await nurse.post(`/api/bridge-follow-ups/${pending.id}/entered-in-error`, { version: pending.version });
    assert.equal(notYet.status, 400, 'a follow-up not yet recorded has nothing to correct');
    assert.equal(notYet.body.error.fields[0].rule, 'bridge.follow_up_not_recorded');
    assert.equal((await nurse.post(`/api/bridge-follow-ups/${three.id}/entered-in-error`, { version: three.version })).status, 412, 'the version read before the answer was recorded is stale');
    const fixed = await nurse.post(`/api/bridge-follow-ups/${three.id}/entered-in-error`, { version: three.version + 1 });
    assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
    assert.deepEqual(fixed.body.followUps.map((f: { months: number; followedUpOn: string | null; enteredInError: { followedUpOn: string; stillActive: boolean; reason: string }[] }) =>
      [f.months, f.followedUpOn, f.enteredInError.map((e) => [e.followedUpOn, e.stillActive, e.reason])]),
    [[3, null, [['2025-11-26', false, 'moved']]], [6, null, []]], 'the 3-month follow-up is due again, and the wrong answer is kept');
    assert.ok((await nurse.get('/api/bridge-follow-ups/due')).body.followUps.some((f: { followUpId: string }) => f.followUpId === three.id), 'back on the worklist');
    const right = await nurse.post(`/api/bridge-follow-ups/${three.id}`, { version: three.version + 2, followedUpOn: '2025-11-27', stillActive: true, reason: 'enjoys_activity' });
    assert.equal(right.status, 200);
    assert.deepEqual(right.body.followUps[0].enteredInError.map((e: { reason: string }) => e.reason), ['moved'], 'a later answer does not hide the correction');
    assert.equal(right.body.followUps[0].reason, 'enjoys_activity');

    // The whole bridge was a mistake: kept and listed as entered in error, out of the worklist and the cascade.
    assert.equal(bridged.body.status, 'active');
    const stale = await nurse.post(`/api/bridges/${bridged.body.id}/entered-in-error`, { version: bridged.body.version + 1 });
    assert.equal(stale.status, 412);
    const wrong = await nurse.post(`/api/bridges/${bridged.body.id}/entered-in-error`, { version: bridged.body.version });
    assert.equal(wrong.status, 200, JSON.stringify(wrong.body));
    assert.equal(wrong.body.status, 'entered-in-error');
    assert.equal(await bridgedAt(), null, 'the fact is no longer bridged');
    const again2 = await nurse.post(`/api/bridges/${bridged.body.id}/entered-in-error`, { version: wrong.body.version });
    assert.equal(again2.status, 409);
    assert.equal((await nurse.post(`/api/bridge-follow-ups/${bridged.body.followUps[1].id}`, { version: 1, followedUpOn: '2026-02-26', stillActive: true, reason: 'enjoys_activity' })).status, 409,
      'nothing more is recorded on a bridge in error');
    assert.match(again2.body.error.message, /allerede markeret som fejlregistreret/);
    const builder = await server.login('bridge_builder');
    assert.equal((await builder.get(`/api/citizens/${citizen.id}`)).status, 403, 'the bridge-builder may not read the record itself');
    const listed = await builder.get(`/api/citizens/${citizen.id}/bridges`);
    assert.equal(listed.body.citizenName, 'Frede Fejlbro', 'but gets the name with the bridges');
    assert.deepEqual(listed.body.bridges.map((b: { id: string; status: string }) => [b.id, b.status]), [[bridged.body.id, 'entered-in-error']]);
    const due = await nurse.get('/api/bridge-follow-ups/due');
    assert.ok(!due.body.followUps.some((f: { bridgeId: string }) => f.bridgeId === bridged.body.id), 'its 6-month follow-up left the worklist');
    const corrections = (await server.db.owner.query<{ resource_type: string; resource_id: string }>(
      `SELECT resource_type, resource_id::text FROM audit_event WHERE action = 'correct' AND citizen_id = $1 AND municipality_id = $2 ORDER BY seq`, [citizen.id, server.municipality.id])).rows;
    assert.deepEqual(corrections.map((c) => [c.resource_type, c.resource_id]), [['BridgeFollowUp', three.id], ['Bridge', bridged.body.id]]);
  });
});
