import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { createCprVault } from '../citizens/cpr-vault.ts';
import { loadDemoData } from '../demo/load.ts';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const keys = { LIGEVEJ_CPR_KEY: Buffer.alloc(32, 3).toString('base64'), LIGEVEJ_CPR_LOOKUP_KEY: Buffer.alloc(32, 4).toString('base64') };

/** Runs the real `ligevej` CLI as a child process on the pinned Node; never throws on a non-zero exit. */
async function ligevej(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(join(root, 'node_modules/.bin/node'), ['src/cli/main.ts', ...args], { cwd: root, env: { ...process.env, ...keys, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('ligevej kl-gateway export and validate (CLI, demo population)', () => {
  let dir: string;
  let env: Record<string, string>;
  let code: string;
  let files: string[];
  const out = () => join(dir, 'out');

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ligevej-kl-'));
    env = { LIGEVEJ_DATA_DIR: dir };
    const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: join(dir, 'pglite') });
    await migrate(db);
    const result = await loadDemoData(db, createCprVault(Buffer.alloc(32, 3), Buffer.alloc(32, 4)),
      { municipalities: 1, citizens: 300, seed: 23, referenceDate: new Date('2026-11-23T12:00:00Z') });
    code = result.municipalities[0]!.code;
    await db.close();
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('exports one report per citizen with activity and a summary with counts', async () => {
    const r = await ligevej(env, 'kl-gateway', 'export', '--from', '2024-01-01', '--to', '2026-12-31', '--out', out(), '--municipality', code);
    assert.equal(r.code, 0, r.stderr);
    const summary = JSON.parse(await readFile(join(out(), 'summary.json'), 'utf8'));
    assert.equal(summary.reports, 300);
    assert.equal(summary.invalid, 0);
    assert.equal(summary.resources.Patient, 300);
    assert.ok(summary.resources.CarePlan > 0 && summary.resources.Encounter > 0 && summary.resources.ServiceRequest >= 300);
    files = (await readdir(out())).filter((f) => f !== 'summary.json').map((f) => join(out(), f));
    assert.equal(files.length, 300);
  });

  it('validates every exported report: 100 % valid, exit 0, nothing printed', async () => {
    const r = await ligevej(env, 'kl-gateway', 'validate', ...files);
    assert.equal(r.stdout, '');
    assert.equal(r.code, 0);
  });

  it('names file, element path and rule for a broken report, exits non-zero, and never prints a CPR number', async () => {
    type Entry = { resource: { resourceType: string; category?: unknown } };
    const reports = await Promise.all(files.map(async (f) => JSON.parse(await readFile(f, 'utf8'))));
    const report = reports.find((b) => b.entry.some((e: Entry) => e.resource.resourceType === 'CarePlan' && e.resource.category))!;
    const other = files[reports.indexOf(report) === 0 ? 1 : 0]!;
    const cpr: string = report.entry[0].resource.identifier[0].value;
    report.entry[0].resource.identifier[0].value = `32${cpr.slice(2)}`;
    const pathway = report.entry.findIndex((e: Entry) => e.resource.resourceType === 'CarePlan' && e.resource.category);
    const broken = join(dir, 'broken.json');
    const detail = report.entry[pathway].resource.activity[0].detail;
    detail.status = detail.statusReason ? 'completed' : 'stopped';
    await writeFile(broken, JSON.stringify(report));
    const r = await ligevej(env, 'kl-gateway', 'validate', other, broken);
    assert.equal(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    assert.ok(lines.includes(`${broken}: Bundle.entry[0].resource.identifier[0].value: citizen.cpr`), r.stdout);
    assert.ok(lines.includes(`${broken}: Bundle.entry[${pathway}].resource.activity[0].detail.statusReason: klgateway-119-care-plan-1`), r.stdout);
    assert.ok(lines.every((l) => l.startsWith(`${broken}: `)), 'the valid file has no lines');
    assert.doesNotMatch(r.stdout + r.stderr, new RegExp(cpr.slice(2)));

    const json = await ligevej({ ...env, LIGEVEJ_LANG: 'en' }, 'kl-gateway', 'validate', '--json', other, broken);
    assert.equal(json.code, 1);
    const parsed = JSON.parse(json.stdout) as { files: { file: string; valid: boolean; issues: { path: string; rule: string; message: string }[] }[] };
    assert.deepEqual(parsed.files.map((f) => [f.file, f.valid]), [[other, true], [broken, false]]);
    const issue = parsed.files[1]!.issues.find((i) => i.rule === 'citizen.cpr')!;
    assert.deepEqual(Object.keys(issue).sort(), ['message', 'path', 'rule']);
    assert.match(issue.message, /CPR number must be 10 digits/);
    assert.doesNotMatch(json.stdout, new RegExp(cpr.slice(2)));
  });

  it('runs the scheduler\'s KL Gateway job from cron: every demo citizen reported valid once, nothing again on a second run', async () => {
    const first = await ligevej(env, 'jobs', 'run', '--job', 'kl-gateway', '--municipality', code);
    assert.equal(first.code, 0, first.stderr);
    const m = /^kl-gateway\t\S+\tok\treports=(\d+) invalid=(\d+)\n$/.exec(first.stdout);
    assert.ok(m, first.stdout);
    assert.equal(Number(m[1]), 300, 'sending is off: every citizen\'s report is built and queued');
    assert.equal(Number(m[2]), 0);
    const second = await ligevej(env, 'jobs', 'run', '--job', 'kl-gateway', '--municipality', code);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /^kl-gateway\t\S+\tok\treports=0 invalid=0\n$/, 'the same content is already queued');
  });

  it('treats a file that is not JSON as invalid, and refuses bad dates with exit 2', async () => {
    const junk = join(dir, 'junk.json');
    await writeFile(junk, 'not json');
    const r = await ligevej(env, 'kl-gateway', 'validate', junk);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, `${junk}: Bundle: fhir-r4.json\n`);
    const bad = await ligevej(env, 'kl-gateway', 'export', '--from', '2026-02-30', '--to', '2026-03-01', '--out', out());
    assert.equal(bad.code, 2);
  });
});
