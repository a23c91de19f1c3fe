import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type Client, type TestServer } from '../../../test/support/harness.ts';
import { createCitizen, createReferral } from '../../../test/support/fixtures.ts';
import { baselineAnswers } from '../../../test/support/baseline-answers.ts';

const areas = (rating: number) => ['professional_relationships', 'personal_relationships', 'information_access', 'health_behaviours', 'barriers_support']
  .map((area) => ({ area, rating, observations: 'Taler om det med datteren', support: 'Tolk ved samtaler' }));

describe('health literacy and stratification over HTTP', () => {
  let server: TestServer;
  let nurse: Client;
  before(async () => {
    server = await startTestServer();
    nurse = await server.login('clinician');
  });
  after(() => server.close());

  it('recommends a support level with reasons, records the professional\'s decision and override, and makes it an analytics dimension', async () => {
    const citizen = await createCitizen(nurse, 'Hamid', 'Rahimi');
    const referral = await createReferral(nurse, citizen.id, '2026-02-20T08:00:00Z');
    const base = `/api/referrals/${referral.id}`;
    const guide = await nurse.get('/api/health-literacy/guide');
    assert.equal(guide.body.areas.length, 5);

    const partial = await nurse.post(`${base}/health-literacy`, { areas: areas(2).slice(0, 4), overallRating: 2, digitalLiteracy: 'needs_help' });
    assert.equal(partial.status, 400);
    assert.deepEqual([partial.body.error.fields[0].path, partial.body.error.fields[0].rule], ['areas', 'literacy.areas_missing']);
    const literacy = await nurse.post(`${base}/health-literacy`, { areas: areas(2), overallRating: 2, digitalLiteracy: 'needs_help' });
    assert.equal(literacy.status, 201, JSON.stringify(literacy.body));
    assert.deepEqual(literacy.body.flags.map((f: { code: string }) => f.code), ['literacy.low', 'literacy.digital_support']);

    const answered = await nurse.post(`${base}/questionnaire-responses`, { timePoint: 'baseline', mode: 'staff', status: 'completed', answers: baselineAnswers({ who5: [1, 2, 1, 2, 1] }) });
    assert.equal(answered.status, 201);

    const view = await nurse.get(`${base}/stratification`);
    assert.equal(view.status, 200, JSON.stringify(view.body));
    assert.equal(view.body.signals.literacy_low, true);
    assert.equal(view.body.signals.who5_reduced, true);
    assert.equal(view.body.signals.education_low, true);
    const esbjerg = view.body.recommendations.find((r: { model: string }) => r.model === 'esbjerg');
    assert.equal(esbjerg.level, 'standard', 'low coping, low complexity');
    assert.ok(esbjerg.reasons.some((r: { signal: string | null; text: string }) => r.signal === 'literacy_low' && /sundhedskompetence/.test(r.text)));
    const vordingborg = view.body.recommendations.find((r: { model: string }) => r.model === 'vordingborg');
    assert.equal(vordingborg.level, 'extended');
    assert.equal(view.body.decision, null);

    const noReason = await nurse.post(`${base}/stratification`, { model: 'esbjerg', finalLevel: 'extended' });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.error.fields[0].rule, 'stratification.override_reason');
    const decided = await nurse.post(`${base}/stratification`, {
      model: 'esbjerg', inputs: { axes: { complexity: 'low' } }, finalLevel: 'extended', overrideReason: 'Bor alene efter hospitalsindlæggelse; behov for koordinator',
    });
    assert.equal(decided.status, 201, JSON.stringify(decided.body));
    assert.deepEqual([decided.body.recommendedLevel, decided.body.finalLevel], ['standard', 'extended']);
    assert.ok(decided.body.reasons.some((r: { kind: string; source: string | null; text: string }) => r.kind === 'axis' && r.source === 'professional' && /faglig vurdering/.test(r.text)));
    const asRecommended = await nurse.post(`${base}/stratification`, { model: 'vordingborg', finalLevel: 'extended' });
    assert.equal(asRecommended.status, 201);
    assert.equal(asRecommended.body.overrideReason, null);

    const fact = async () => (await server.db.owner.query<{ support_level: string }>('SELECT support_level FROM pathway_fact WHERE referral_id = $1', [referral.id])).rows[0]!.support_level;
    assert.equal(await fact(), 'extended');
    const after1 = await nurse.get(`${base}/stratification`);
    assert.equal(after1.body.history.length, 2);
    assert.equal(after1.body.decision.model, 'vordingborg');
    await nurse.post(`/api/stratifications/${asRecommended.body.id}/entered-in-error`, { version: asRecommended.body.version });
    await nurse.post(`/api/stratifications/${decided.body.id}/entered-in-error`, { version: decided.body.version });
    assert.equal(await fact(), 'unknown');
    const stale = await nurse.post(`/api/stratifications/${decided.body.id}/entered-in-error`, { version: decided.body.version });
    assert.equal(stale.status, 412);
  });
});
