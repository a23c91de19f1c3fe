import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { createCitizen, createReferral } from '../../test/support/fixtures.ts';
import { createCatalogueTeam, createOffer, createPlace } from '../../test/support/catalogue.ts';

describe('matching a citizen to a team that fits their language and times', () => {
  let server: TestServer;
  let nurse: Client & { userId: string };
  let referralId = '';
  let citizenId = '';
  before(async () => {
    server = await startTestServer(); // Monday 2 March 2026
    const coordinator = await server.login('coordinator');
    nurse = await server.login('clinician');
    const house = await createPlace(coordinator, 'Sundhedshuset Vestparken', 'health_house', 'Vestparken');
    const centre = await createPlace(coordinator, 'Sundhedscentret', 'health_centre', 'Centrum');
    const offer = await createOffer(coordinator, { placeIds: [house.id, centre.id] });
    await createCatalogueTeam(coordinator, offer.id, { name: 'Dansk hold, mandag formiddag', placeId: centre.id, from: '2026-03-16', startTime: '10:00' });
    await createCatalogueTeam(coordinator, offer.id, { name: 'Arabisk hold, tirsdag eftermiddag', placeId: house.id, language: 'ar', from: '2026-03-17', weekday: 2, startTime: '13:00' });
    await createCatalogueTeam(coordinator, offer.id, { name: 'Arabisk hold, maj', placeId: house.id, language: 'ar', from: '2026-05-12', weekday: 2, startTime: '13:00' });
    await createOffer(coordinator, { publicName: 'Lunger i bevægelse', diseases: ['copd'] });
    citizenId = (await createCitizen(nurse, 'Amal', 'Haddad')).id;
    await nurse.post(`/api/citizens/${citizenId}/social-position`, { items: [
      { item: 'preferred_language', value: 'ar', source: 'self_reported', recordedOn: '2026-02-20' },
      { item: 'interpreter_needed', value: 'yes', source: 'self_reported', recordedOn: '2026-02-20' },
    ] });
    referralId = (await createReferral(nurse, citizenId, '2026-02-25T08:00:00Z')).id;
  });
  after(() => server.close());

  it('stores barriers and preferences on the citizen, with optimistic locking', async () => {
    const first = await nurse.post(`/api/citizens/${citizenId}/needs`, { version: null, barriers: ['transport', 'childcare'], preferredTimes: ['afternoon'], preferredAreas: ['Vestparken'] });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.version, 1);
    assert.equal((await nurse.post(`/api/citizens/${citizenId}/needs`, { version: null, barriers: [] })).status, 412);
    const read = await nurse.get(`/api/citizens/${citizenId}/needs`);
    assert.deepEqual(read.body.barriers, ['transport', 'childcare']);
  });

  it('ranks the Arabic afternoon team in her area first, explains why in Danish, and flags the May team as too late', async () => {
    const res = await nurse.get(`/api/referrals/${referralId}/matches`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const [best] = res.body.suggestions;
    assert.equal(best.teamName, 'Arabisk hold, tirsdag eftermiddag');
    const texts = best.reasons.map((r: { text: string }) => r.text);
    assert.ok(texts.includes('Foregår på borgerens sprog (Arabisk).'), texts.join(' | '));
    assert.ok(texts.includes('Tidspunktet passer borgeren (eftermiddag).'));
    assert.ok(texts.includes('Tæt på borgeren: Sundhedshuset Vestparken.'));
    assert.ok(texts.includes('Starter 20 dage efter henvisningen.'));
    const may = res.body.suggestions.find((s: { teamName: string }) => s.teamName === 'Arabisk hold, maj');
    assert.equal(may.tooLate, true);
    assert.ok(may.reasons.some((r: { text: string; effect: string }) => r.effect === 'minus' && /for længe efter henvisningen \(76 dage; grænsen er 42\)/.test(r.text)));
    const danish = res.body.suggestions.find((s: { teamName: string }) => s.teamName === 'Dansk hold, mandag formiddag');
    assert.ok(danish.reasons.some((r: { text: string }) => r.text === 'Foregår på dansk; borgeren har brug for tolk (Arabisk).'));
    assert.deepEqual(res.body.excluded.map((e: { offerName: string; text: string }) => [e.offerName, e.text]), [['Lunger i bevægelse', 'Ikke for borgerens sygdom (type 2-diabetes).']]);
  });

  it('uses the stratification recorded in the assessment as the support level', async () => {
    await server.db.owner.query(
      `INSERT INTO stratification (municipality_id, citizen_id, referral_id, model, model_version, inputs, recommended_level, reasons, final_level, decided_at)
       VALUES ($1, $2, $3, 'test', '1', '{}', 'extended', '[]', 'extended', '2026-02-27T10:00:00Z')`, [server.municipality.id, citizenId, referralId]);
    const res = await nurse.get(`/api/referrals/${referralId}/matches`);
    assert.ok(res.body.suggestions[0].reasons.some((r: { text: string; effect: string }) => r.effect === 'minus' && r.text === 'Tilbuddet giver mindre støtte (almindeligt), end borgeren er vurderet til at have brug for.'));
    await server.db.owner.query('DELETE FROM stratification WHERE referral_id = $1', [referralId]);
  });

  it('explains in English when asked, and is audit-logged', async () => {
    nurse.lang = 'en';
    const res = await nurse.get(`/api/referrals/${referralId}/matches?supportLevel=standard`);
    nurse.lang = 'da';
    assert.ok(res.body.suggestions[0].reasons.some((r: { text: string }) => r.text === 'Runs in the citizen\'s language (Arabic).'));
    assert.ok(res.body.suggestions[0].reasons.some((r: { text: string }) => r.text === 'The support level fits: standard.'));
    const audited = (await server.db.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE resource_type = 'OfferMatch' AND citizen_id = $1`, [citizenId])).rows[0]!;
    assert.equal(audited.n, 3);
  });
});
