import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { conversationStep, createCitizen, createReferral, steps } from '../../test/support/fixtures.ts';

/**
 * The observation and conversation endpoints treat an implausible value (a typing slip like 19 kg for
 * 91 kg) as POST /measurements does: refused until the professional confirms it; impossible values stay refused.
 */
describe('implausible measurements on the observation and conversation endpoints', () => {
  let server: TestServer;
  let nurse: Client;
  let referral: { id: string; version: number };
  before(async () => {
    server = await startTestServer();
    nurse = await server.login('clinician');
    const citizen = await createCitizen(nurse, 'Ib', 'Vægt');
    referral = await createReferral(nurse, citizen.id, '2026-02-20T08:00:00Z');
    referral.version = await steps(nurse, referral.id, referral.version, [['contact-attempts', { attemptedAt: '2026-02-23T09:00:00Z', channel: 'phone', outcome: 'reached' }]]);
  });
  after(() => server.close());

  const weights = async () => (await server.db.owner.query<{ value: string }>(`SELECT value FROM observation WHERE referral_id = $1 AND measure = 'weight' ORDER BY value`, [referral.id])).rows.map((r) => Number(r.value));

  it('POST /observations: an implausible weight needs confirmed; an impossible one is refused even confirmed', async () => {
    const unconfirmed = await nurse.post(`/api/referrals/${referral.id}/observations`, { measure: 'weight', value: 260, unit: 'kg' });
    assert.equal(unconfirmed.status, 400);
    assert.deepEqual(unconfirmed.body.error.fields.map((f: { path: string; rule: string }) => [f.path, f.rule]), [['value', 'measure.implausible']]);
    assert.match(unconfirmed.body.error.fields[0].message, /35-250 kg/);
    const confirmed = await nurse.post(`/api/referrals/${referral.id}/observations`, { measure: 'weight', value: 260, unit: 'kg', confirmed: true });
    assert.equal(confirmed.status, 201, JSON.stringify(confirmed.body));
    const impossible = await nurse.post(`/api/referrals/${referral.id}/observations`, { measure: 'weight', value: 500, unit: 'kg', confirmed: true });
    assert.deepEqual(impossible.body.error.fields.map((f: { rule: string }) => f.rule), ['measure.range']);
    const plausible = await nurse.post(`/api/referrals/${referral.id}/observations`, { measure: 'weight', value: 91, unit: 'kg' });
    assert.equal(plausible.status, 201);
    assert.deepEqual(await weights(), [91, 260]);
  });

  it('the clarifying conversation: an unconfirmed implausible value refuses the whole step, a confirmed one is kept', async () => {
    const [path, body] = conversationStep('2026-02-26T09:00:00Z');
    const observations = [{ measure: 'weight', value: 19, unit: 'kg' }, { measure: 'hba1c', value: 58, unit: 'mmol/mol' }];
    const refused = await nurse.post(`/api/referrals/${referral.id}/${path}`, { version: referral.version, ...body, observations });
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body.error.fields.map((f: { path: string; rule: string }) => [f.path, f.rule]), [['observations.0.value', 'measure.range']], '19 kg is below the possible minimum');
    const slip = [{ measure: 'weight', value: 30, unit: 'kg' }, observations[1]];
    const implausible = await nurse.post(`/api/referrals/${referral.id}/${path}`, { version: referral.version, ...body, observations: slip });
    assert.deepEqual(implausible.body.error.fields.map((f: { path: string; rule: string }) => [f.path, f.rule]), [['observations.0.value', 'measure.implausible']]);
    assert.equal((await nurse.get(`/api/referrals/${referral.id}`)).body.stage, 'contacted', 'nothing was written');
    const held = await nurse.post(`/api/referrals/${referral.id}/${path}`, { version: referral.version, ...body, observations: [{ ...slip[0], confirmed: true }, slip[1]] });
    assert.equal(held.status, 200, JSON.stringify(held.body));
    assert.deepEqual(await weights(), [30, 91, 260]);
  });
});
