import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type Client, type TestServer } from '../../../test/support/harness.ts';
import { conversationStep, pathwayStep, steps } from '../../../test/support/fixtures.ts';
import { baselineAnswers } from '../../../test/support/baseline-answers.ts';

/** The citizen's phone: no cookie, no account, only the token from the link's fragment. */
function citizenPhone(server: TestServer, token: string, lang = 'da') {
  const call = async (method: string, path: string, body?: unknown, birthDate?: string) => {
    const res = await fetch(`${server.url}${path}`, {
      method, headers: { authorization: `Bearer ${token}`, 'accept-language': lang, ...(birthDate ? { 'x-birth-date': birthDate } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: await res.json() as any, headers: res.headers };
  };
  return {
    open: (birthDate?: string, query = '') => call('GET', `/api/public/questionnaire${query}`, undefined, birthDate),
    save: (body: unknown, birthDate?: string) => call('PUT', '/api/public/questionnaire/answers', body, birthDate),
    submit: (body: unknown, birthDate?: string) => call('POST', '/api/public/questionnaire/submit', body, birthDate),
  };
}
const tokenOf = (url: string) => url.split('#')[1]!;

describe('a citizen answers on their own phone through a personal link', () => {
  let server: TestServer;
  let nurse: Client;
  let admin: Client;
  before(async () => {
    server = await startTestServer();
    nurse = await server.login('clinician');
    admin = await server.login('admin');
    const settings = await admin.request('PUT', '/api/assessment/settings', { version: 0, contactPhone: '+45 76 16 16 16', linkDays: 14 });
    assert.equal(settings.status, 200, JSON.stringify(settings.body));
  });
  after(() => server.close());

  it('sends a link, the citizen answers in Arabic after the birth-date check, saves, resumes and submits once; the professional holds the conversation', async () => {
    const citizen = await nurse.post('/api/citizens', { cpr: '150562-1234', givenName: 'Amina', familyName: 'Haddad', phone: '+45 20 30 40 50', preferredLanguage: 'ar' });
    const referral = await nurse.post('/api/referrals', { citizenId: citizen.body.id, sourceCode: (await import('../../../test/support/codes.ts')).code('referralSources', 'Egen læge/vagtlæge'), diagnoses: [{ system: 'SKS', code: 'DE11' }, { system: 'SKS', code: 'DJ44' }], receivedAt: '2026-02-25T08:00:00Z' });
    const contacted = await nurse.post(`/api/referrals/${referral.body.id}/contact-attempts`, { version: referral.body.version, attemptedAt: '2026-02-26T09:00:00Z', channel: 'phone', outcome: 'reached' });

    const sent = await nurse.post(`/api/referrals/${referral.body.id}/questionnaire-links`, { timePoint: 'baseline', channel: 'sms', requireBirthDate: true }, { 'idempotency-key': 'link-amina-0001' });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    assert.equal(sent.body.language, 'ar', 'the citizen\'s preferred language');
    assert.match(sent.body.url, /\/svar#[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(sent.body.url);
    const stored = (await server.db.owner.query<Record<string, unknown>>('SELECT * FROM questionnaire_link WHERE id = $1', [sent.body.id])).rows[0]!;
    assert.ok(!JSON.stringify(stored).includes(token), 'only a hash of the token is stored');
    const outbox = (await server.db.owner.query<{ status: string; body: string; recipient: string; provider_ref: string }>('SELECT status, body, recipient, provider_ref FROM notification_outbox WHERE id = $1', [sent.body.outboxId])).rows[0]!;
    assert.equal(outbox.status, 'sent');
    assert.match(outbox.provider_ref, /^dev-/);
    assert.ok(!outbox.body.includes(token), 'a sent message no longer holds a working link');
    assert.match(outbox.body, /Ring \+45 76 16 16 16/);

    const phone = citizenPhone(server, token, 'da');
    assert.equal((await citizenPhone(server, 'x'.repeat(43)).open()).body.error.code, 'link_unknown');
    const noDate = await phone.open();
    assert.deepEqual([noDate.status, noDate.body.error.code], [401, 'birth_date_required']);
    const wrong = await phone.open('1962-05-16');
    assert.deepEqual([wrong.status, wrong.body.error.code], [401, 'birth_date_wrong']);
    assert.match(wrong.body.error.message, /4 forsøg tilbage/);
    const opened = await phone.open('1962-05-15');
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    assert.deepEqual([opened.body.language, opened.body.direction, opened.body.responseVersion], ['ar', 'rtl', 0]);
    assert.equal(opened.body.questionnaire.item.find((i: { linkId: string }) => i.linkId === 'srh').item[0].text, 'كيف تقيّم صحتك بشكل عام؟');
    assert.equal(opened.body.headers, undefined);
    assert.equal(opened.headers.get('cache-control'), 'no-store');

    const all = baselineAnswers({ who5: [1, 1, 1, 1, 2] });
    const first = await phone.save({ version: 0, language: 'ar', answers: all.slice(0, 5) }, '1962-05-15');
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const resumed = await phone.open('1962-05-15');
    assert.deepEqual([resumed.body.responseVersion, resumed.body.answers.length], [first.body.version, 5]);
    const stale = await phone.save({ version: 0, language: 'ar', answers: all.slice(0, 6) }, '1962-05-15');
    assert.deepEqual([stale.status, stale.body.error.code], [412, 'version_conflict']);

    const incomplete = await phone.submit({ language: 'ar', answers: all.slice(0, 5) }, '1962-05-15');
    assert.equal(incomplete.status, 400);
    assert.ok(incomplete.body.error.fields.some((f: { path: string }) => f.path === 'answers.who5.5'));
    const [once, twice] = await Promise.all([phone.submit({ language: 'ar', answers: all }, '1962-05-15'), phone.submit({ language: 'ar', answers: all }, '1962-05-15')]);
    assert.deepEqual([once.status, twice.status], [200, 200], JSON.stringify([once.body, twice.body]));
    assert.equal(once.body.responseId, twice.body.responseId);
    assert.deepEqual([once.body.alreadySubmitted, twice.body.alreadySubmitted].sort(), [false, true]);
    const count = await server.db.owner.query<{ n: string }>('SELECT count(*) AS n FROM questionnaire_response WHERE referral_id = $1', [referral.body.id]);
    assert.equal(Number(count.rows[0]!.n), 1, 'submitting twice creates one response');
    const used = await phone.open('1962-05-15');
    assert.deepEqual([used.status, used.body.error.code], [410, 'link_used']);
    assert.match(used.body.error.message, /allerede sendt dine svar.*\+45 76 16 16 16/);

    await nurse.post(`/api/referrals/${referral.body.id}/measurements`, { timePoint: 'baseline', measurements: [{ measure: 'height', value: 162, unit: 'cm' }, { measure: 'weight', value: 84, unit: 'kg' }, { measure: 'hba1c', value: 79, unit: 'mmol/mol' }] });
    await nurse.post(`/api/referrals/${referral.body.id}/health-literacy`, {
      areas: ['professional_relationships', 'personal_relationships', 'information_access', 'health_behaviours', 'barriers_support'].map((area) => ({ area, rating: 2 })), overallRating: 2, digitalLiteracy: 'needs_help',
    });
    const view = await nurse.get(`/api/referrals/${referral.body.id}/conversation`);
    assert.equal(view.status, 200, JSON.stringify(view.body).slice(0, 2000));
    const domain = (d: string) => view.body.wheel.find((w: { domain: string }) => w.domain === d);
    assert.deepEqual(view.body.wheel.map((w: { label: string }) => w.label), ['Krop', 'Hverdagsliv', 'Mental sundhed', 'Sundhedsadfærd', 'Netværk', 'Ressourcer']);
    assert.equal(domain('mental_health').status, 'concern', 'WHO-5 24');
    assert.equal(domain('mental_health').instruments[0].score, 24);
    assert.equal(domain('body').measurements.find((m: { measure: string }) => m.measure === 'hba1c').category, '>75');
    assert.equal(domain('body').measurements.find((m: { measure: string }) => m.measure === 'bmi').value, 32);
    assert.equal(view.body.flags[0].severity, 'concern');
    assert.deepEqual(view.body.goals.goals, ['Gå 30 minutter hver dag', 'Tabe 5 kg']);
    assert.equal(view.body.responses[0].mode, 'self');
    assert.equal(view.body.responses[0].language, 'ar');
    assert.equal(view.body.socialPosition.find((s: { item: string }) => s.item === 'education').label, 'Grundskole');
    assert.equal(view.body.healthLiteracy.overallRating, 2);
    const esbjerg = view.body.stratification.recommendations.find((r: { model: string }) => r.model === 'esbjerg');
    assert.equal(esbjerg.level, 'extended');
    assert.equal(view.body.links[0].state, 'used');

    const decided = await nurse.post(`/api/referrals/${referral.body.id}/stratification`, { model: 'esbjerg', finalLevel: 'extended' });
    assert.equal(decided.status, 201);
    const held = await steps(nurse, referral.body.id, contacted.body.version, [conversationStep('2026-03-02T10:00:00Z')]);
    const course = await nurse.get(`/api/referrals/${referral.body.id}`);
    assert.deepEqual([course.body.stage, course.body.version], ['clarified', held]);
    const fact = (await server.db.owner.query<{ support_level: string; who5_baseline: number }>('SELECT support_level, who5_baseline FROM pathway_fact WHERE referral_id = $1', [referral.body.id])).rows[0]!;
    assert.deepEqual(fact, { support_level: 'extended', who5_baseline: 24 });
    const audit = await server.db.owner.query<{ actor_role: string; action: string }>(
      `SELECT actor_role, action FROM audit_event WHERE citizen_id = $1 AND resource_type = 'QuestionnaireResponse' ORDER BY chain_index`, [citizen.body.id]);
    assert.deepEqual(audit.rows.map((r) => `${r.actor_role}:${r.action}`), ['citizen:create', 'citizen:update']);
  });

  it('tells the citizen kindly when a link has expired or is locked, with the phone number', async () => {
    const citizen = await nurse.post('/api/citizens', { cpr: '030344-1118', givenName: 'Ole', familyName: 'Berg' });
    const referral = await nurse.post('/api/referrals', { citizenId: citizen.body.id, sourceCode: (await import('../../../test/support/codes.ts')).code('referralSources', 'Egen læge/vagtlæge'), diagnoses: [{ system: 'SKS', code: 'DE11' }], receivedAt: '2026-02-25T08:00:00Z' });
    const noPhone = await nurse.post(`/api/referrals/${referral.body.id}/questionnaire-links`, { timePoint: 'baseline', channel: 'sms' });
    assert.equal(noPhone.body.error.fields[0].rule, 'link.recipient_missing');
    const paper = await nurse.post(`/api/referrals/${referral.body.id}/questionnaire-links`, { timePoint: 'baseline', channel: 'none', expiresInDays: 1 });
    assert.equal(paper.status, 201);
    assert.equal(paper.body.outboxId, null);
    const locked = await nurse.post(`/api/referrals/${referral.body.id}/questionnaire-links`, { timePoint: 'baseline', channel: 'none', requireBirthDate: true });
    const lockedPhone = citizenPhone(server, tokenOf(locked.body.url));
    for (let i = 0; i < 4; i++) assert.equal((await lockedPhone.open('2000-01-01')).status, 401);
    const fifth = await lockedPhone.open('2000-01-01');
    assert.deepEqual([fifth.status, fifth.body.error.code], [410, 'link_locked']);
    assert.equal((await lockedPhone.open('1944-03-03')).body.error.code, 'link_locked', 'the right date no longer opens a locked link');

    const saved = server.clock.now;
    server.clock.now = new Date(saved.getTime() + 2 * 86_400_000);
    try {
      const expired = await citizenPhone(server, tokenOf(paper.body.url), 'en').open();
      assert.deepEqual([expired.status, expired.body.error.code], [410, 'link_expired']);
      assert.equal(expired.body.error.message, 'The link has expired. That is fine – call the health centre on +45 76 16 16 16 and we will send you a new one.');
    } finally {
      server.clock.now = saved;
    }
    const links = await nurse.get(`/api/referrals/${referral.body.id}/questionnaire-links`);
    assert.deepEqual(links.body.links.map((l: { state: string }) => l.state), ['open', 'locked']);
    const revoked = await nurse.post(`/api/questionnaire-links/${paper.body.id}/revoke`, { version: paper.body.version });
    assert.equal(revoked.body.state, 'revoked');
    assert.equal((await citizenPhone(server, tokenOf(paper.body.url)).open()).body.error.code, 'link_revoked');
  });

  it('schedules the end questionnaire when a pathway ends and the follow-up six months later, and lists who has not answered', async () => {
    const citizen = await nurse.post('/api/citizens', { cpr: '121255-1235', givenName: 'Lis', familyName: 'Dam', phone: '+45 40 50 60 70' });
    const referral = await nurse.post('/api/referrals', { citizenId: citizen.body.id, sourceCode: (await import('../../../test/support/codes.ts')).code('referralSources', 'Egen læge/vagtlæge'), diagnoses: [{ system: 'SKS', code: 'DE11' }], receivedAt: '2026-01-05T08:00:00Z' });
    const id = referral.body.id;
    await steps(nurse, id, referral.body.version, [
      ['contact-attempts', { attemptedAt: '2026-01-06T09:00:00Z', channel: 'phone', outcome: 'reached' }],
      conversationStep('2026-01-08T10:00:00Z'), pathwayStep('2026-01-08'), ['start', { startDate: '2026-01-12' }],
      ['end', { outcome: 'completed', endedOn: '2026-03-01' }],
    ]);
    const tasks = (await server.db.owner.query<{ time_point: string; due_on: string; status: string }>('SELECT time_point, due_on::text, status FROM questionnaire_task WHERE referral_id = $1 ORDER BY due_on', [id])).rows;
    assert.deepEqual(tasks, [{ time_point: 'end', due_on: '2026-03-01', status: 'scheduled' }, { time_point: 'follow_up', due_on: '2026-09-01', status: 'scheduled' }]);

    const mine = (list: { citizenId: string }[]) => list.filter((c) => c.citizenId === citizen.body.id);
    const before = await nurse.get('/api/questionnaire-tasks/unanswered');
    assert.equal(before.status, 200, JSON.stringify(before.body));
    assert.deepEqual(mine(before.body.citizens).map((c: any) => [c.timePoint, c.linkState, c.daysOverdue]), [['end', 'none', 1]]);
    const sentDue = await nurse.post('/api/questionnaire-tasks/send-due', {});
    assert.equal(sentDue.status, 200, JSON.stringify(sentDue.body));
    assert.ok(sentDue.body.sent >= 1 && sentDue.body.dispatched === sentDue.body.sent);
    assert.deepEqual(mine((await nurse.get('/api/questionnaire-tasks/unanswered')).body.citizens).map((c: any) => [c.timePoint, c.linkState]), [['end', 'open']]);

    const answered = await nurse.post(`/api/referrals/${id}/questionnaire-responses`, { timePoint: 'end', mode: 'assisted', status: 'completed', answers: [
      ...['1', '2', '3', '4', '5'].map((i) => ({ linkId: `who5.${i}`, answer: [{ valueCoding: { code: '3' } }] })),
      { linkId: 'srh.1', answer: [{ valueCoding: { code: '3' } }] }, { linkId: 'smoking.status', answer: [{ valueCoding: { code: 'never' } }] },
      { linkId: 'goals_end.attainment', answer: [{ valueInteger: 8 }] }, { linkId: 'goals_end.satisfaction', answer: [{ valueInteger: 9 }] },
    ] });
    assert.equal(answered.status, 201, JSON.stringify(answered.body));
    const afterAnswer = await nurse.get('/api/questionnaire-tasks/unanswered');
    assert.equal(afterAnswer.status, 200, JSON.stringify(afterAnswer.body));
    assert.deepEqual(mine(afterAnswer.body.citizens), [], 'answered, and the follow-up is not yet due');

    const saved = server.clock.now;
    server.clock.now = new Date('2026-09-02T08:00:00Z');
    try {
      const autumnNurse = await server.login('clinician');
      assert.deepEqual(mine((await autumnNurse.get('/api/questionnaire-tasks/unanswered')).body.citizens).map((c: any) => [c.timePoint, c.dueOn]), [['follow_up', '2026-09-01']]);
      await autumnNurse.post('/api/questionnaire-tasks/send-due', {});
      const followUpLink = (await server.db.owner.query<{ time_point: string; require_birth_date: boolean }>(
        `SELECT l.time_point, l.require_birth_date FROM questionnaire_task t JOIN questionnaire_link l ON l.id = t.link_id WHERE t.referral_id = $1 AND t.time_point = 'follow_up'`, [id])).rows[0]!;
      assert.deepEqual(followUpLink, { time_point: 'follow_up', require_birth_date: true });
    } finally {
      server.clock.now = saved;
    }
  });
});
