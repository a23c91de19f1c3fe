import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../../test/support/harness.ts';
import { conversationStep, createReferral, freshCpr, steps } from '../../test/support/fixtures.ts';
import { developmentNotifier } from '../notifier/notifier.ts';
import { runJobsOnce, type RunnerContext } from '../jobs/runner.ts';
import { defaultJobSettings } from '../jobs/schedule.ts';
import { gatewayClient } from './gateway-client.ts';
import { sendPending } from './send.ts';
import { rejectWith, startTestGateway, type TestGateway } from './testdata/mtls-gateway.ts';

/**
 * The scheduler's KL Gateway job against a local gateway over mutual TLS: build only while sending is
 * off, then each changed citizen's report sent once, an unchanged citizen never again, a rejection
 * recorded and shown to staff, nothing with the same content sent twice, and the runs recorded.
 */
describe('the KL Gateway job in the scheduler', () => {
  let server: TestServer;
  let gateway: TestGateway;
  let ctx: RunnerContext;
  const citizens: Record<string, { id: string; cpr: string; referralId: string }> = {};
  const mine = () => ({ municipalityIds: [server.municipality.id], jobs: ['kl-gateway' as const] });
  const at = (iso: string) => { server.clock.now = new Date(iso); };
  const keysSeen = () => gateway.seen.map((s) => s.key);
  const reportsOf = async (citizenId: string) => (await server.db.tenantTransaction(server.municipality.id, (tx) => tx.query<{ id: string; status: string }>(
    'SELECT id, status FROM kl_report WHERE citizen_id = $1 ORDER BY created_at, id', [citizenId]))).rows;
  const runJob = async (sending: boolean) => {
    const results = await runJobsOnce({ ...ctx, reporting: { vault: server.vault, gateway: { ...gateway.config, enabled: sending } } }, { ...mine(), onlyDue: true, trigger: 'scheduler' });
    assert.equal(results.length, 1, 'the job was due');
    assert.equal(results[0]!.status, 'ok', results[0]!.error ?? '');
    return results[0]!.counts;
  };

  before(async () => {
    gateway = await startTestGateway();
    server = await startTestServer(); // Monday 2 March 2026, 10:00 in Copenhagen
    ctx = { db: server.db, notifier: developmentNotifier(() => undefined), settings: defaultJobSettings, clock: () => server.clock.now };
    const nurse = await server.login('clinician');
    for (const given of ['Anna', 'Bent']) {
      const cpr = freshCpr();
      const citizen = (await nurse.post('/api/citizens', { cpr, givenName: given, familyName: 'Natløb' })).body as { id: string };
      const referral = await createReferral(nurse, citizen.id, '2026-02-20T08:00:00Z');
      await steps(nurse, referral.id, referral.version, [
        ['contact-attempts', { attemptedAt: '2026-02-23T09:00:00Z', channel: 'phone', outcome: 'reached' }],
        conversationStep('2026-02-26T09:00:00Z'),
      ]);
      citizens[given] = { id: citizen.id, cpr, referralId: referral.id };
    }
  });
  after(async () => {
    await server?.close();
    await gateway?.close();
  });

  it('runs at night only, builds without sending while sending is off, then sends each changed citizen once', async () => {
    const daytime = await runJobsOnce({ ...ctx, reporting: { vault: server.vault, gateway: gateway.config } }, { ...mine(), onlyDue: true, trigger: 'scheduler' });
    assert.deepEqual(daytime, [], 'not due at 10:00: the job runs between 01:00 and 05:00');

    at('2026-03-03T01:30:00Z'); // 02:30 in Copenhagen
    assert.deepEqual(await runJob(false), { reports: 2, invalid: 0 }, 'sending off: built and validated, not sent');
    assert.equal(gateway.seen.length, 0);
    assert.deepEqual((await reportsOf(citizens.Anna!.id)).map((r) => r.status), ['pending']);

    at('2026-03-03T03:00:00Z');
    assert.deepEqual(await runJobsOnce({ ...ctx, reporting: { vault: server.vault, gateway: gateway.config } }, { ...mine(), onlyDue: true, trigger: 'scheduler' }), [],
      'once a night: not again two hours later');

    at('2026-03-04T01:00:00Z');
    assert.deepEqual(await runJob(true), { reports: 0, invalid: 0, sent: 2, accepted: 2, rejected: 0, failed: 0 }, 'the queued reports go out, none is built again');
    const anna = await reportsOf(citizens.Anna!.id);
    const bent = await reportsOf(citizens.Bent!.id);
    assert.deepEqual([...anna, ...bent].map((r) => r.status), ['accepted', 'accepted']);
    assert.deepEqual(keysSeen().sort(), [anna[0]!.id, bent[0]!.id].sort(), 'each report once, with its id as idempotency key');
    assert.ok(gateway.seen.every((s) => s.clientName === 'Testkommune'), 'over mutual TLS');
  });

  it('sends only the changed citizen the next night, records the gateway\'s rejection and shows it to staff, and never sends the same content twice', async () => {
    at('2026-03-04T12:00:00Z');
    const nurse = await server.login('clinician');
    assert.equal((await nurse.post(`/api/referrals/${citizens.Anna!.referralId}/conditions`, { recordedOn: '2026-03-04', conditions: [{ code: 'febbd20d-f5ff-41e7-bf12-dfa0700678e0' }] })).status, 201);
    gateway.next.push(rejectWith('Bundle.entry[2].resource', `Ukendt borger ${citizens.Anna!.cpr.replace('-', '')}`));
    const before = gateway.seen.length;

    at('2026-03-05T01:00:00Z');
    assert.deepEqual(await runJob(true), { reports: 1, invalid: 0, sent: 1, accepted: 0, rejected: 1, failed: 0 });
    const sent = gateway.seen.slice(before);
    const anna = await reportsOf(citizens.Anna!.id);
    assert.deepEqual(anna.map((r) => r.status), ['accepted', 'rejected']);
    assert.deepEqual(sent.map((s) => s.key), [anna[1]!.id], 'only Anna changed; Bent is not sent again');
    assert.equal((await reportsOf(citizens.Bent!.id)).length, 1);

    const coordinator = await server.login('coordinator');
    const rejected = await coordinator.get('/api/kl-gateway/reports?status=rejected');
    assert.equal(rejected.status, 200);
    assert.deepEqual(rejected.body.reports.map((r: { citizen: { id: string; name: string; cpr: string }; reason: string }) => [r.citizen.id, r.citizen.name, r.citizen.cpr, r.reason]),
      [[citizens.Anna!.id, 'Anna Natløb', `${citizens.Anna!.cpr.slice(0, 6)}-xxxx`, `Bundle.entry[2].resource: Ukendt borger ${citizens.Anna!.cpr.slice(0, 6)}-xxxx`]]);

    // The next night nothing has changed: the rejected content is not built or sent again, nor is anyone else.
    at('2026-03-06T01:00:00Z');
    assert.deepEqual(await runJob(true), { reports: 0, invalid: 0, sent: 0, accepted: 0, rejected: 0, failed: 0 });
    assert.equal(gateway.seen.length, before + 1);
    assert.equal((await reportsOf(citizens.Anna!.id)).length, 2);
  });

  it('sends a queued report once when two senders (the job and a staff member) run at the same time', async () => {
    const nurse = await server.login('clinician');
    assert.equal((await nurse.post(`/api/referrals/${citizens.Bent!.referralId}/conditions`, { recordedOn: '2026-03-06', conditions: [{ code: 'f1f1eee3-a3ea-4ca1-bfa9-ebb381af1a1f' }] })).status, 201);
    at('2026-03-07T01:00:00Z');
    assert.deepEqual(await runJob(false), { reports: 1, invalid: 0 });
    const before = gateway.seen.length;
    const send = () => sendPending(server.db, server.vault, gatewayClient(gateway.config), server.municipality.id, () => server.clock.now);
    const [a, b] = await Promise.all([send(), send()]);
    assert.equal(a.sent + b.sent, 1, 'the second sender found the report claimed');
    assert.equal(gateway.seen.length, before + 1);
    assert.deepEqual((await reportsOf(citizens.Bent!.id)).map((r) => r.status), ['accepted', 'accepted']);
  });

  it('shows the job\'s runs on the scheduled-jobs page and its latest run on the KL Gateway page', async () => {
    const coordinator = await server.login('coordinator');
    const jobs = await coordinator.get('/api/jobs/runs?job=kl-gateway');
    assert.equal(jobs.status, 200, JSON.stringify(jobs.body));
    assert.deepEqual(jobs.body.runs.map((r: { trigger: string; status: string; counts: Record<string, number> }) => [r.trigger, r.status, r.counts.reports]),
      [['scheduler', 'ok', 1], ['scheduler', 'ok', 0], ['scheduler', 'ok', 1], ['scheduler', 'ok', 0], ['scheduler', 'ok', 2]]);
    assert.deepEqual(jobs.body.jobs.find((j: { name: string }) => j.name === 'kl-gateway'), {
      name: 'kl-gateway', label: { da: 'Indberet §119-forløb til KL Gateway', en: 'Report §119 pathways to KL Gateway' }, everyMinutes: 720, citizenFacing: false,
    });

    // A staff member runs it now; the test server has sending off, so it builds and records only.
    const now = await coordinator.post('/api/jobs/kl-gateway/run', {});
    assert.equal(now.status, 200, JSON.stringify(now.body));
    assert.deepEqual(now.body, { job: 'kl-gateway', status: 'ok', counts: { reports: 0, invalid: 0 }, error: null });

    const page = await (await server.login('clinician')).get('/api/kl-gateway/runs');
    assert.equal(page.status, 200);
    assert.equal(page.body.job.lastRun.trigger, 'api');
    assert.equal(page.body.job.lastRun.status, 'ok');
    assert.deepEqual(page.body.job.lastRun.counts, { reports: 0, invalid: 0 });
    assert.deepEqual([page.body.job.everyMinutes, page.body.job.hours, page.body.job.schedulerEnabled], [720, { from: 1, to: 5 }, false]);
  });
});
