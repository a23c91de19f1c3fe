import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { conversationStep, createCitizen, createReferral, createTeam, pathwayStep, steps } from '../../test/support/fixtures.ts';
import { code } from '../../test/support/codes.ts';

type Row = { citizenName: string } & Record<string, unknown>;
const names = (rows: Row[]) => rows.map((r) => r.citizenName);

describe('the front-page worklists', () => {
  let server: TestServer;
  let nurse: Client & { userId: string };
  let colleague: Client & { userId: string };
  before(async () => {
    server = await startTestServer(); // Monday 2 March 2026, 10:00 in Copenhagen
    nurse = await server.login('clinician');
    colleague = await server.login('clinician');
    const referral = async (given: string, family: string, receivedAt: string) => createReferral(nurse, (await createCitizen(nurse, given, family)).id, receivedAt);
    await referral('Gammel', 'Henvisning', '2026-02-20T08:00:00Z');
    await referral('Ny', 'Henvisning', '2026-03-01T08:00:00Z');
    const twice = await referral('To', 'Opkald', '2026-02-16T08:00:00Z');
    await steps(colleague, twice.id, twice.version, [
      ['contact-attempts', { attemptedAt: '2026-02-26T09:00:00Z', channel: 'phone', outcome: 'no_answer' }],
      ['contact-attempts', { attemptedAt: '2026-02-27T09:00:00Z', channel: 'phone', outcome: 'no_answer' }]]);
    const once = await referral('Et', 'Opkald', '2026-02-25T08:00:00Z');
    await steps(colleague, once.id, once.version, [['contact-attempts', { attemptedAt: '2026-03-02T08:00:00Z', channel: 'phone', outcome: 'no_answer' }]]);
    for (const [given, at] of [['Idag', '2026-03-02T13:00:00Z'], ['Torsdag', '2026-03-05T09:00:00Z'], ['Naesteuge', '2026-03-10T09:00:00Z']] as const) {
      const r = await referral(given, 'Samtale', '2026-02-20T08:00:00Z');
      await steps(nurse, r.id, r.version, [['contact-attempts', { attemptedAt: '2026-02-24T09:00:00Z', channel: 'phone', outcome: 'reached' }]]);
      const booked = await nurse.post(`/api/referrals/${r.id}/encounters`, { purpose: 'clarifying_conversation', class: 'AMB', startAt: at, endAt: new Date(Date.parse(at) + 3_600_000).toISOString(), status: 'planned' });
      assert.equal(booked.status, 201, JSON.stringify(booked.body));
    }
    const team = await createTeam(server.db, server.municipality.id, 'Diabetesskole, mandag', new Date('2026-02-23T12:00:00Z'), 2);
    const member = await referral('Hold', 'Deltager', '2026-02-01T08:00:00Z');
    await steps(nurse, member.id, member.version, [
      ['contact-attempts', { attemptedAt: '2026-02-03T09:00:00Z', channel: 'phone', outcome: 'reached' }],
      conversationStep('2026-02-10T09:00:00Z'), pathwayStep('2026-02-10', team.id, nurse.userId), ['start', { startDate: '2026-02-23' }]]);
    // Two of the nurse's courses ended last August: the completed one is due its follow-up, the drop-out is not.
    for (const [family, outcome] of [['Gennemført', 'completed'], ['Stoppet', 'stopped']] as const) {
      const r = await referral('Afsluttet', family, '2025-06-01T08:00:00Z');
      await steps(nurse, r.id, r.version, [
        ['contact-attempts', { attemptedAt: '2025-06-03T09:00:00Z', channel: 'phone', outcome: 'reached' }],
        conversationStep('2025-06-10T09:00:00Z'), pathwayStep('2025-06-10', undefined, nurse.userId), ['start', { startDate: '2025-06-20' }],
        ['end', { outcome, endedOn: '2025-08-20', ...(outcome === 'stopped' ? { cancellationReason: code('cancellationReasons', 'Aktivt fravalg') } : {}) }]]);
    }
  });
  after(() => server.close());

  it('shows new referrals with days since received, highlighting those past the limit', async () => {
    const res = await nurse.get('/api/worklists?contactLimitDays=5');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.today, '2026-03-02');
    assert.deepEqual(res.body.newReferrals.map((r: Row) => [r.citizenName, r.daysSinceReceived, r.overdue]),
      [['Gammel Henvisning', 10, true], ['Ny Henvisning', 1, false]]);
    const relaxed = await nurse.get('/api/worklists?contactLimitDays=14');
    assert.equal(relaxed.body.newReferrals[0].overdue, false);
  });

  it('shows contact attempts due: a letter after two unanswered calls, nothing yet after one call this morning', async () => {
    const res = await nurse.get('/api/worklists');
    assert.deepEqual(res.body.contactsDue.map((r: Row) => [r.citizenName, r.nextAction, r.phoneTries, r.dueOn]), [['To Opkald', 'letter', 2, '2026-02-27']]);
  });

  it('shows clarifying conversations today and this week, not next week', async () => {
    const res = await nurse.get('/api/worklists');
    assert.deepEqual(res.body.conversations.map((r: Row) => [r.citizenName, r.today]), [['Idag Samtale', true], ['Torsdag Samtale', false]]);
  });

  it('shows my citizens with a next step due, and not my colleague\'s', async () => {
    const mine = await nurse.get('/api/worklists');
    // Next week's conversation is beyond the horizon; the team participant's last session is today;
    // the completed course's follow-up is overdue (182 days after 20 August), the stopped one has none.
    assert.deepEqual(mine.body.myCitizens.map((r: Row) => [r.citizenName, r.nextStep, r.dueOn]), [
      ['Afsluttet Gennemført', 'follow_up', '2026-02-18'],
      ['Hold Deltager', 'end_pathway', '2026-03-02'], ['Idag Samtale', 'hold_clarifying_conversation', '2026-03-02'],
      ['Torsdag Samtale', 'hold_clarifying_conversation', '2026-03-05']]);
    const theirs = await colleague.get('/api/worklists');
    assert.deepEqual(names(theirs.body.myCitizens), []);
  });

  it('shows the teams meeting this week with their participants, and audit-logs the citizens listed', async () => {
    const res = await nurse.get('/api/worklists');
    assert.deepEqual(res.body.teamSessions.map((s: Row) => [s.teamName, s.number, s.participants, s.today]), [['Diabetesskole, mandag', 2, 1, true]]);
    const audited = (await server.db.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'search' AND detail->>'list' = 'worklist' AND actor_id = $1`, [nurse.userId])).rows[0]!;
    assert.ok(audited.n >= 7);
  });

  it('holds the booked conversation instead of adding a second one', async () => {
    const res = await nurse.get('/api/worklists');
    const booked = res.body.conversations[0];
    const held = await nurse.post(`/api/referrals/${booked.referralId}/clarifying-conversation`, {
      version: booked.referralVersion, startAt: '2026-03-02T13:05:00Z', endAt: '2026-03-02T14:00:00Z', class: 'AMB', note: 'Mål: gå 30 min dagligt',
    });
    assert.equal(held.status, 200, JSON.stringify(held.body));
    const rows = (await server.db.owner.query<{ id: string; status: string }>(
      `SELECT id, status FROM encounter WHERE referral_id = $1 AND purpose = 'clarifying_conversation'`, [booked.referralId])).rows;
    assert.deepEqual(rows, [{ id: booked.encounterId, status: 'finished' }]);
    const booking = await nurse.post(`/api/referrals/${booked.referralId}/encounters`, { purpose: 'clarifying_conversation', class: 'AMB', startAt: '2026-03-03T09:00:00Z', endAt: '2026-03-03T10:00:00Z', status: 'finished' });
    assert.equal(booking.status, 400);
    assert.equal(booking.body.error.fields[0].rule, 'encounter.clarifying_planned_only');
  });
});

describe('worklist paging', () => {
  let server: TestServer;
  let nurse: Client & { userId: string };
  before(async () => {
    server = await startTestServer(); // Monday 2 March 2026, 10:00 in Copenhagen
    nurse = await server.login('clinician');
    // Seven of the nurse's citizens reached by phone: each is due the clarifying conversation today.
    for (let n = 1; n <= 7; n += 1) {
      const citizen = await createCitizen(nurse, `Borger${n}`, 'Side');
      const r = await createReferral(nurse, citizen.id, `2026-02-${String(10 + n).padStart(2, '0')}T08:00:00Z`);
      if (n <= 5) await steps(nurse, r.id, r.version, [['contact-attempts', { attemptedAt: '2026-02-24T09:00:00Z', channel: 'phone', outcome: 'reached' }]]);
    }
  });
  after(() => server.close());

  it('returns one page of each list with the whole list\'s total, and the last page for a page past the end', async () => {
    const first = await nurse.get('/api/worklists?pageSize=2');
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual(names(first.body.myCitizens), ['Borger1 Side', 'Borger2 Side']);
    assert.deepEqual(first.body.paging.myCitizens, { page: 1, pageSize: 2, total: 5, pages: 3 });
    assert.deepEqual(names(first.body.newReferrals), ['Borger6 Side', 'Borger7 Side']);
    assert.deepEqual(first.body.paging.newReferrals, { page: 1, pageSize: 2, total: 2, pages: 1 });
    const third = await nurse.get('/api/worklists?pageSize=2&minePage=3');
    assert.deepEqual(names(third.body.myCitizens), ['Borger5 Side']);
    assert.deepEqual(names(third.body.newReferrals), ['Borger6 Side', 'Borger7 Side'], 'the other lists stay on their own page');
    const past = await nurse.get('/api/worklists?pageSize=2&minePage=9');
    assert.equal(past.body.paging.myCitizens.page, 3);
    assert.deepEqual(names(past.body.myCitizens), ['Borger5 Side']);
    const all = await nurse.get('/api/worklists');
    assert.equal(all.body.myCitizens.length, 5);
    assert.equal(all.body.paging.myCitizens.pageSize, 20);
  });

  it('pages lists read page by page in SQL the same way', async () => {
    const second = await nurse.get('/api/worklists?pageSize=1&newPage=2');
    assert.deepEqual(names(second.body.newReferrals), ['Borger7 Side']);
    assert.deepEqual(second.body.paging.newReferrals, { page: 2, pageSize: 1, total: 2, pages: 2 });
  });

  it('audit-logs only the citizens on the pages returned', async () => {
    const before = (await server.db.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'search' AND detail->>'list' = 'worklist' AND actor_id = $1 AND municipality_id = $2`, [nurse.userId, server.municipality.id])).rows[0]!.n;
    await nurse.get('/api/worklists?pageSize=1');
    const after = (await server.db.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'search' AND detail->>'list' = 'worklist' AND actor_id = $1 AND municipality_id = $2`, [nurse.userId, server.municipality.id])).rows[0]!.n;
    assert.equal(after - before, 2, 'one new referral and one of my citizens');
  });

  it('refuses a page size out of range with a message naming the field', async () => {
    const res = await nurse.get('/api/worklists?pageSize=500');
    assert.equal(res.status, 400);
    assert.equal(res.body.error.fields[0].path, 'query.pageSize');
    assert.equal(res.body.error.fields[0].rule, 'max');
  });
});
