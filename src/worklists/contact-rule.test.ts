import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nextContact } from './contact-rule.ts';

const base = { phoneTries: 1, letters: 0, lastChannel: 'phone', lastOutcome: 'no_answer', lastOn: '2026-03-02' };

describe('which contact attempt is due next', () => {
  it('phones again the next day after one unanswered call', () => {
    assert.deepEqual(nextContact(base), { action: 'phone', dueOn: '2026-03-03' });
  });
  it('writes a letter at once after two unanswered calls or a wrong number', () => {
    assert.deepEqual(nextContact({ ...base, phoneTries: 2 }), { action: 'letter', dueOn: '2026-03-02' });
    assert.deepEqual(nextContact({ ...base, lastOutcome: 'wrong_number' }), { action: 'letter', dueOn: '2026-03-02' });
  });
  it('phones a week after the letter, and proposes closing when the citizen declined', () => {
    assert.deepEqual(nextContact({ ...base, phoneTries: 2, letters: 1, lastChannel: 'letter', lastOutcome: 'sent' }), { action: 'phone', dueOn: '2026-03-09' });
    assert.deepEqual(nextContact({ ...base, lastOutcome: 'declined' }), { action: 'close', dueOn: '2026-03-02' });
  });
});
