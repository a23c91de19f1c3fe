import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { createCitizen, createReferral } from '../../test/support/fixtures.ts';

const fixture = () => JSON.parse(readFileSync(new URL('../../test/fixtures/questionnaires/kommune-trivsel-valueset.json', import.meta.url), 'utf8'));
const CS = 'https://testkommune.example/cs/frekvens';
const who5 = (codes: number[]) => codes.map((c, i) => ({ linkId: `who5.${i + 1}`, answer: [{ valueCoding: { system: CS, code: String(c) } }] }));

describe('a municipality\'s instrument with answers from a contained ValueSet', () => {
  let server: TestServer;
  let nurse: Client;
  let coordinator: Client;
  before(async () => {
    server = await startTestServer();
    nurse = await server.login('clinician');
    coordinator = await server.login('coordinator');
  });
  after(() => server.close());

  it('refuses a ValueSet that needs a terminology server with the path and a Danish message, changing nothing', async () => {
    const filtered = fixture();
    filtered.version = '0.9';
    filtered.contained[0].compose.include[0] = { system: 'http://snomed.info/sct', filter: [{ property: 'concept', op: 'is-a', value: '404684003' }] };
    const refused = await coordinator.post('/api/questionnaires', filtered);
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.fields[0].path, 'Questionnaire.contained[0].compose.include[0].filter');
    assert.match(refused.body.error.fields[0].message, /ValueSet'et "frekvens" bruger filtre/);
    const missing = fixture();
    missing.item[1].item[2].answerValueSet = '#skala';
    const notContained = await coordinator.post('/api/questionnaires', missing);
    assert.equal(notContained.body.error.fields[0].path, 'Questionnaire.item[1].item[2].answerValueSet');
    assert.match(notContained.body.error.fields[0].message, /"#skala" til "who5\.3" findes ikke/);
    const list = await nurse.get('/api/questionnaires');
    assert.equal(list.body.questionnaires.filter((q: { url: string }) => q.url === fixture().url).length, 0);
  });

  it('imports it, shows the options in English from the designations, pre-fills initial values on the citizen\'s page, and scores and shows the answers as Codings', async () => {
    const created = await coordinator.post('/api/questionnaires', fixture());
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const url = fixture().url;

    const en = await nurse.get(`/api/questionnaires/content?url=${encodeURIComponent(url)}&lang=en`);
    assert.equal(en.status, 200, JSON.stringify(en.body));
    const first = en.body.questionnaire.item[1].item[0];
    assert.equal(first.answerValueSet, undefined);
    assert.deepEqual(first.answerOption.map((o: { valueCoding: { code: string; display: string } }) => `${o.valueCoding.code}=${o.valueCoding.display}`),
      ['0=Never', '1=Rarely', '2=Less than half of the time', '3=More than half of the time', '4=Most of the time', '5=All of the time']);
    assert.equal(first.answerOption[0].valueCoding.system, CS);

    const citizen = await createCitizen(nurse, 'Leila', 'Nasser');
    const referral = await createReferral(nurse, citizen.id, '2026-03-02T08:00:00Z');
    const link = await nurse.post(`/api/referrals/${referral.id}/questionnaire-links`, { timePoint: 'baseline', questionnaire: { url }, channel: 'none' });
    assert.equal(link.status, 201, JSON.stringify(link.body));
    const opened = await fetch(`${server.url}/api/public/questionnaire`, { headers: { authorization: `Bearer ${link.body.url.split('#')[1]}` } });
    const view = await opened.json() as { answers: unknown[]; questionnaire: { item: { linkId: string; readOnly?: boolean }[] } };
    assert.equal(opened.status, 200, JSON.stringify(view));
    assert.deepEqual(view.answers, [{ linkId: 'kommune', answer: [{ valueString: 'Testkommune' }] }, { linkId: 'days', answer: [{ valueInteger: 3 }] }]);
    assert.equal(view.questionnaire.item[0]!.readOnly, true);

    const readOnly = await nurse.post(`/api/referrals/${referral.id}/questionnaire-responses`, {
      questionnaire: { url }, timePoint: 'baseline', mode: 'assisted', status: 'completed', answers: [...who5([1, 1, 1, 1, 3]), { linkId: 'kommune', answer: [{ valueString: 'Andet' }] }],
    });
    assert.equal(readOnly.status, 400);
    assert.deepEqual([readOnly.body.error.fields[0].path, readOnly.body.error.fields[0].rule], ['answers.kommune', 'questionnaire.answer_read_only']);
    const outside = await nurse.post(`/api/referrals/${referral.id}/questionnaire-responses`, {
      questionnaire: { url }, timePoint: 'baseline', mode: 'assisted', status: 'completed', answers: who5([1, 1, 1, 1, 6]),
    });
    assert.deepEqual([outside.status, outside.body.error.fields[0].rule], [400, 'questionnaire.answer_option']);

    const res = await nurse.post(`/api/referrals/${referral.id}/questionnaire-responses`, {
      questionnaire: { url }, timePoint: 'baseline', mode: 'assisted', status: 'completed', answers: who5([1, 1, 1, 1, 3]),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.results.find((r: { instrument: string }) => r.instrument === 'who5').score, 28);
    assert.deepEqual(res.body.answers.find((a: { linkId: string }) => a.linkId === 'who5.5').answer, [{ valueCoding: { system: CS, code: '3' } }]);
    assert.deepEqual(res.body.answers.find((a: { linkId: string }) => a.linkId === 'kommune').answer, [{ valueString: 'Testkommune' }], 'the read-only value is kept');

    const conversation = await nurse.get(`/api/referrals/${referral.id}/conversation`);
    assert.equal(conversation.status, 200, JSON.stringify(conversation.body));
    const mental = conversation.body.wheel.find((d: { domain: string }) => d.domain === 'mental_health');
    assert.equal(mental.instruments.find((i: { instrument: string }) => i.instrument === 'who5').score, 28);
    assert.equal(mental.status, 'concern');
  });
});
