import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { conversationStep, createCitizen, createReferral, pathwayStep, steps } from '../../test/support/fixtures.ts';
import { createCatalogueTeam, createOffer } from '../../test/support/catalogue.ts';
import type { Database } from '../db/database.ts';
import type { Message, Notifier } from '../notifier/notifier.ts';
import { dispatchOutbox, UNKNOWN_OUTCOME } from '../notifier/outbox.ts';
import { runJob, runJobsOnce, type RunnerContext } from './runner.ts';
import { defaultJobSettings } from './schedule.ts';
import { INTERRUPTED, listRuns } from './job-runs.ts';

/** A notifier that records what it was asked to send; `failWith` makes it refuse (a provider outage). */
function recordingNotifier(): Notifier & { sent: Message[]; failWith: string | null } {
  const n = {
    name: 'test', channels: ['sms', 'email'] as const, sent: [] as Message[], failWith: null as string | null,
    async send(m: Message) {
      if (n.failWith) throw new Error(n.failWith);
      n.sent.push(m);
      return { reference: `test-${n.sent.length}` };
    },
  };
  return n;
}

/** The database, except that statements matching `pattern` fail, as an outage in the middle of a job would. */
function failingOn(db: Database, pattern: RegExp, message: string): Database {
  return {
    ...db,
    tenantTransaction: (municipalityId, fn) => db.tenantTransaction(municipalityId, (tx) => fn({
      exec: (sql) => tx.exec(sql),
      query: (sql, params) => (pattern.test(sql) ? Promise.reject(new Error(message)) : tx.query(sql, params)),
    })),
  };
}

