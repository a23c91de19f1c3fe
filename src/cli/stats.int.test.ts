import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs the real command line in a child process, as a user would. */
function ligevej(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['src/cli/main.ts', ...args], { cwd: join(import.meta.dirname, '..', '..') }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('ligevej stats inequality', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);
  const write = (name: string, content: unknown) => writeFile(file(name), typeof content === 'string' ? content : JSON.stringify(content));
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'ligevej-stats-')); });
  after(() => rm(dir, { recursive: true, force: true }));

  it('computes the measures of a hand-worked ordered example, in the shape the issue fixes', async () => {
    // low 5/20, medium 20/40, high 30/40: μ = 0.55; ridits 0.1, 0.4, 0.8 (see src/statistics/inequality.test.ts).
    await write('education.json', {
      dimension: 'education', ordered: true, favourable: true,
      groups: [{ label: 'low', order: 1, n: 20, events: 5 }, { label: 'medium', order: 2, n: 40, events: 20 }, { label: 'high', order: 3, n: 40, events: 30 }],
    });
    const run = await ligevej(['stats', 'inequality', '--input', file('education.json')]);
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(out), ['groups', 'measures']);
    assert.deepEqual(Object.keys(out.groups[0]), ['label', 'n', 'events', 'rate', 'ci_low', 'ci_high', 'difference', 'ratio']);
    assert.deepEqual(Object.keys(out.measures), ['d', 'r', 'sii', 'rii', 'aci', 'rci', 'par', 'paf', 'bgv', 'mdm', 'mdb', 'idis', 'idisw', 'theil', 'mld']);
    const [low, , high] = out.groups;
    assert.equal(low.rate, 0.25);
    assert.ok(Math.abs(low.ci_low - 0.11186170140766569) < 1e-12);
    assert.ok(Math.abs(low.difference.value - -0.5) < 1e-12);
    assert.deepEqual(high.difference, { value: 0, ci_low: null, ci_high: null }, 'the reference group');
    assert.equal(out.measures.d.value, 0.5);
    assert.ok(Math.abs(out.measures.sii.value - 5 / 7.2) < 1e-12);
    assert.ok(Math.abs(out.measures.aci.value - 0.1) < 1e-12);
    assert.ok(Math.abs(out.measures.bgv.value - 0.035) < 1e-12);
    assert.deepEqual(out.measures.rii.ci_low, null);
  });

  it('writes the result to --output, and gives null (never NaN) where a measure is undefined', async () => {
    await write('unordered.json', { dimension: 'origin', ordered: false, favourable: true, groups: [{ label: 'a', n: 10, events: 0 }, { label: 'b', n: 0, events: 0 }] });
    const run = await ligevej(['stats', 'inequality', '--input', file('unordered.json'), '--output', file('out.json')]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    const out = JSON.parse(await readFile(file('out.json'), 'utf8'));
    for (const k of ['d', 'r', 'sii', 'rii', 'aci', 'rci', 'paf', 'idis', 'theil', 'mld']) assert.deepEqual(out.measures[k], { value: null, ci_low: null, ci_high: null }, k);
    assert.deepEqual(out.measures.bgv, { value: 0, ci_low: null, ci_high: null });
    assert.equal(out.groups[1].rate, null);
  });

  it('refuses invalid input with exit code 1 and a message naming each field', async () => {
    await write('bad.json', {
      dimension: 'education', ordered: true, favourable: true,
      groups: [{ label: 'low', n: 20, events: 25 }, { label: 'low', order: 2, n: -3, events: 0 }],
    });
    const run = await ligevej(['stats', 'inequality', '--input', file('bad.json')]);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /"groups\.0\.events" må ikke være større end gruppens n \(20\)/);
    assert.match(run.stderr, /"groups\.0\.order" skal udfyldes, når dimensionen er ordnet/);
    assert.match(run.stderr, /"groups\.1\.label": gruppen "low" findes allerede/);
    assert.match(run.stderr, /"groups\.1\.n" skal være mindst 0/);
  });

  it('refuses a file that is not JSON (1) and wrong usage (2)', async () => {
    await write('broken.json', '{ "groups": [');
    const broken = await ligevej(['stats', 'inequality', '--input', file('broken.json')]);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /er ikke gyldig JSON/);
    const missing = await ligevej(['stats', 'inequality', '--input', file('nothing-here.json')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /kunne ikke læses: ENOENT/);
    const usage = await ligevej(['stats', 'inequality']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /Brug: ligevej stats inequality --input/);
  });
});
