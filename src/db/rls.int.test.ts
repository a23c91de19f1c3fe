import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from './database.ts';
import { createMunicipality, testDatabase, testVault } from '../../test/support/harness.ts';

describe('row-level security isolates municipalities in the database itself', () => {
  let db: Database;
  let a: { id: string }, b: { id: string };
  let citizenOfB: string;
  before(async () => {
    db = await testDatabase();
    a = await createMunicipality(db, 'A');
    b = await createMunicipality(db, 'B');
    const vault = testVault();
    citizenOfB = (await db.owner.query<{ id: string }>(
      `INSERT INTO citizen (municipality_id, cpr_hash, cpr_encrypted, birth_date, sex, given_name, family_name)
       VALUES ($1, $2, $3, '1960-05-05', 'male', 'Bo', 'Bæk') RETURNING id`,
      [b.id, vault.lookupHash(`050560${Math.floor(Math.random() * 9000 + 1000)}`), vault.encrypt('0505601234')])).rows[0]!.id;
  });
  after(() => db.close());

  it('hides B\'s citizens from a query in A\'s context that has no municipality filter', async () => {
    const seenFromA = await db.tenantTransaction(a.id, (tx) => tx.query('SELECT id FROM citizen WHERE id = $1', [citizenOfB]));
    assert.equal(seenFromA.rows.length, 0);
    const seenFromB = await db.tenantTransaction(b.id, (tx) => tx.query('SELECT id FROM citizen WHERE id = $1', [citizenOfB]));
    assert.equal(seenFromB.rows.length, 1, 'the same query in B\'s own context does see the row');
  });

  it('lets A neither change nor create rows of B', async () => {
    const updated = await db.tenantTransaction(a.id, (tx) => tx.query(`UPDATE citizen SET given_name = 'Hacked' WHERE id = $1`, [citizenOfB]));
    assert.equal(updated.rowCount, 0);
    const name = (await db.owner.query<{ given_name: string }>('SELECT given_name FROM citizen WHERE id = $1', [citizenOfB])).rows[0]!.given_name;
    assert.equal(name, 'Bo');
    await assert.rejects(
      db.tenantTransaction(a.id, (tx) => tx.query(
        `INSERT INTO organization (municipality_id, id_system, id_value, name, kind) VALUES ($1, 'sor', '999999', 'X', 'gp')`, [b.id])),
      /row-level security/,
    );
  });

  it('shows nothing at all when no municipality is set', async () => {
    const rows = await db.ownerTransaction(async (tx) => {
      await tx.query('SET LOCAL ROLE ligevej_app');
      return tx.query('SELECT id FROM citizen');
    });
    assert.equal(rows.rows.length, 0);
  });

  it('keeps the audit log append-only for the application role', async () => {
    await assert.rejects(
      db.tenantTransaction(a.id, (tx) => tx.query('DELETE FROM audit_event')),
      /permission denied/,
    );
    await assert.rejects(
      db.tenantTransaction(a.id, (tx) => tx.query(`UPDATE audit_event SET action = 'x'`)),
      /permission denied/,
    );
  });
});
