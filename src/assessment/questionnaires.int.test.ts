import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, createMunicipality, type Client, type TestServer } from '../../test/support/harness.ts';
import { createCitizen, createReferral } from '../../test/support/fixtures.ts';
import { runQuestionnaireCommand } from '../cli/questionnaire.ts';
import { baselineAnswers } from '../../test/support/baseline-answers.ts';

const fixture = () => JSON.parse(readFileSync(new URL('../../test/fixtures/questionnaires/kommune-trivsel.json', import.meta.url), 'utf8'));
const S = 'https://ligevej.dk/fhir/CodeSystem/answer';
const coding = (code: string) => [{ valueCoding: { system: S, code } }];

describe('questionnaires and responses over HTTP', () => {
  let server: TestServer;
  let nurse: Client;
  let coordinator: Client;
  before(async () => {
    server = await startTestServer();
    nurse = await server.login('clinician');
    coordinator = await server.login('coordinator');
  });
  after(() => server.close());

  it('imports a municipality\'s own FHIR Questionnaire, refuses it twice and refuses a malformed one with the path of the first error', async () => {
    const forbidden = await nurse.post('/api/questionnaires', fixture());
    assert.equal(forbidden.status, 403);
    const created = await coordinator.post('/api/questionnaires', fixture(), { 'idempotency-key': 'import-trivsel-1' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.source, 'municipality');
    const again = await coordinator.post('/api/questionnaires', fixture());
    assert.equal(again.status, 409);
    const broken = fixture();
    broken.version = '2024.2';
    broken.item[0].item[1].enableWhen[0].question = 'mood.tomorrow';
    const refused = await coordinator.post('/api/questionnaires', broken);
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.fields[0].path, 'Questionnaire.item[0].item[1].enableWhen[0].question');
    assert.match(refused.body.error.fields[0].message, /henviser til et spørgsmål, der ikke findes/);
    const builtinUrl = { ...fixture(), url: 'https://ligevej.dk/fhir/Questionnaire/baseline' };
    assert.equal((await coordinator.post('/api/questionnaires', builtinUrl)).body.error.fields[0].rule, 'questionnaire.builtin_url');

    const list = await nurse.get('/api/questionnaires');
    assert.deepEqual(list.body.questionnaires.map((q: { source: string }) => q.source), ['builtin', 'builtin', 'builtin', 'municipality']);
    const other = await createMunicipality(server.db, 'Anden kommune');
    const stranger = await server.login('clinician', other.id);
    assert.equal((await stranger.get('/api/questionnaires')).body.questionnaires.length, 3, 'another municipality does not see the import');

    const en = await nurse.get(`/api/questionnaires/content?url=${encodeURIComponent(fixture().url)}&lang=en`);
    assert.equal(en.body.questionnaire.title, 'The municipality\'s well-being form');
    assert.equal(en.body.untranslated, 4, 'texts neither the file nor the translation file translates ("Godt" is in en.json) fall back to Danish and are counted');
    const ar = await nurse.get(`/api/questionnaires/content?url=${encodeURIComponent('https://ligevej.dk/fhir/Questionnaire/baseline')}&lang=ar`);
    assert.equal(ar.body.direction, 'rtl');
    assert.equal(ar.body.questionnaire.language, 'ar');
  });

  it('stores a response as a draft, refuses completion without required answers and never changes a completed one', async () => {
    const citizen = await createCitizen(nurse, 'Aisha', 'Khalil');
    const referral = await createReferral(nurse, citizen.id, '2026-02-20T08:00:00Z');
    const url = fixture().url;
    const draft = await nurse.post(`/api/referrals/${referral.id}/questionnaire-responses`, {
      questionnaire: { url }, timePoint: 'baseline', mode: 'assisted', status: 'in-progress', answers: [],
    });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    assert.deepEqual(draft.body.missingRequired, ['mood.today']);
    const incomplete = await nurse.patch(`/api/questionnaire-responses/${draft.body.id}`, { version: draft.body.version, status: 'completed', answers: [] });
    assert.equal(incomplete.status, 400);
    assert.equal(incomplete.body.error.fields[0].path, 'answers.mood.today');
    const answers = [{ linkId: 'mood.today', answer: [{ valueCoding: { system: 'https://testkommune.example/cs', code: 'good' } }] }, { linkId: 'mood.why', answer: [{ valueString: 'skjult' }] }];
    const done = await nurse.patch(`/api/questionnaire-responses/${draft.body.id}`, { version: draft.body.version, status: 'completed', answers });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.deepEqual(done.body.answers.map((a: { linkId: string }) => a.linkId), ['mood.today'], 'the hidden question\'s answer is dropped');
    assert.ok(done.body.completedAt);
    const stale = await nurse.patch(`/api/questionnaire-responses/${draft.body.id}`, { version: draft.body.version, status: 'completed', answers });
    assert.equal(stale.status, 412);
    const closed = await nurse.patch(`/api/questionnaire-responses/${draft.body.id}`, { version: done.body.version, status: 'in-progress', answers });
    assert.equal(closed.body.error.fields[0].rule, 'questionnaire.response_closed');

    const fhir = await nurse.get(`/api/questionnaire-responses/${draft.body.id}/fhir`);
    assert.equal(fhir.body.resourceType, 'QuestionnaireResponse');
    assert.equal(fhir.body.questionnaire, `${url}|2024.1`);
    assert.equal(fhir.body.item[0].linkId, 'mood');
    assert.equal(fhir.body.item[0].item[0].answer[0].valueCoding.code, 'good');

    const listed = await nurse.get(`/api/referrals/${referral.id}/questionnaire-responses`);
    assert.equal(listed.body.responses.length, 1);
    const audit = await server.db.owner.query<{ action: string }>(
      `SELECT action FROM audit_event WHERE citizen_id = $1 AND resource_type = 'QuestionnaireResponse' ORDER BY chain_index`, [citizen.id]);
    assert.deepEqual(audit.rows.map((r) => r.action), ['create', 'update', 'read', 'read']);
  });

  it('uses the built-in questionnaire of the time point by default and refuses an answer that is not an option', async () => {
    const citizen = await createCitizen(nurse, 'Bo', 'Holm');
    const referral = await createReferral(nurse, citizen.id, '2026-02-21T08:00:00Z');
    const wrong = await nurse.post(`/api/referrals/${referral.id}/questionnaire-responses`, {
      timePoint: 'baseline', mode: 'staff', status: 'in-progress', answers: [{ linkId: 'who5.1', answer: coding('6') }],
    });
    assert.equal(wrong.status, 400);
    assert.deepEqual([wrong.body.error.fields[0].path, wrong.body.error.fields[0].rule], ['answers.who5.1', 'questionnaire.answer_option']);
    const ok = await nurse.post(`/api/referrals/${referral.id}/questionnaire-responses`, {
      timePoint: 'baseline', mode: 'staff', status: 'in-progress', answers: [{ linkId: 'who5.1', answer: coding('3') }],
    });
    assert.equal(ok.status, 201);
    assert.equal(ok.body.questionnaire.url, 'https://ligevej.dk/fhir/Questionnaire/baseline');
  });

  it('scores a completed baseline, records WHO-5 as an observation and the social-position answers as self-reported, and corrects both when entered in error', async () => {
    const citizen = await createCitizen(nurse, 'Fatima', 'Ali');
    const referral = await createReferral(nurse, citizen.id, '2026-02-22T08:00:00Z');
    const res = await nurse.post(`/api/referrals/${referral.id}/questionnaire-responses`, {
      timePoint: 'baseline', mode: 'assisted', status: 'completed', language: 'ar', answers: baselineAnswers({ who5: [1, 1, 1, 1, 3] }),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const who5 = res.body.results.find((r: { instrument: string }) => r.instrument === 'who5');
    assert.equal(who5.score, 28);
    assert.deepEqual(who5.flags.map((f: { code: string }) => f.code), ['who5.reduced', 'who5.depression_screening']);
    assert.match(who5.flags[1].message, /egen læge/);
    const alcohol = res.body.results.find((r: { instrument: string }) => r.instrument === 'alcohol');
    assert.match(alcohol.flags[0].message, /12 genstande om ugen/);
    const fact = async () => (await server.db.owner.query<{ who5_baseline: number | null; education: string; living_alone: string }>(
      'SELECT who5_baseline, education, living_alone FROM pathway_fact WHERE referral_id = $1', [referral.id])).rows[0]!;
    assert.deepEqual(await fact(), { who5_baseline: 28, education: 'primary', living_alone: 'prefer_not_to_say' });
    const citizenNow = await nurse.get(`/api/citizens/${citizen.id}`);
    const education = citizenNow.body.socialPosition.find((i: { item: string }) => i.item === 'education');
    assert.deepEqual([education.value, education.source], ['primary', 'self_reported']);

    const wrong = await nurse.post(`/api/questionnaire-responses/${res.body.id}/entered-in-error`, { version: res.body.version });
    assert.equal(wrong.status, 200);
    assert.deepEqual(await fact(), { who5_baseline: null, education: 'unknown', living_alone: 'unknown' });
  });

  it('imports from the command line and names the first error of a malformed file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ligevej-q-'));
    const good = { ...fixture(), version: '2025.1' };
    const bad = { ...fixture(), version: '2025.2', item: [{ linkId: 'g', type: 'group', text: 'Tom' }] };
    writeFileSync(join(dir, 'good.json'), JSON.stringify(good));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    writeFileSync(join(dir, 'syntax.json'), '{ "resourceType": ');
    const lines: string[] = [];
    const env = {
      open: async () => ({ db: server.db, close: async () => undefined }), now: () => server.clock.now, lang: 'da' as const,
      out: (l: string) => lines.push(`out ${l}`), err: (l: string) => lines.push(`err ${l}`),
    };
    assert.equal(await runQuestionnaireCommand(['import', join(dir, 'bad.json'), '--municipality', server.municipality.code], env), 2);
    assert.match(lines.at(-1)!, /Questionnaire\.item\[0\]\.item.*gruppen "g"/);
    assert.equal(await runQuestionnaireCommand(['import', join(dir, 'syntax.json')], env), 2);
    assert.match(lines.at(-1)!, /ikke gyldig JSON/);
    assert.equal(await runQuestionnaireCommand(['import', join(dir, 'good.json'), '--municipality', server.municipality.code], env), 0, lines.join('\n'));
    assert.match(lines.at(-1)!, /Importeret: Kommunens trivselsskema/);
    const stored = await server.db.owner.query('SELECT 1 FROM questionnaire WHERE municipality_id = $1 AND business_version = $2', [server.municipality.id, '2025.1']);
    assert.equal(stored.rows.length, 1);
  });
});
