import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { createCitizen, createReferral } from '../../test/support/fixtures.ts';

describe('proactive recruitment campaigns', () => {
  let server: TestServer;
  let nurse: Client & { userId: string };
  let campaignId = '';
  before(async () => {
    server = await startTestServer();
    nurse = await server.login('clinician');
  });
  after(() => server.close());

  it('builds a call list from referrals and entered contacts, the latter only with a legal basis', async () => {
    const created = await nurse.post('/api/campaigns', { name: 'Rygestop i Vestparken', area: 'Vestparken', courseDate: '2026-04-14', startsOn: '2026-03-02', endsOn: '2026-03-31' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    campaignId = created.body.id;
    const citizen = await createCitizen(nurse, 'Per', 'Henvist');
    const referral = await createReferral(nurse, citizen.id, '2026-02-20T08:00:00Z');
    assert.equal((await nurse.post(`/api/campaigns/${campaignId}/contacts`, { referralId: referral.id })).status, 201);
    const noBasis = await nurse.post(`/api/campaigns/${campaignId}/contacts`, { givenName: 'Lis', familyName: 'Dørbank', phone: '+45 30 30 30 30' });
    assert.equal(noBasis.status, 400, 'entered contact data needs a recorded legal basis');
    for (const [given, family] of [['Lis', 'Dørbank'], ['Ole', 'Plakat']]) {
      const res = await nurse.post(`/api/campaigns/${campaignId}/contacts`, { givenName: given, familyName: family, phone: '+45 30 30 30 30', legalBasis: 'consent', legalBasisNote: 'Mundtligt samtykke ved dørbanken 2. marts' });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
  });

  it('records attempts with who called, and counts results per channel', async () => {
    const detail = (await nurse.get(`/api/campaigns/${campaignId}`)).body;
    const [per, lis, ole] = detail.contacts;
    const attempt = (contact: { id: string }, channel: string, outcome: string, at: string) => nurse.post(`/api/campaign-contacts/${contact.id}/attempts`, { attemptedAt: at, channel, outcome });
    await attempt(per, 'phone', 'no_answer', '2026-03-02T09:00:00Z');
    await attempt(per, 'phone', 'recruited', '2026-03-03T09:00:00Z');
    await attempt(lis, 'door_to_door', 'recruited', '2026-03-02T16:00:00Z');
    const last = await attempt(ole, 'phone', 'not_interested', '2026-03-04T10:00:00Z');
    assert.equal(last.status, 201);
    const by = Object.fromEntries(last.body.results.channels.map((c: { channel: string; recruited: number; attempts: number }) => [c.channel, [c.attempts, c.recruited]]));
    assert.deepEqual(last.body.results.total, { contacts: 3, recruited: 2, enrolled: 0 });
    assert.deepEqual([by.phone, by.door_to_door], [[3, 1], [1, 1]]);
    assert.equal(last.body.contacts[0].attempts[0].performedBy, 'Test clinician');
  });

  it('erases entered contact data at the end unless the person enrolled, and keeps the results', async () => {
    const detail = (await nurse.get(`/api/campaigns/${campaignId}`)).body;
    const lis = detail.contacts[1];
    const lisCitizen = await createCitizen(nurse, 'Lis', 'Dørbank');
    const lisReferral = await createReferral(nurse, lisCitizen.id, '2026-03-02T08:00:00Z');
    const enrolled = await nurse.post(`/api/campaign-contacts/${lis.id}/enrol`, { referralId: lisReferral.id, version: lis.version });
    assert.equal(enrolled.status, 200, JSON.stringify(enrolled.body));
    assert.equal(enrolled.body.contacts[1].enrolledReferralId, lisReferral.id);
    assert.equal((await nurse.post(`/api/campaign-contacts/${lis.id}/enrol`, { referralId: lisReferral.id, version: lis.version })).status, 412, 'a stale version is refused, not overwritten');
    const byChannel = Object.fromEntries(enrolled.body.results.channels.map((c: { channel: string; recruited: number; enrolled: number }) => [c.channel, [c.recruited, c.enrolled]]));
    assert.deepEqual(enrolled.body.results.total, { contacts: 3, recruited: 2, enrolled: 1 });
    assert.deepEqual([byChannel.phone, byChannel.door_to_door], [[1, 0], [1, 1]], 'Lis, recruited at the door, enrolled');
    const listed = (await nurse.get('/api/campaigns')).body.campaigns.find((c: { id: string }) => c.id === campaignId);
    assert.deepEqual(listed.results.total, { contacts: 3, recruited: 2, enrolled: 1 }, 'the campaign list counts the enrolled too');
    const ended = await nurse.post(`/api/campaigns/${campaignId}/end`, { version: detail.version });
    assert.equal(ended.status, 200, JSON.stringify(ended.body));
    assert.deepEqual(ended.body.contacts.map((c: { name: string | null; erased: boolean }) => [c.name, c.erased]), [['Per Henvist', false], ['Lis Dørbank', false], [null, true]]);
    assert.deepEqual(ended.body.results.total, { contacts: 3, recruited: 2, enrolled: 1 });
    const traces = (await server.db.owner.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM campaign_contact WHERE family_name = 'Plakat') + (SELECT count(*) FROM record_history WHERE data::text LIKE '%Plakat%')
            + (SELECT count(*) FROM audit_event WHERE detail::text LIKE '%Plakat%') AS n`)).rows[0]!;
    assert.equal(Number(traces.n), 0, 'no copy of the erased name anywhere');
    assert.equal((await nurse.post(`/api/campaigns/${campaignId}/contacts`, { referralId: lisReferral.id })).status, 400, 'an ended campaign takes no new contacts');
    const per = ended.body.contacts[0];
    const late = await nurse.post(`/api/campaign-contacts/${per.id}/enrol`, { referralId: per.referralId, version: per.version });
    assert.equal(late.status, 400, 'an ended campaign takes no enrolments');
    assert.equal(late.body.error.fields[0].rule, 'campaign.ended');
  });
});
