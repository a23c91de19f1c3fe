import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { createCitizen, createReferral } from '../../test/support/fixtures.ts';
import { createWalkingClub } from '../../test/support/associations.ts';
import { baselineAnswers } from '../../test/support/baseline-answers.ts';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { refreshAllFacts } from './refresh-all.ts';

/** The fact row follows the live writes issue 6 added to it: questionnaire answers and bridge-building. */
describe('pathway_fact from questionnaire answers and bridges', () => {
  let server: TestServer;
  let nurse: Client & { userId: string };
  let offerId = '';
  before(async () => {
    server = await startTestServer();
    nurse = await server.login('clinician');
    ({ offerId } = await createWalkingClub(nurse));
  });
  after(() => server.close());

  const fact = async (referralId: string) => (await server.db.owner.query<Record<string, unknown>>(
    'SELECT srh_baseline, activity_baseline, smoker_baseline, srh_end, bridged_at FROM pathway_fact WHERE referral_id = $1', [referralId])).rows[0]!;

  it('keeps self-rated health, activity minutes and smoking from a completed response, and drops them when it is entered in error', async () => {
    const citizen = await createCitizen(nurse, 'Rasmus', 'Ryger');
    const referral = await createReferral(nurse, citizen.id, '2026-02-20T08:00:00Z');
    const res = await nurse.post(`/api/referrals/${referral.id}/questionnaire-responses`, { timePoint: 'baseline', mode: 'staff', status: 'completed', answers: baselineAnswers() });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    // baselineAnswers: self-rated health "4", 60 minutes a week, smokes daily.
    assert.deepEqual(await fact(referral.id), { srh_baseline: 4, activity_baseline: 60, smoker_baseline: 1, srh_end: null, bridged_at: null });
    assert.equal((await nurse.post(`/api/questionnaire-responses/${res.body.id}/entered-in-error`, { version: res.body.version })).status, 200);
    assert.deepEqual(await fact(referral.id), { srh_baseline: null, activity_baseline: null, smoker_baseline: null, srh_end: null, bridged_at: null });
  });

  it('rebuilds every fact row of a municipality (after an upgrade), counts the rows it changed, and audits it', async () => {
    const citizen = await createCitizen(nurse, 'Ulla', 'Opgraderet');
    const referral = await createReferral(nurse, citizen.id, '2026-02-21T08:00:00Z');
    assert.equal((await nurse.post(`/api/referrals/${referral.id}/questionnaire-responses`, { timePoint: 'baseline', mode: 'staff', status: 'completed', answers: baselineAnswers() })).status, 201);
    // A row as migration 025 leaves it: the self-reported values not yet filled.
    await server.db.owner.query('UPDATE pathway_fact SET srh_baseline = NULL, activity_baseline = NULL, smoker_baseline = NULL WHERE referral_id = $1', [referral.id]);
    const first = await refreshAllFacts(server.db, server.municipality.id, new Date('2026-03-02T10:00:00Z'));
    assert.equal(first.changed, 1, 'only the emptied row changed');
    assert.ok(first.referrals >= 1);
    assert.deepEqual(await fact(referral.id), { srh_baseline: 4, activity_baseline: 60, smoker_baseline: 1, srh_end: null, bridged_at: null });
    assert.equal((await refreshAllFacts(server.db, server.municipality.id, new Date('2026-03-02T10:05:00Z'))).changed, 0, 'nothing drifted');
    const audit = (await server.db.owner.query<{ detail: { command: string; changed: number } }>(
      `SELECT detail FROM audit_event WHERE municipality_id = $1 AND resource_type = 'PathwayFact' ORDER BY seq`, [server.municipality.id])).rows;
    assert.deepEqual(audit.map((a) => [a.detail.command, a.detail.changed]), [['facts refresh', 1], ['facts refresh', 0]]);
  });

  it('the command line names its usage when the subcommand is wrong', async () => {
    const run = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(process.execPath, ['src/cli/main.ts', 'facts', 'rebuild'], { cwd: join(import.meta.dirname, '..', '..'), env: { ...process.env, LIGEVEJ_LANG: 'da' } },
        (err, _stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stderr }));
    });
    assert.deepEqual(run, { code: 2, stderr: 'Brug: ligevej facts refresh [--municipality KODE]\n' });
  });

  it('sets bridged_at when a bridge is recorded on the referral, and rewrites the fact when the bridge is followed up', async () => {
    const citizen = await createCitizen(nurse, 'Birthe', 'Brobyg');
    const referral = await createReferral(nurse, citizen.id, '2025-03-03T08:00:00Z');
    const elsewhere = await nurse.post('/api/bridges', { citizenId: citizen.id, associationOfferId: offerId, bridgedOn: '2025-08-01', companion: 'none' });
    assert.equal(elsewhere.status, 201, JSON.stringify(elsewhere.body));
    assert.equal((await fact(referral.id)).bridged_at, null, 'a bridge on no referral is not this course\'s');
    const later = await nurse.post('/api/bridges', { citizenId: citizen.id, referralId: referral.id, associationOfferId: offerId, bridgedOn: '2025-09-15', companion: 'volunteer' });
    const first = await nurse.post('/api/bridges', { citizenId: citizen.id, referralId: referral.id, associationOfferId: offerId, bridgedOn: '2025-08-25', companion: 'staff' });
    assert.deepEqual([later.status, first.status], [201, 201]);
    assert.equal((await fact(referral.id)).bridged_at instanceof Date, true);
    assert.equal(((await fact(referral.id)).bridged_at as Date).toISOString(), '2025-08-25T00:00:00.000Z', 'the first bridge');
    await server.db.owner.query('UPDATE pathway_fact SET bridged_at = NULL WHERE referral_id = $1', [referral.id]);
    const three = first.body.followUps[0];
    const followed = await nurse.post(`/api/bridge-follow-ups/${three.id}`, { version: three.version, followedUpOn: '2025-11-26', stillActive: true, reason: 'enjoys_activity' });
    assert.equal(followed.status, 200, JSON.stringify(followed.body));
    assert.equal(((await fact(referral.id)).bridged_at as Date).toISOString(), '2025-08-25T00:00:00.000Z', 'rebuilt by the follow-up');
  });
});
