import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { auditHash, findFirstBreak, GENESIS_HASH, type AuditRecord } from './audit-chain.ts';

function chain(n: number): (AuditRecord & { seq: number; hash: string })[] {
  const rows: (AuditRecord & { seq: number; hash: string })[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const r: AuditRecord = { municipalityId: 'm', chainIndex: i, occurredAt: '2026-01-01T00:00:00.000Z', actorId: 'u', actorRole: 'clinician', action: 'read', citizenId: 'c', resourceType: 'Citizen', resourceId: 'c', purpose: 'care', detail: { b: 1, a: [1, { y: 2, x: 1 }] }, prevHash };
    const hash = auditHash(r);
    rows.push({ ...r, seq: i * 10, hash });
    prevHash = hash;
  }
  return rows;
}

describe('audit hash chain', () => {
  it('accepts an intact chain', () => assert.equal(findFirstBreak(chain(5)), null));
  it('hashes objects independently of key order (jsonb reorders keys)', () => {
    const [row] = chain(1);
    assert.equal(auditHash({ ...row!, detail: { a: [1, { x: 1, y: 2 }], b: 1 } }), row!.hash);
  });
  it('names an altered row', () => {
    const rows = chain(5);
    rows[2]!.action = 'update';
    assert.deepEqual(findFirstBreak(rows), { municipalityId: 'm', seq: 30, chainIndex: 3, problem: 'altered' });
  });
  it('names the row after a removed one', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    assert.equal(findFirstBreak(rows)?.seq, 30);
    assert.equal(findFirstBreak(rows)?.problem, 'missing_before');
  });
  it('catches a row rewritten with a recomputed hash through the next link', () => {
    const rows = chain(4);
    rows[1]!.action = 'update';
    rows[1]!.hash = auditHash(rows[1]!);
    assert.deepEqual(findFirstBreak(rows), { municipalityId: 'm', seq: 30, chainIndex: 3, problem: 'reordered' });
  });
});
