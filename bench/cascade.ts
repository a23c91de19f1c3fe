/**
 * node bench/cascade.ts — how fast the equity endpoints answer for the demo municipality
 * (2,000 citizens, as `npm start` creates it) on embedded PGlite, through the whole HTTP stack
 * (Fastify inject: routing, session, zod validation and serialisation, tenant transaction with RLS).
 * Logged in as the demo manager, so small-cell suppression runs too. Prints p50/p95 per endpoint.
 * BENCH_REPEATS (default 5) sets how often each request is repeated.
 */
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { createCprVault } from '../src/citizens/cpr-vault.ts';
import { DEMO_PASSWORD, loadDemoData } from '../src/demo/load.ts';
import { buildApp } from '../src/http/app.ts';
import { equityDimensionKeys } from '../src/analytics/equity-dimensions.ts';
import { codeByDisplay } from '../src/domain/terminology.ts';
import type { Config } from '../src/config.ts';

const reference = new Date('2026-06-30T12:00:00Z');
const repeats = Number(process.env.BENCH_REPEATS ?? 5);

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
};

async function main(): Promise<void> {
  const db = await openDatabase({});
  await migrate(db);
  const vault = createCprVault(Buffer.alloc(32, 1), Buffer.alloc(32, 2));
  const t0 = performance.now();
  const load = await loadDemoData(db, vault, { municipalities: 1, citizens: 2000, seed: 119, referenceDate: reference });
  console.log(`demo municipality: ${load.counts.referral} referrals loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s (PGlite, in memory)`);
  const config = { databaseUrl: undefined, dataDir: '/nonexistent', host: '127.0.0.1', port: 0, cprEncryptionKey: Buffer.alloc(32, 1), cprLookupKey: Buffer.alloc(32, 2), developmentKeys: true, sessionHours: 8, secureCookies: false } satisfies Config;
  const app = await buildApp({ db, config, vault, clock: () => reference });
  const manager = load.municipalities[0]!.logins.find((l) => l.role === 'manager')!.username;
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: manager, password: DEMO_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const clinician = load.municipalities[0]!.logins.find((l) => l.role === 'clinician')!.username;
  const clinicianLogin = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: clinician, password: DEMO_PASSWORD } });
  if (clinicianLogin.statusCode !== 200) throw new Error(`login: ${clinicianLogin.statusCode} ${clinicianLogin.body}`);
  const clinicianCookie = String(clinicianLogin.headers['set-cookie']).split(';')[0]!;

  // The API allows 600 requests a minute per client; pause (untimed) before reaching it.
  let sent = 1;
  let windowStart = performance.now();
  const get = async (url: string, as = cookie): Promise<number> => {
    if (++sent >= 550) {
      await new Promise((r) => setTimeout(r, Math.max(0, 61_000 - (performance.now() - windowStart))));
      sent = 0;
      windowStart = performance.now();
    }
    const t = performance.now();
    const res = await app.inject({ method: 'GET', url, headers: { cookie: as } });
    const ms = performance.now() - t;
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return ms;
  };
  const periods = ['from=2025-07-01&to=2026-06-30', 'from=2024-07-01&to=2026-06-30'];
  const filters = ['', '&diagnosisGroup=type2_diabetes', '&sex=female&ageBand=60-69', `&referralSource=${codeByDisplay('referralSources', 'Egen læge/vagtlæge')}`, '&labourMarket=employed'];
  const cascadeUrls = periods.flatMap((p) => equityDimensionKeys.flatMap((d) => filters.flatMap((f) => ['previous', 'referred'].map((b) => `/api/equity/cascade?${p}&dimension=${d}&base=${b}${f}`))));
  for (const url of cascadeUrls.slice(0, 20)) await get(url); // warm-up: JIT, plan caches

  const results: Record<string, { n: number; p50: number; p95: number; max: number }> = {};
  const measure = async (name: string, urls: string[], as = cookie) => {
    const times: number[] = [];
    for (let r = 0; r < repeats; r++) for (const url of urls) times.push(await get(url, as));
    results[name] = { n: times.length, p50: round(percentile(times, 0.5)), p95: round(percentile(times, 0.95)), max: round(Math.max(...times)) };
    console.log(`${name.padEnd(28)} n=${String(times.length).padStart(4)}  p50 ${results[name]!.p50} ms  p95 ${results[name]!.p95} ms  max ${results[name]!.max} ms`);
  };
  await measure('cascade (any filter)', cascadeUrls);
  const dimensionUrls = (path: string) => periods.flatMap((p) => equityDimensionKeys.map((d) => `${path}?${p}&dimension=${d}`));
  await measure('waiting times', dimensionUrls('/api/equity/waiting-times'));
  await measure('drop-out reasons', dimensionUrls('/api/equity/dropout-reasons'));
  await measure('effects (10 measures, end)', dimensionUrls('/api/equity/effects'));
  await measure('effects (10, follow-up)', dimensionUrls('/api/equity/effects').map((u) => `${u}&timePoint=follow_up`));
  await measure('run chart (6 indicators)', periods.flatMap((p) => ['contact_within_10_days', 'start_within_42_days', 'completion', 'follow_up_of_completers', 'who5_measured_at_end', 'who5_improved']
    .map((k) => `/api/quality/indicators/${k}/run-chart?${p}`)));
  // Drill-down lists behind cascade cells the manager sees (a hidden one would be refused): for each
  // dimension its first group at "referred", "started" and "completed", over the last 12 months.
  const cells: string[] = [];
  for (const d of equityDimensionKeys) {
    const res = await app.inject({ method: 'GET', url: `/api/equity/cascade?${periods[0]}&dimension=${d}`, headers: { cookie } });
    const group = (JSON.parse(res.body) as { groups: { value: string; counts: { step: string; count: number | null; hidden: string | null }[] }[] }).groups[0]!;
    for (const c of group.counts.filter((x) => ['referred', 'started', 'completed'].includes(x.step) && x.hidden === null && x.count)) {
      cells.push(`/api/equity/drill-down?${periods[0]}&dimension=${d}&group=${group.value}&step=${c.step}`);
    }
  }
  await measure('drill-down (pseudonymised)', cells);
  await measure('drill-down (named, audited)', cells, clinicianCookie);
  console.log(JSON.stringify({ when: new Date().toISOString(), node: process.version, engine: db.engine, referrals: load.counts.referral, results }, null, 2));
  await app.close();
  await db.close();
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
