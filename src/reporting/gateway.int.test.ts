import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { startTestServer, type TestServer } from '../../test/support/harness.ts';
import { conversationStep, createReferral, freshCpr, steps } from '../../test/support/fixtures.ts';
import type { Actor } from '../audit/audit-log.ts';
import { gatewayClient } from './gateway-client.ts';
import type { GatewayConfig } from './gateway-config.ts';
import { runReports } from './report-run.ts';
import { sendPending } from './send.ts';
import { validateReport } from './validate/validate.ts';
import type { Json } from './validate/issues.ts';
import { rejectWith, startTestGateway, type Handler, type Seen, type TestGateway } from './testdata/mtls-gateway.ts';

describe('KL Gateway report runs, sending over mutual TLS, and the staff API', () => {
  let server: TestServer;
  let gateway: TestGateway;
  let config: GatewayConfig;
  let actor: Actor;
  let seen: Seen[];
  let next: Handler[];
  let nurse: Awaited<ReturnType<TestServer['login']>>;
  let citizen: { id: string };
  let cpr: string;
  let referral: { id: string; version: number };
  const run = () => runReports(server.db, server.vault, actor, server.clock.now);
  const send = (overrides: Partial<GatewayConfig> = {}) => sendPending(server.db, server.vault, gatewayClient({ ...config, ...overrides }), server.municipality.id, () => server.clock.now);
  const reports = (status?: string) => server.db.tenantTransaction(server.municipality.id, async (tx) => (await tx.query<{ id: string; status: string; bundle_encrypted: string; attempts: number; rejection_reason: string | null }>(
    `SELECT id, status, bundle_encrypted, attempts, rejection_reason FROM kl_report WHERE $1::text IS NULL OR status = $1 ORDER BY created_at, id`, [status ?? null])).rows);
  const reportOfRun = async (runId: string) => (await server.db.tenantTransaction(server.municipality.id, (tx) =>
    tx.query<{ bundle_encrypted: string }>('SELECT bundle_encrypted FROM kl_report WHERE run_id = $1', [runId]))).rows;
  const bundleOf = (r: { bundle_encrypted: string }) => JSON.parse(server.vault.decrypt(r.bundle_encrypted)) as { id: string; entry: { fullUrl: string; resource: Record<string, any> }[] };

  before(async () => {
    gateway = await startTestGateway();
    ({ config, seen, next } = gateway);
    server = await startTestServer();
    nurse = await server.login('clinician');
    actor = { userId: nurse.userId, role: 'clinician', municipalityId: server.municipality.id };
    cpr = freshCpr();
    citizen = (await nurse.post('/api/citizens', { cpr, givenName: 'Anna', familyName: 'Test' })).body;
    referral = await createReferral(nurse, citizen.id, '2026-02-20T08:00:00Z');
    referral.version = await steps(nurse, referral.id, referral.version, [
      ['contact-attempts', { attemptedAt: '2026-02-23T09:00:00Z', channel: 'phone', outcome: 'reached' }],
      conversationStep('2026-02-26T09:00:00Z'),
    ]);
  });
  after(async () => {
    await server.close();
    await gateway.close();
  });

  it('makes one valid report per citizen with news, and none when nothing changed', async () => {
    const first = await run();
    assert.equal(first.reports, 1);
    assert.equal(first.invalid, 0);
    const [report] = await reports();
    assert.equal(report!.status, 'pending');
    const bundle = bundleOf(report!);
    assert.equal(bundle.id, report!.id);
    assert.deepEqual(validateReport(bundle as unknown as Json), []);
    assert.ok(bundle.entry.some((e) => e.fullUrl === `ServiceRequest/${referral.id}`));
    assert.equal((await run()).reports, 0, 'the same change is already queued');
  });

  it('sends over mutual TLS with the report id as idempotency key; an accepted report is the new baseline', async () => {
    const result = await send();
    assert.deepEqual(result, { sent: 1, accepted: 1, rejected: 0, failed: 0 });
    const [report] = await reports();
    assert.equal(report!.status, 'accepted');
    const last = seen.at(-1)!;
    assert.equal(last.key, report!.id);
    assert.equal(last.clientName, 'Testkommune', 'the gateway saw our client certificate');
    assert.equal(last.contentType, 'application/fhir+json');
    assert.equal(JSON.parse(last.body).id, report!.id);
    assert.equal((await run()).reports, 0, 'nothing changed since the accepted report');
  });

  it('reports a correction as entered-in-error with what refers to it, and leaves unchanged resources out', async () => {
    const course = (await nurse.get(`/api/referrals/${referral.id}/course`)).body;
    const diagnosis = course.referral.diagnoses[0];
    assert.equal((await nurse.post(`/api/diagnoses/${diagnosis.id}/entered-in-error`, { version: diagnosis.version })).status, 200);
    const made = await run();
    assert.equal(made.reports, 1);
    const rows = await reportOfRun(made.id);
    assert.equal(rows.length, 1);
    const bundle = bundleOf(rows[0]!);
    const condition = bundle.entry.find((e) => e.fullUrl === `Condition/${diagnosis.id}`)!.resource;
    assert.equal(condition.verificationStatus.coding[0].code, 'entered-in-error');
    assert.deepEqual(bundle.entry.map((e) => e.fullUrl), [`Patient/${citizen.id}`, `Condition/${diagnosis.id}`], 'only the change and the citizen; the unchanged referral and conversation are not sent again');
    assert.deepEqual(validateReport(bundle as unknown as Json), []);
  });

  it('stores a rejection with the gateway\'s reason (CPR masked) and shows it to staff with the citizen', async () => {
    next.push(rejectWith('Bundle.entry[3].resource', `Ukendt borger ${cpr.replace('-', '')}`));
    assert.deepEqual(await send(), { sent: 1, accepted: 0, rejected: 1, failed: 0 });
    const coordinator = await server.login('coordinator');
    const listed = await coordinator.get('/api/kl-gateway/reports?status=rejected');
    assert.equal(listed.status, 200);
    assert.equal(listed.body.reports.length, 1);
    const rejected = listed.body.reports[0];
    assert.equal(rejected.citizen.id, citizen.id);
    assert.equal(rejected.citizen.name, 'Anna Test');
    assert.equal(rejected.citizen.cpr, `${cpr.slice(0, 6)}-xxxx`);
    assert.match(rejected.reason, /^Bundle\.entry\[3\]\.resource: Ukendt borger \d{6}-xxxx$/);
    assert.doesNotMatch(JSON.stringify(listed.body), new RegExp(cpr.slice(7)));
    const runs = await coordinator.get('/api/kl-gateway/runs');
    assert.equal(runs.body.runs[0].rejected + runs.body.runs[1].rejected + runs.body.runs[2].rejected + runs.body.runs[3].rejected, 1);
    assert.equal(runs.body.sendingEnabled, false, 'sending is off unless configured');
    const manager = await server.login('manager');
    assert.equal((await manager.get('/api/kl-gateway/reports?status=rejected')).status, 403, 'managers see runs, not citizens');
    assert.equal((await manager.get('/api/kl-gateway/runs')).status, 200);
  });

  it('resends the same report with the same key after a lost answer and a 503, then accepts', async () => {
    assert.equal((await nurse.post(`/api/referrals/${referral.id}/conditions`, { recordedOn: '2026-02-26', conditions: [{ code: 'febbd20d-f5ff-41e7-bf12-dfa0700678e0' }] })).status, 201);
    const made = await run();
    assert.equal(made.reports, 1, 'changed since the last accepted report: the rejected change and the new condition');
    next.push((req: IncomingMessage) => req.socket.destroy(), (_req, res) => { res.writeHead(503); res.end(); });
    const before = seen.length;
    assert.deepEqual(await send(), { sent: 1, accepted: 1, rejected: 0, failed: 0 });
    const tries = seen.slice(before);
    assert.equal(tries.length, 3);
    assert.equal(new Set(tries.map((s) => s.key)).size, 1);
    assert.equal(new Set(tries.map((s) => s.body)).size, 1, 'a resend is the identical report');
    assert.equal((await reports('accepted')).find((r) => r.id === tries[0]!.key)!.attempts, 3);
  });

  it('keeps a report the gateway did not answer as failed, and sends it again next time', async () => {
    await nurse.post(`/api/referrals/${referral.id}/conditions`, { recordedOn: '2026-02-27', conditions: [{ code: 'f1f1eee3-a3ea-4ca1-bfa9-ebb381af1a1f' }] });
    assert.equal((await run()).reports, 1);
    next.push(() => undefined, () => undefined);
    assert.deepEqual(await send({ timeoutMs: 300, attempts: 2 }), { sent: 1, accepted: 0, rejected: 0, failed: 1 });
    const [failed] = await reports('failed');
    assert.equal(failed!.rejection_reason, 'timeout');
    assert.deepEqual(await send(), { sent: 1, accepted: 1, rejected: 0, failed: 0 });
  });

  it('cannot deliver without the client certificate', async () => {
    await nurse.post(`/api/referrals/${referral.id}/conditions`, { recordedOn: '2026-02-28', conditions: [{ code: 'f715168e-125b-4d00-8e93-2ca4147ed13f' }] });
    await run();
    const before = seen.length;
    const result = await send({ certFile: undefined, keyFile: undefined, attempts: 1 });
    assert.equal(result.failed, 1);
    assert.equal(seen.length, before, 'the gateway never saw the request');
  });

  it('lets a coordinator start a run over the API; sending stays off when not configured', async () => {
    const coordinator = await server.login('coordinator');
    const res = await coordinator.post('/api/kl-gateway/runs', { send: true });
    assert.equal(res.status, 201);
    assert.equal(res.body.send, null);
    assert.equal((await nurse.post('/api/kl-gateway/runs', {})).status, 403);
  });
});
