import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hashToken, linkState, MAX_BIRTH_DATE_TRIES, newToken, sixMonthsAfter, TOKEN_FORMAT } from './link-rules.ts';

const now = new Date('2026-03-10T12:00:00Z');
const open = { expires_at: '2026-03-24T12:00:00Z', used_at: null, revoked_at: null, failed_checks: 0 };

describe('personal links', () => {
  it('have unguessable tokens stored only as a hash', () => {
    const a = newToken();
    assert.match(a, TOKEN_FORMAT);
    assert.notEqual(a, newToken());
    assert.match(hashToken(a), /^[0-9a-f]{64}$/);
    assert.notEqual(hashToken(a), a);
  });
  it('are open until they expire, are used, revoked or locked by wrong birth dates', () => {
    assert.equal(linkState(open, now), 'open');
    assert.equal(linkState({ ...open, expires_at: now.toISOString() }, now), 'expired', 'expiry is exclusive');
    assert.equal(linkState({ ...open, used_at: '2026-03-09T00:00:00Z', expires_at: '2026-03-01T00:00:00Z' }, now), 'used');
    assert.equal(linkState({ ...open, revoked_at: '2026-03-09T00:00:00Z' }, now), 'revoked');
    assert.equal(linkState({ ...open, failed_checks: MAX_BIRTH_DATE_TRIES - 1 }, now), 'open');
    assert.equal(linkState({ ...open, failed_checks: MAX_BIRTH_DATE_TRIES }, now), 'locked');
  });
  it('schedule the follow-up six months after the end, clamping to the month\'s last day', () => {
    assert.equal(sixMonthsAfter('2026-03-20'), '2026-09-20');
    assert.equal(sixMonthsAfter('2026-08-31'), '2027-02-28');
    assert.equal(sixMonthsAfter('2027-08-31'), '2028-02-29');
    assert.equal(sixMonthsAfter('2026-12-15'), '2027-06-15');
  });
});
