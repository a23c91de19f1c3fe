import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allows, matrix, permissions, rolesWith } from './permissions.ts';
import { afterFailure, afterSuccess, idleExpired } from './lockout.ts';
import { roles } from './roles.ts';

describe('the permission matrix and policy function', () => {
  it('names only known permissions for every role', () => {
    for (const r of roles) for (const p of matrix[r]) assert.ok((permissions as readonly string[]).includes(p), `${r}: ${p}`);
  });
  it('keeps managers to aggregates unless granted more', () => {
    assert.equal(allows({ role: 'manager' }, 'statistics.read'), true);
    assert.equal(allows({ role: 'manager' }, 'citizen.read'), false);
    assert.equal(allows({ role: 'manager', grants: ['citizen.read'] }, 'citizen.read'), true);
  });
  it('gives API keys their scopes only', () => {
    assert.equal(allows({ role: 'integration' }, 'session'), false);
    assert.equal(allows({ role: 'integration', scopes: ['referral.submit'] }, 'referral.submit'), true);
    assert.equal(allows({ role: 'integration', scopes: ['referral.submit'] }, 'citizen.read'), false);
  });
  it('keeps administration to admins and the bridge-builder to bridges', () => {
    assert.deepEqual(rolesWith('staff.admin'), ['admin']);
    assert.equal(allows({ role: 'bridge_builder' }, 'bridge.write'), true);
    assert.equal(allows({ role: 'bridge_builder' }, 'citizen.read'), false);
    assert.equal(allows({ role: 'clinician' }, 'public'), true);
  });
});

describe('lockout and idle timeout', () => {
  it('locks after the limit and stays locked until an admin unlocks', () => {
    let c = { failedLogins: 0, locked: false };
    for (let i = 0; i < 4; i += 1) c = afterFailure(c, 5);
    assert.deepEqual(c, { failedLogins: 4, locked: false });
    c = afterFailure(c, 5);
    assert.equal(c.locked, true);
    assert.equal(afterSuccess(c).locked, true);
    assert.deepEqual(afterSuccess({ failedLogins: 3, locked: false }), { failedLogins: 0, locked: false });
  });
  it('expires a session idle for longer than the limit', () => {
    const seen = new Date('2026-03-02T09:00:00Z');
    assert.equal(idleExpired(seen, new Date('2026-03-02T09:30:00Z'), 30), false);
    assert.equal(idleExpired(seen, new Date('2026-03-02T09:30:01Z'), 30), true);
  });
});