describe('the scheduler: due questionnaires and session reminders, exactly once, and failures recorded', () => {
  let server: TestServer;
  let coordinator: Client & { userId: string };
  let notifier: ReturnType<typeof recordingNotifier>;
  let ctx: RunnerContext;
  const citizens: Record<string, string> = {};
  let teamSessionId = '';
  const mine = () => ({ municipalityIds: [server.municipality.id] });
  const outbox = async (citizenId: string) => (await server.db.owner.query<{ id: string; template: string; status: string; attempts: number; error: string | null; body: string }>(
    'SELECT id, template, status, attempts, error, body FROM notification_outbox WHERE municipality_id = $1 AND citizen_id = $2 ORDER BY created_at', [server.municipality.id, citizenId])).rows;
  const runs = async () => (await server.db.owner.query<{ job: string; trigger: string; status: string; counts: Record<string, number>; error: string | null }>(
    'SELECT job, trigger, status, counts, error FROM job_run WHERE municipality_id = $1 ORDER BY started_at, job', [server.municipality.id])).rows;

  async function withPhone(given: string, consent: 'given' | 'withdrawn' | null): Promise<string> {
    const citizen = await createCitizen(coordinator, given, 'Juul');
    const c = await coordinator.get(`/api/citizens/${citizen.id}`);
    assert.equal((await coordinator.patch(`/api/citizens/${citizen.id}`, { version: c.body.version, phone: '+45 20 30 40 5' + Object.keys(citizens).length })).status, 200);
    if (consent) {
      const given1 = await coordinator.post(`/api/gdpr/citizens/${citizen.id}/consents`, { purpose: 'sms_reminders', state: 'given', effectiveOn: '2026-02-01', method: 'oral', version: 0 });
      assert.equal(given1.status, 201, JSON.stringify(given1.body));
      if (consent === 'withdrawn') {
        const w = await coordinator.post(`/api/gdpr/citizens/${citizen.id}/consents`, { purpose: 'sms_reminders', state: 'withdrawn', effectiveOn: '2026-02-15', method: 'oral', version: 1 });
        assert.equal(w.status, 201, JSON.stringify(w.body));
      }
    }
    citizens[given] = citizen.id;
    return citizen.id;
  }

  before(async () => {
    server = await startTestServer(); // Monday 2 March 2026, 10:00 in Copenhagen
    coordinator = await server.login('coordinator');
    notifier = recordingNotifier();
    ctx = { db: server.db, notifier, settings: { ...defaultJobSettings, enabled: true }, clock: () => server.clock.now };
    const offer = await createOffer(coordinator);
    // Tuesdays at 10:00 from 3 March: the first session is tomorrow.
    const team = await createCatalogueTeam(coordinator, offer.id, { from: '2026-03-03', weekday: 2, startTime: '10:00' });
    teamSessionId = team.sessions[0]!.id;
    for (const [given, consent] of [['Anna', 'given'], ['Bo', null], ['Carl', 'withdrawn']] as const) {
      const citizenId = await withPhone(given, consent);
      const referral = await createReferral(coordinator, citizenId, '2026-02-01T08:00:00Z');
      await steps(coordinator, referral.id, referral.version, [
        ['contact-attempts', { attemptedAt: '2026-02-03T09:00:00Z', channel: 'phone', outcome: 'reached' }],
        conversationStep('2026-02-10T09:00:00Z'), pathwayStep('2026-02-10', team.team.id),
      ]);
    }
    // Lis's pathway ended yesterday: her end questionnaire is due today.
    const lis = await withPhone('Lis', null);
    const referral = await createReferral(coordinator, lis, '2026-01-05T08:00:00Z');
    await steps(coordinator, referral.id, referral.version, [
      ['contact-attempts', { attemptedAt: '2026-01-06T09:00:00Z', channel: 'phone', outcome: 'reached' }],
      conversationStep('2026-01-08T10:00:00Z'), pathwayStep('2026-01-08'), ['start', { startDate: '2026-01-12' }],
      ['end', { outcome: 'completed', endedOn: '2026-03-01' }],
    ]);
  });
  after(() => server.close());

  it('sends the due end questionnaire and tomorrow\'s reminder once, only to participants with SMS consent, and records each run', async () => {
    const first = await runJobsOnce(ctx, { ...mine(), onlyDue: true, trigger: 'scheduler' });
    assert.deepEqual(first.map((r) => [r.job, r.status]), [['questionnaire-tasks', 'ok'], ['session-reminders', 'ok'], ['campaign-ends', 'ok'], ['outbox', 'ok']]);
    const byJob = Object.fromEntries(first.map((r) => [r.job, r.counts]));
    assert.deepEqual(byJob['questionnaire-tasks'], { linksCreated: 1, withoutPhone: 0, sent: 1, failed: 0 });
    assert.deepEqual(byJob['session-reminders'], { queued: 1, withoutConsent: 2, sent: 1, failed: 0 }, 'Anna has consented; Bo has not, Carl withdrew it');
    assert.deepEqual(notifier.sent.map((m) => m.template).sort(), ['questionnaire.link', 'session.reminder']);
    assert.match(notifier.sent.find((m) => m.template === 'questionnaire.link')!.body, /\/svar#[A-Za-z0-9_-]{20,}/, 'the citizen got a working link');
    assert.deepEqual((await outbox(citizens.Anna!)).map((m) => [m.template, m.status, m.attempts]), [['session.reminder', 'sent', 1]]);
    assert.deepEqual(await outbox(citizens.Bo!), []);
    assert.deepEqual(await outbox(citizens.Carl!), []);
    const lis = await outbox(citizens.Lis!);
    assert.deepEqual(lis.map((m) => [m.template, m.status]), [['questionnaire.link', 'sent']]);
    assert.match(lis[0]!.body, /\/svar#\[fjernet\]/, 'the stored copy no longer opens the questionnaire');
    const reminder = (await server.db.owner.query<{ related_id: string }>('SELECT related_id FROM notification_outbox WHERE municipality_id = $1 AND template = $2', [server.municipality.id, 'session.reminder'])).rows;
    assert.deepEqual(reminder.map((r) => r.related_id), [teamSessionId], 'only tomorrow\'s session, not next week\'s');

    // The due check: an hour has not passed, so the scheduler runs only the outbox.
    server.clock.now = new Date(server.clock.now.getTime() + 5 * 60_000);
    const soon = await runJobsOnce(ctx, { ...mine(), onlyDue: true, trigger: 'scheduler' });
    assert.deepEqual(soon.map((r) => [r.job, r.counts]), [['outbox', { sent: 0, failed: 0 }]]);
    // Run everything again by hand (cron): nothing is sent twice.
    const again = await runJobsOnce(ctx, { ...mine(), onlyDue: false, trigger: 'cli' });
    assert.deepEqual(again.map((r) => r.status), ['ok', 'ok', 'ok', 'ok']);
    assert.equal(notifier.sent.length, 2, 'no message twice');
    assert.deepEqual(Object.fromEntries(again.map((r) => [r.job, r.counts])), {
      'questionnaire-tasks': { linksCreated: 0, withoutPhone: 0, sent: 0, failed: 0 }, 'session-reminders': { queued: 0, withoutConsent: 2, sent: 0, failed: 0 },
      'campaign-ends': { campaignsEnded: 0, erasedContacts: 0 }, outbox: { sent: 0, failed: 0 },
    });
    // The manual button follows the same consent rule and dedupe key.
    const manual = await coordinator.post('/api/session-reminders', { hoursAhead: 48 });
    assert.equal(manual.status, 200, JSON.stringify(manual.body));
    assert.deepEqual(manual.body, { queued: 0, withoutConsent: 2, sent: 0, failed: 0 });
    assert.equal(notifier.sent.length, 2);
    const recorded = await runs();
    assert.equal(recorded.length, 9);
    assert.ok(recorded.every((r) => r.status === 'ok' && r.error === null));
    assert.deepEqual(recorded.filter((r) => r.trigger === 'cli').map((r) => r.job).sort(), ['campaign-ends', 'outbox', 'questionnaire-tasks', 'session-reminders']);

    const seen = await coordinator.get('/api/jobs/runs?job=session-reminders');
    assert.equal(seen.status, 200, JSON.stringify(seen.body));
    assert.deepEqual(seen.body.runs.map((r: { trigger: string; counts: Record<string, number> }) => [r.trigger, r.counts.queued]), [['cli', 0], ['scheduler', 1]]);
    assert.equal(seen.body.scheduler.enabled, false, 'the test server runs no scheduler of its own');
    assert.equal(seen.body.jobs.find((j: { name: string }) => j.name === 'session-reminders').label.da, 'SMS-påmindelser før holdgange');
    assert.equal((await (await server.login('clinician')).get('/api/jobs/runs')).status, 403);
  });

  it('records a failed run with its error (no CPR number), and the other jobs still run', async () => {
    server.clock.now = new Date(server.clock.now.getTime() + 2 * 3_600_000);
    const broken = { ...ctx, db: failingOn(server.db, /FROM campaign WHERE status = 'active'/, 'database unavailable while reading 010170-1234') };
    const results = await runJobsOnce(broken, { ...mine(), onlyDue: true, trigger: 'scheduler' });
    assert.deepEqual(results.map((r) => [r.job, r.status]), [['questionnaire-tasks', 'ok'], ['session-reminders', 'ok'], ['campaign-ends', 'failed'], ['outbox', 'ok']]);
    const failed = (await runs()).filter((r) => r.status === 'failed');
    assert.deepEqual(failed.map((r) => [r.job, r.error]), [['campaign-ends', 'database unavailable while reading xxxxxx-xxxx']]);
    coordinator = await server.login('coordinator'); // the clock moved past the session's idle timeout
    const seen = await coordinator.get('/api/jobs/runs?job=campaign-ends&limit=1');
    assert.deepEqual(seen.body.runs.map((r: { status: string; error: string }) => [r.status, r.error]), [['failed', 'database unavailable while reading xxxxxx-xxxx']]);
  });

  it('reports the jobs it could not even record as failed, instead of stopping', async () => {
    const gone = { ...ctx, db: failingOn(server.db, /INSERT INTO job_run/, 'connection terminated') };
    const before = (await runs()).length;
    const results = await runJobsOnce(gone, { ...mine(), jobs: ['campaign-ends', 'outbox'], onlyDue: false, trigger: 'cli' });
    assert.deepEqual(results.map((r) => [r.job, r.status, r.error]), [['campaign-ends', 'failed', 'connection terminated'], ['outbox', 'failed', 'connection terminated']]);
    assert.equal((await runs()).length, before, 'nothing could be recorded');
  });

  it('ends a recruitment campaign whose period is over and erases the contact data of those who did not enrol', async () => {
    const campaign = await coordinator.post('/api/campaigns', { name: 'Rygestop i Vestby', startsOn: '2026-02-01', endsOn: '2026-02-28' });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    const contact = await coordinator.post(`/api/campaigns/${campaign.body.id}/contacts`, { givenName: 'Ole', familyName: 'Bak', phone: '+45 22 33 44 55', legalBasis: 'consent', legalBasisNote: 'Mundtligt samtykke ved døren' });
    assert.equal(contact.status, 201, JSON.stringify(contact.body));
    const result = await runJob(ctx, server.municipality.id, 'campaign-ends', 'cli');
    assert.deepEqual([result.status, result.counts], ['ok', { campaignsEnded: 1, erasedContacts: 1 }]);
    const row = (await server.db.owner.query<{ status: string; given_name: string | null; phone: string | null }>(
      `SELECT c.status, cc.given_name, cc.phone FROM campaign c JOIN campaign_contact cc ON cc.campaign_id = c.id WHERE c.municipality_id = $1 AND c.id = $2`, [server.municipality.id, campaign.body.id])).rows;
    assert.deepEqual(row, [{ status: 'ended', given_name: null, phone: null }]);
    assert.deepEqual((await runJob(ctx, server.municipality.id, 'campaign-ends', 'cli')).counts, { campaignsEnded: 0, erasedContacts: 0 }, 'idempotent');
  });

  it('lets only one process run a job at a time, and takes over a lease its process left behind', async () => {
    const now = server.clock.now;
    await server.db.owner.query(`INSERT INTO job_run (municipality_id, job, trigger, started_at, runner) VALUES ($1, 'outbox', 'scheduler', $2, 'other-server:1')`,
      [server.municipality.id, new Date(now.getTime() - 60_000).toISOString()]);
    assert.equal((await runJob(ctx, server.municipality.id, 'outbox', 'cli')).status, 'skipped');
    server.clock.now = new Date(now.getTime() + 31 * 60_000);
    assert.equal((await runJob(ctx, server.municipality.id, 'outbox', 'cli')).status, 'ok');
    const outboxRuns = (await runs()).filter((r) => r.job === 'outbox');
    assert.ok(outboxRuns.some((r) => r.status === 'failed' && r.error === INTERRUPTED), 'the abandoned run is marked interrupted');
    assert.equal(outboxRuns.filter((r) => r.status === 'running').length, 0);
  });

  it('lets a coordinator run a job now, but not one that messages citizens at night, nor one already running', async () => {
    server.clock.now = new Date('2026-03-03T10:00:00Z');
    const lead = await server.login('coordinator');
    const now = await lead.post('/api/jobs/outbox/run', {});
    assert.equal(now.status, 200, JSON.stringify(now.body));
    assert.deepEqual(now.body, { job: 'outbox', status: 'ok', counts: { sent: 0, failed: 0 }, error: null });
    assert.equal((await runs()).filter((r) => r.trigger === 'api').length, 1);
    assert.equal((await (await server.login('clinician')).post('/api/jobs/outbox/run', {})).status, 403);
    assert.equal((await lead.post('/api/jobs/coffee/run', {})).status, 400);

    await server.db.owner.query(`INSERT INTO job_run (municipality_id, job, trigger, started_at) VALUES ($1, 'campaign-ends', 'scheduler', $2)`, [server.municipality.id, server.clock.now.toISOString()]);
    const busy = await lead.post('/api/jobs/campaign-ends/run', {});
    assert.equal(busy.status, 400);
    assert.match(busy.body.error.fields[0].message, /kørslen er allerede i gang/);

    server.clock.now = new Date('2026-03-03T21:30:00Z'); // 22:30 in Copenhagen
    const night = await server.login('coordinator');
    const refused = await night.post('/api/jobs/session-reminders/run', {});
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.fields[0].message, 'Feltet "name": kørslen sender beskeder til borgere og må kun startes kl. 09–20. Prøv igen inden for det tidsrum.');
    assert.equal((await runs()).filter((r) => r.trigger === 'api').length, 1, 'nothing ran');
  });
});

describe('the outbox sends outside the transaction, at most once', () => {
  let server: TestServer;
  let coordinator: Client;
  let citizenId = '';
  before(async () => {
    server = await startTestServer();
    coordinator = await server.login('coordinator');
    citizenId = (await createCitizen(coordinator, 'Mette', 'Kro')).id;
  });
  after(() => server.close());

  async function queue(key: string, minutesAgo = 0): Promise<string> {
    return (await server.db.owner.query<{ id: string }>(
      `INSERT INTO notification_outbox (municipality_id, citizen_id, channel, recipient, template, body, related_type, related_id, dedupe_key, due_at)
       VALUES ($1, $2, 'sms', '+4520304050', 'test', 'Svar her: https://x.dk/svar#Tok3n_abcdefghijklmnop', 'Test', NULL, $3, $4) RETURNING id`,
      [server.municipality.id, citizenId, key, new Date(server.clock.now.getTime() - minutesAgo * 60_000).toISOString()])).rows[0]!.id;
  }
  const row = async (id: string) => (await server.db.owner.query<{ status: string; attempts: number; error: string | null; claimed_at: Date | null; body: string }>(
    'SELECT status, attempts, error, claimed_at, body FROM notification_outbox WHERE municipality_id = $1 AND id = $2', [server.municipality.id, id])).rows[0]!;

  it('has committed the claim before the notifier is called, so no row lock is held while sending', async () => {
    const id = await queue('claim-1');
    let seenDuringSend: { claimed_at: Date | null; attempts: number } | undefined;
    const notifier: Notifier = {
      name: 'peek', channels: ['sms'],
      async send() {
        // Another connection sees the claim: it was committed before sending began.
        seenDuringSend = await row(id);
        return { reference: 'peek-1' };
      },
    };
    assert.deepEqual(await dispatchOutbox(server.db, server.municipality.id, server.clock.now, notifier, { ids: [id] }), { sent: 1, failed: 0 });
    assert.ok(seenDuringSend?.claimed_at, 'claimed while sending');
    assert.equal(seenDuringSend?.attempts, 1);
    const done = await row(id);
    assert.deepEqual([done.status, done.claimed_at, done.attempts], ['sent', null, 1]);
  });

  it('keeps a message the provider refused for a retry, with the error recorded', async () => {
    const id = await queue('refused-1');
    const down: Notifier = { name: 'down', channels: ['sms'], async send() { throw new Error('gateway 503'); } };
    assert.deepEqual(await dispatchOutbox(server.db, server.municipality.id, server.clock.now, down, { ids: [id] }), { sent: 0, failed: 1 });
    const r = await row(id);
    assert.deepEqual([r.status, r.attempts, r.error, r.claimed_at], ['pending', 1, 'gateway 503', null]);
  });

  it('never sends again a message whose sending was interrupted (claimed, outcome never recorded): it is marked failed for staff', async () => {
    const id = await queue('crashed-1');
    await server.db.owner.query(`UPDATE notification_outbox SET claimed_at = $2, claim_id = gen_random_uuid(), attempts = 1 WHERE id = $1`,
      [id, new Date(server.clock.now.getTime() - 20 * 60_000).toISOString()]);
    const sent: string[] = [];
    const n: Notifier = { name: 'rec', channels: ['sms'], async send(m) { sent.push(m.id); return { reference: 'r' }; } };
    await dispatchOutbox(server.db, server.municipality.id, server.clock.now, n);
    assert.ok(!sent.includes(id), 'not sent a second time');
    const r = await row(id);
    assert.deepEqual([r.status, r.error, r.claimed_at], ['failed', UNKNOWN_OUTCOME, null]);
    assert.match(r.body, /svar#\[fjernet\]/);
  });

  it('sends each message once when two dispatchers run at the same time', async () => {
    const ids = await Promise.all(['c-1', 'c-2', 'c-3', 'c-4'].map((k) => queue(k)));
    const sent: string[] = [];
    const n: Notifier = { name: 'rec', channels: ['sms'], async send(m) { sent.push(m.id); await new Promise((r) => setTimeout(r, 20)); return { reference: m.id }; } };
    const [a, b] = await Promise.all([dispatchOutbox(server.db, server.municipality.id, server.clock.now, n, { ids }), dispatchOutbox(server.db, server.municipality.id, server.clock.now, n, { ids })]);
    assert.equal(a.sent + b.sent, 4);
    assert.deepEqual([...sent].sort(), [...ids].sort());
  });
  it('lists runs that started at the same instant newest first, in the order they were recorded', async () => {
    const at = '2030-01-01T02:00:00.000Z';
    const runners = Array.from({ length: 12 }, (_, i) => `same-instant:${i}`);
    for (const runner of runners) {
      await server.db.owner.query(`INSERT INTO job_run (municipality_id, job, trigger, status, started_at, finished_at, runner) VALUES ($1, 'same-instant', 'api', 'ok', $2, $2, $3)`,
        [server.municipality.id, at, runner]);
    }
    const listed = await server.db.tenantTransaction(server.municipality.id, (tx) => listRuns(tx, { job: 'same-instant', limit: 20 }));
    assert.deepEqual(listed.map((r) => r.runner), [...runners].reverse());
  });
});
