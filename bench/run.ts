/**
 * npm run bench — measures, on a real PostgreSQL server:
 *  1. how fast `demo-data` writes referrals with their whole courses (bulk COPY path);
 *  2. how long the equity-cascade group-by over pathway_fact takes for 1,000,000 referrals in one
 *     municipality, run as the application role under row-level security, as dashboards run it.
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/ligevej_bench) is dropped and
 * recreated. BENCH_CITIZENS (default 50000) and BENCH_FACTS (default 1000000) set the sizes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { createCprVault } from '../src/citizens/cpr-vault.ts';
import { loadDemoData } from '../src/demo/load.ts';
import { pathwayFactColumns } from '../src/analytics/pathway-fact.ts';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ligevej_bench';
const citizens = Number(process.env.BENCH_CITIZENS ?? 50_000);
const factTarget = Number(process.env.BENCH_FACTS ?? 1_000_000);
const repeats = 5;

async function recreateDatabase(): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe benchmark database name: ${name}`);
  target.pathname = '/postgres';
  const admin = new pg.Client(target.toString());
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  await admin.end();
  console.log(`PostgreSQL ${version}, fresh database ${name}`);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dimensions = ['education_group', 'labour_market', 'origin', 'living_alone', 'social_housing', 'area_type', 'sex', 'age_band'] as const;
const steps = `count(*) AS referred, count(first_contact_at) AS reached, count(clarified_at) AS clarified, count(started_at) AS started,
  count(*) FILTER (WHERE outcome = 'completed') AS completed, count(followed_up_at) AS followed_up`;
const period = 'referred_at >= $1 AND referred_at < $2';
const queries = {
  /** The equity cascade for one social dimension: counts at every step per group. */
  cascade: (d: string) => `SELECT ${d} AS grp, ${steps} FROM pathway_fact WHERE ${period} GROUP BY 1`,
  /** Every dimension in one scan. */
  allDimensions: () => `SELECT ${dimensions.join(', ')}, ${steps} FROM pathway_fact WHERE ${period} GROUP BY GROUPING SETS (${dimensions.map((d) => `(${d})`).join(', ')})`,
  /** Median and quartiles of days from referral to first contact per group (a sort; not parallel). */
  waitingTimes: (d: string) => `SELECT ${d} AS grp, percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY extract(epoch FROM first_contact_at - referred_at) / 86400) AS days
    FROM pathway_fact WHERE ${period} AND first_contact_at IS NOT NULL GROUP BY 1`,
};

async function main(): Promise<void> {
  await recreateDatabase();
  const db = await openDatabase({ databaseUrl: url });
  await migrate(db);
  const vault = createCprVault(Buffer.alloc(32, 1), Buffer.alloc(32, 2));
  const reference = new Date('2026-11-23T12:00:00Z');

  // 1. demo-data write speed.
  const t0 = performance.now();
  const load = await loadDemoData(db, vault, { municipalities: 1, citizens, seed: 7, referenceDate: reference });
  const seconds = (performance.now() - t0) / 1000;
  const rows = Object.values(load.counts).reduce((s, n) => s + (n ?? 0), 0);
  const write = { citizens, referrals: load.counts.referral ?? 0, rows, seconds: round(seconds, 1), referralsPerSecond: Math.round((load.counts.referral ?? 0) / seconds), rowsPerSecond: Math.round(rows / seconds) };
  console.log(`demo-data: ${write.referrals} referrals, ${rows} rows in ${write.seconds} s = ${write.referralsPerSecond} referrals/s (${write.rowsPerSecond} rows/s)`);

  // 2. A municipality with factTarget fact rows: the simulated facts repeated with fresh ids.
  const source = load.municipalities[0]!.id;
  const big = (await db.owner.query<{ id: string }>(`INSERT INTO municipality (code, name, sor_code) VALUES ('bench', 'Benchmark Kommune', '0') RETURNING id`)).rows[0]!.id;
  const copies = Math.ceil(factTarget / (load.counts.referral ?? 1));
  const cols = pathwayFactColumns.filter((c) => c !== 'referral_id' && c !== 'municipality_id');
  const t1 = performance.now();
  await db.owner.query(
    `INSERT INTO pathway_fact (referral_id, municipality_id, ${cols.join(', ')})
     SELECT gen_random_uuid(), $1, ${cols.join(', ')} FROM pathway_fact, generate_series(1, $3) WHERE municipality_id = $2 LIMIT $4`,
    [big, source, copies, factTarget]);
  await db.owner.query('ANALYZE pathway_fact');
  const n = (await db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM pathway_fact WHERE municipality_id = $1', [big])).rows[0]!.n;
  console.log(`pathway_fact: ${n} rows in the benchmark municipality (filled in ${round((performance.now() - t1) / 1000, 1)} s)`);

  const range = [new Date('2024-11-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z')];
  const timed = async (sql: string): Promise<number> => {
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const t = performance.now();
      await db.tenantTransaction(big, (tx) => tx.query(sql, range));
      times.push(performance.now() - t);
    }
    return round(median(times), 0);
  };
  const groupBy: Record<string, number> = {};
  const waiting: Record<string, number> = {};
  for (const d of dimensions) {
    groupBy[d] = await timed(queries.cascade(d));
    waiting[d] = await timed(queries.waitingTimes(d));
    console.log(`${d.padEnd(16)} cascade ${groupBy[d]} ms, waiting-time quartiles ${waiting[d]} ms (median of ${repeats})`);
  }
  const allDimensions = await timed(queries.allDimensions());
  console.log(`all ${dimensions.length} dimensions in one GROUPING SETS scan: ${allDimensions} ms (median of ${repeats})`);
  await db.close();

  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: round(totalmem() / 2 ** 30, 0), node: process.version };
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/results.json', JSON.stringify({ when: new Date().toISOString(), machine, write, facts: n, cascadeMs: groupBy, waitingTimeMs: waiting, allDimensionsMs: allDimensions }, null, 2));
  console.log('Results in bench/out/results.json');
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error && /ECONNREFUSED/.test(err.message) ? `No PostgreSQL at ${url}: the benchmarks need a server (set BENCH_DATABASE_URL).` : err);
  process.exitCode = 1;
});
