import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';

/** Runs the real command line in a child process on its own PGlite data directory, as a cron job would. */
function ligevej(args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['src/cli/main.ts', ...args], { cwd: join(import.meta.dirname, '..', '..'), env: { ...process.env, DATABASE_URL: '', LIGEVEJ_DATA_DIR: dataDir } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('ligevej jobs run', () => {
  let dir: string;
  let municipalityId = '';
  const open = async (): Promise<Database> => openDatabase({ dataDir: join(dir, 'pglite') });

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ligevej-jobs-'));
    const db = await open();
    try {
      await migrate(db);
      municipalityId = (await db.owner.query<{ id: string }>(`INSERT INTO municipality (code, name, sor_code) VALUES ('999', 'Cronkommune', '123456789012') RETURNING id`)).rows[0]!.id;
      await db.owner.query(
        `INSERT INTO notification_outbox (municipality_id, channel, recipient, template, body, dedupe_key, due_at)
         VALUES ($1, 'sms', '+4520304050', 'test', 'Hej fra cron', 'cron-1', '2020-01-01T00:00:00Z')`, [municipalityId]);
    } finally {
      await db.close();
    }
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('refuses an unknown job, naming it', async () => {
    const run = await ligevej(['jobs', 'run', '--job', 'coffee'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Ukendt job: coffee/);
  });

  it('sends what is due once, records the run as run from the command line, and sends nothing the second time', async () => {
    const first = await ligevej(['jobs', 'run', '--job', 'outbox', '--municipality', '999'], dir);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, new RegExp(`^outbox\\t${municipalityId}\\tok\\tsent=1 failed=0$`, 'm'));
    const second = await ligevej(['jobs', 'run', '--job', 'outbox', '--municipality', '999'], dir);
    assert.match(second.stdout, /\tok\tsent=0 failed=0$/m);
    const db = await open();
    try {
      const message = (await db.owner.query<{ status: string; attempts: number }>('SELECT status, attempts FROM notification_outbox WHERE municipality_id = $1', [municipalityId])).rows;
      assert.deepEqual(message, [{ status: 'sent', attempts: 1 }]);
      const runs = (await db.owner.query<{ job: string; trigger: string; status: string; counts: Record<string, number> }>(
        'SELECT job, trigger, status, counts FROM job_run WHERE municipality_id = $1 ORDER BY started_at', [municipalityId])).rows;
      assert.deepEqual(runs.map((r) => [r.job, r.trigger, r.status, r.counts.sent]), [['outbox', 'cli', 'ok', 1], ['outbox', 'cli', 'ok', 0]]);
    } finally {
      await db.close();
    }
  });
});
