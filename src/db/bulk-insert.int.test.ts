import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from './database.ts';
import { createMunicipality, testDatabase } from '../../test/support/harness.ts';

describe('queries in one transaction', () => {
  let db: Database;
  before(async () => { db = await testDatabase(); });
  after(() => db.close());

  it('run one after another when issued together, in order and without pg\'s busy-client deprecation', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const results = await db.ownerTransaction((tx) => Promise.all(
        Array.from({ length: 20 }, (_, i) => tx.query<{ n: number }>('SELECT $1::int AS n, pg_sleep(0.001)', [i]))));
      assert.deepEqual(results.map((r) => r.rows[0]!.n), Array.from({ length: 20 }, (_, i) => i));
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(warnings.filter((m) => /already executing a query/.test(m)), []);
    } finally {
      process.off('warning', onWarning);
    }
  });
});

describe('bulk insert (COPY on PostgreSQL, multi-row INSERT on PGlite)', () => {
  let db: Database;
  before(async () => { db = await testDatabase(); });
  after(() => db.close());

  it('stores awkward text, NULLs, dates and numbers exactly', async () => {
    const m = await createMunicipality(db);
    const names = ['tab\there', 'line\nbreak', 'back\\slash \\N', 'carriage\rreturn', 'Ærø Åbenrå — ✓', '\\.'];
    await db.ownerTransaction((tx) => db.bulkInsert(tx, 'organization', ['municipality_id', 'id_system', 'id_value', 'name', 'kind'],
      names.map((name, i) => [m.id, 'sor', String(1000 + i), name, 'gp'])));
    const stored = await db.owner.query<{ name: string }>('SELECT name FROM organization WHERE municipality_id = $1 ORDER BY id_value', [m.id]);
    assert.deepEqual(stored.rows.map((r) => r.name), names);
  });

  it('stores arrays as PostgreSQL arrays, quotes and backslashes included', async () => {
    const values = [['a', 'b'], ['with "quote"', 'back\\slash', 'comma, here'], [], ['{braces}', 'NULL']];
    const stored = await db.ownerTransaction(async (tx) => {
      await tx.query('CREATE TEMP TABLE bulk_arrays (n int, tags text[]) ON COMMIT DROP');
      await db.bulkInsert(tx, 'bulk_arrays', ['n', 'tags'], values.map((v, i) => [i, v]));
      return (await tx.query<{ tags: string[] }>('SELECT tags FROM bulk_arrays ORDER BY n')).rows.map((r) => r.tags);
    });
    assert.deepEqual(stored, values);
  });

  it('writes nothing when one row is refused', async () => {
    const m = await createMunicipality(db);
    const rows = Array.from({ length: 2500 }, (_, i) => [m.id, 'sor', String(i), `Klinik ${i}`, i === 2400 ? 'not-a-kind' : 'gp']);
    await assert.rejects(db.ownerTransaction((tx) => db.bulkInsert(tx, 'organization', ['municipality_id', 'id_system', 'id_value', 'name', 'kind'], rows)));
    const n = await db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM organization WHERE municipality_id = $1', [m.id]);
    assert.equal(n.rows[0]!.n, 0);
  });
});
