import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { retentionCandidates, retentionFingerprint } from './retention.ts';
import { canWithdraw, consentProblems, consentVersion, currentConsents } from './consents.ts';

const policy = { yearsAfterEnd: 10, yearsAfterClosed: 5 };

describe('retention selection', () => {
  it('fingerprints a dry run: the same citizens give the same fingerprint, any change another', () => {
    const a = { citizenId: 'a', basis: 'ended' as const, lastActivityOn: '2015-06-30', dueOn: '2025-06-30', action: 'anonymise' as const };
    const c = { citizenId: 'c', basis: 'closed' as const, lastActivityOn: '2021-01-01', dueOn: '2026-01-01', action: 'anonymise' as const };
    assert.match(retentionFingerprint([a, c]), /^[0-9a-f]{64}$/);
    assert.equal(retentionFingerprint([a, c]), retentionFingerprint([{ ...a }, { ...c }]));
    assert.notEqual(retentionFingerprint([a, c]), retentionFingerprint([a]), 'one citizen fewer');
    assert.notEqual(retentionFingerprint([a, c]), retentionFingerprint([a, { ...c, citizenId: 'd' }]), 'another citizen, same count');
    assert.notEqual(retentionFingerprint([a, c]), retentionFingerprint([a, { ...c, dueOn: '2026-01-02' }]), 'another due date');
    assert.notEqual(retentionFingerprint([]), retentionFingerprint([a]));
  });

  it('selects exactly the citizens whose period after the last finished referral has passed', () => {
    const due = retentionCandidates([
      { citizenId: 'a', anonymisedAt: null, referrals: [{ stage: 'followed_up', lastActivityOn: '2015-06-30' }] },
      { citizenId: 'b', anonymisedAt: null, referrals: [{ stage: 'ended', lastActivityOn: '2016-07-01' }] },
      { citizenId: 'c', anonymisedAt: null, referrals: [{ stage: 'closed', lastActivityOn: '2021-01-01' }] },
      { citizenId: 'd', anonymisedAt: null, referrals: [{ stage: 'closed', lastActivityOn: '2010-01-01' }, { stage: 'active', lastActivityOn: '2010-01-01' }] },
      { citizenId: 'e', anonymisedAt: '2025-01-01', referrals: [{ stage: 'ended', lastActivityOn: '2001-01-01' }] },
      { citizenId: 'f', anonymisedAt: null, referrals: [] },
      { citizenId: 'g', anonymisedAt: null, referrals: [{ stage: 'closed', lastActivityOn: '2012-01-01' }, { stage: 'ended', lastActivityOn: '2019-01-01' }] },
    ], policy, '2026-06-30');
    assert.deepEqual(due.map((d) => [d.citizenId, d.basis, d.dueOn]), [['c', 'closed', '2026-01-01'], ['a', 'ended', '2025-06-30']].sort((x, y) => x[2]!.localeCompare(y[2]!)));
  });
  it('counts the period from the latest referral, with the longer period for a course', () => {
    const [due] = retentionCandidates([{ citizenId: 'x', anonymisedAt: null, referrals: [
      { stage: 'ended', lastActivityOn: '2010-01-01' }, { stage: 'closed', lastActivityOn: '2019-01-01' }] }], policy, '2026-01-01');
    assert.equal(due?.dueOn, '2024-01-01');
    assert.equal(due?.basis, 'ended');
    assert.deepEqual(retentionCandidates([{ citizenId: 'x', anonymisedAt: null, referrals: [{ stage: 'ended', lastActivityOn: '2016-01-02' }] }], policy, '2026-01-01'), []);
  });
});

describe('consent registry', () => {
  it('reports the current state per purpose with given and withdrawn dates', () => {
    const events = [
      { purpose: 'research' as const, state: 'given' as const, effectiveOn: '2026-01-05', method: 'written', recordedAt: '2026-01-05T10:00:00Z' },
      { purpose: 'research' as const, state: 'withdrawn' as const, effectiveOn: '2026-02-01', method: 'oral', recordedAt: '2026-02-01T10:00:00Z' },
      { purpose: 'sms_reminders' as const, state: 'given' as const, effectiveOn: '2026-01-05', method: 'digital', recordedAt: '2026-01-05T10:00:00Z' },
    ];
    const now = currentConsents(events);
    assert.deepEqual(now.find((c) => c.purpose === 'research'), { purpose: 'research', given: false, givenOn: '2026-01-05', withdrawnOn: '2026-02-01', method: 'oral' });
    assert.equal(now.find((c) => c.purpose === 'sms_reminders')?.given, true);
    assert.equal(now.find((c) => c.purpose === 'quality_database')?.given, false);
    assert.equal(canWithdraw(events, 'research'), false);
    assert.equal(canWithdraw(events, 'sms_reminders'), true);
  });

  it('refuses a future date, a withdrawal of what was not given, and a withdrawal dated before the consent', () => {
    const events = [{ purpose: 'research' as const, state: 'given' as const, effectiveOn: '2026-01-05', method: 'written', recordedAt: '2026-01-05T10:00:00Z' }];
    const today = '2026-03-01';
    assert.deepEqual(consentProblems(events, { purpose: 'research', state: 'withdrawn', effectiveOn: '2026-02-01' }, today), []);
    assert.deepEqual(consentProblems(events, { purpose: 'sms_reminders', state: 'given', effectiveOn: today }, today), [], 'today is allowed');
    assert.deepEqual(consentProblems(events, { purpose: 'sms_reminders', state: 'given', effectiveOn: '2026-03-02' }, today), [{ path: 'effectiveOn', rule: 'consent.future_date' }]);
    assert.deepEqual(consentProblems(events, { purpose: 'quality_database', state: 'withdrawn', effectiveOn: '2026-02-01' }, today), [{ path: 'state', rule: 'consent.withdraw_without_given' }]);
    assert.deepEqual(consentProblems(events, { purpose: 'research', state: 'withdrawn', effectiveOn: '2026-01-04' }, today),
      [{ path: 'effectiveOn', rule: 'consent.before_given', params: { givenOn: '2026-01-05' } }]);
    assert.equal(consentVersion(events), 1);
    assert.equal(consentVersion([]), 0);
  });
});
