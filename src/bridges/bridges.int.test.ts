import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { createCitizen } from '../../test/support/fixtures.ts';
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
});
