import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resultsByChannel, type Attempt } from './results.ts';

describe('campaign results per channel', () => {
  it('counts each recruit once, by the channel that recruited them', () => {
    const attempts: Attempt[] = [
      { contactId: 'a', channel: 'phone', outcome: 'no_answer', attemptedAt: '2026-03-02T09:00:00Z' },
      { contactId: 'a', channel: 'door_to_door', outcome: 'recruited', attemptedAt: '2026-03-03T16:00:00Z' },
      { contactId: 'b', channel: 'phone', outcome: 'recruited', attemptedAt: '2026-03-02T09:10:00Z' },
      { contactId: 'b', channel: 'phone', outcome: 'recruited', attemptedAt: '2026-03-05T09:10:00Z' },
      { contactId: 'c', channel: 'phone', outcome: 'not_interested', attemptedAt: '2026-03-02T09:20:00Z' },
      { contactId: 'd', channel: 'poster', outcome: 'recruited', attemptedAt: '2026-03-04T12:00:00Z' },
    ];
    const r = resultsByChannel(attempts);
    assert.deepEqual(r.total, { contacts: 4, recruited: 3, enrolled: 0 });
    const by = Object.fromEntries(r.channels.map((c) => [c.channel, [c.contacts, c.attempts, c.recruited]]));
    assert.deepEqual(by, { phone: [3, 4, 1], letter: [0, 0, 0], door_to_door: [1, 1, 1], poster: [1, 1, 1], gp: [0, 0, 0] });
  });

  it('counts the enrolled by the channel that recruited them, and in the total also those enrolled without a recruiting attempt', () => {
    const attempts: Attempt[] = [
      { contactId: 'a', channel: 'phone', outcome: 'recruited', attemptedAt: '2026-03-02T09:00:00Z' },
      { contactId: 'b', channel: 'phone', outcome: 'recruited', attemptedAt: '2026-03-02T09:10:00Z' },
      { contactId: 'c', channel: 'letter', outcome: 'recruited', attemptedAt: '2026-03-02T09:20:00Z' },
      { contactId: 'd', channel: 'phone', outcome: 'answered', attemptedAt: '2026-03-02T09:30:00Z' },
    ];
    const r = resultsByChannel(attempts, new Set(['a', 'c', 'd']));
    assert.deepEqual(r.total, { contacts: 4, recruited: 3, enrolled: 3 });
    const by = Object.fromEntries(r.channels.map((c) => [c.channel, [c.recruited, c.enrolled]]));
    assert.deepEqual(by, { phone: [2, 1], letter: [1, 1], door_to_door: [0, 0], poster: [0, 0], gp: [0, 0] });
  });
});
