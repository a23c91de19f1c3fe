import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { createCatalogueTeam, createOffer, createPlace } from '../../test/support/catalogue.ts';

describe('the offer catalogue and building teams from it', () => {
  let server: TestServer;
  let coordinator: Client & { userId: string };
  before(async () => {
    server = await startTestServer(); // Monday 2 March 2026
    coordinator = await server.login('coordinator');
  });
  after(() => server.close());

  it('keeps places, offers with variants, and refuses a public name that labels the target group', async () => {
    const house = await createPlace(coordinator, 'Sundhedshuset Vestparken', 'health_house', 'Vestparken');
    const mobile = await createPlace(coordinator, 'Mobilt hold, Nørre Vium forsamlingshus', 'mobile', 'Nørre Vium');
    const labelled = await coordinator.post('/api/offers', {
      internalName: 'Gå for ledige', publicName: 'Gåtur for ledige', interventionCodes: [], deliveryMode: 'group', sessionMinutes: 60, sessionCount: 8,
    });
    assert.equal(labelled.status, 400);
    assert.deepEqual(labelled.body.error.fields.map((f: { path: string; rule: string }) => [f.path, f.rule]).sort(),
      [['interventionCodes', 'min_items'], ['publicName', 'offer.public_name_labels']]);
    assert.match(labelled.body.error.fields.find((f: { path: string }) => f.path === 'publicName').message, /mærkat på målgruppen/);
    const base = await createOffer(coordinator, { placeIds: [house.id, mobile.id], features: ['interpreter'] });
    const easier = await createOffer(coordinator, { publicName: 'Sund hverdag – i roligt tempo', variantOf: base.id, variantKind: 'more_support', supportLevel: 'extended' });
    const read = await coordinator.get(`/api/offers/${base.id}`);
    assert.equal(read.status, 200);
    assert.deepEqual(read.body.places.map((p: { kind: string }) => p.kind).sort(), ['health_house', 'mobile']);
    assert.deepEqual(read.body.variants, [{ id: easier.id, publicName: 'Sund hverdag – i roligt tempo', variantKind: 'more_support' }]);
    assert.equal(read.body.priceDkk, 0, 'free unless a price is set');
    assert.equal(read.body.completionThreshold, 0.75);
    const changed = await coordinator.patch(`/api/offers/${base.id}`, { version: read.body.version, capacity: 14 });
    assert.equal(changed.status, 200);
    assert.equal((await coordinator.patch(`/api/offers/${base.id}`, { version: read.body.version, capacity: 10 })).status, 412);
    const nurse = await server.login('clinician');
    assert.equal((await nurse.get('/api/offers')).status, 200, 'everyone reads the catalogue');
    assert.equal((await nurse.post('/api/places', { name: 'Et sted', kind: 'community' })).status, 403, 'coordinators write it');
  });

  it('builds a team from the catalogue with sessions on the weekly pattern, skipping Maundy Thursday', async () => {
    const offer = await createOffer(coordinator);
    const place = await createPlace(coordinator, 'Sundhedscentret, sal 2');
    const preview = await coordinator.get('/api/schedule-preview?from=2026-03-26&weekday=4&startTime=13:00&sessionMinutes=120&sessionCount=8');
    assert.equal(preview.status, 200);
    assert.deepEqual(preview.body.skipped, [{ date: '2026-04-02', name: 'Skærtorsdag', kind: 'public' }, { date: '2026-05-14', name: 'Kristi himmelfartsdag', kind: 'public' }]);
    const body = { offerId: offer.id, placeId: place.id, language: 'da', instructorIds: [coordinator.userId], from: '2026-03-26', weekday: 4, startTime: '13:00' };
    const created = await coordinator.post('/api/teams', body, { 'idempotency-key': 'team-thursday-0001' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.team.sessionCount, 8);
    assert.equal(created.body.team.capacity, 12, 'the offer\'s capacity');
    assert.equal(created.body.team.location, 'Sundhedscentret, sal 2');
    assert.match(created.body.team.name, /^Sund hverdag med diabetes, hold uge 13\/2026$/);
    assert.deepEqual(created.body.sessions.slice(0, 3).map((s: { startAt: string }) => s.startAt),
      ['2026-03-26T12:00:00.000Z', '2026-04-09T11:00:00.000Z', '2026-04-16T11:00:00.000Z'], '13:00 in winter and in summer time; 2 April skipped');
    const replay = await coordinator.post('/api/teams', body, { 'idempotency-key': 'team-thursday-0001' });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.body.team.id, created.body.team.id);
    const wrongLanguage = await coordinator.post('/api/teams', { ...body, language: 'so' });
    assert.equal(wrongLanguage.status, 400);
    assert.equal(wrongLanguage.body.error.fields[0].rule, 'team.language');
  });

  it('moves a single session, and refuses a stale version', async () => {
    const offer = await createOffer(coordinator);
    const { team, sessions } = await createCatalogueTeam(coordinator, offer.id);
    const third = sessions[2]!;
    const moved = await coordinator.post(`/api/team-sessions/${third.id}/move`, { version: third.version, date: '2026-03-19', startTime: '14:30' });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const after = moved.body.sessions.find((s: { id: string }) => s.id === third.id);
    assert.deepEqual([after.startAt, after.endAt], ['2026-03-19T13:30:00.000Z', '2026-03-19T15:30:00.000Z'], 'the offer\'s 120 minutes');
    assert.equal((await coordinator.post(`/api/team-sessions/${third.id}/move`, { version: third.version, date: '2026-03-20', startTime: '10:00' })).status, 412);
    assert.equal(moved.body.team.id, team.id);
  });
});
