import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InequalityInputSchema } from './inequality-input.ts';

const problems = (input: unknown) => {
  const r = InequalityInputSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), (i as { params?: { rule?: string } }).params?.rule ?? i.code]);
};
const base = { dimension: 'education', ordered: true, favourable: true };

describe('calculator input', () => {
  it('accepts a valid ordered input, and an unordered one without orders', () => {
    assert.deepEqual(problems({ ...base, groups: [{ label: 'low', order: 1, n: 3, events: 3 }, { label: 'high', order: 2, n: 0, events: 0 }] }), []);
    assert.deepEqual(problems({ ...base, ordered: false, reference: 'b', groups: [{ label: 'a', n: 3, events: 1 }, { label: 'b', n: 4, events: 0 }] }), []);
  });

  it('names the field of each problem', () => {
    assert.deepEqual(problems({ ...base, groups: [{ label: 'low', order: 1, n: -1, events: 0 }] }), [['groups.0.n', 'too_small']]);
    assert.deepEqual(problems({ ...base, groups: [{ label: 'low', order: 1, n: 4, events: 5 }] }), [['groups.0.events', 'inequality.events_above_n']]);
    assert.deepEqual(problems({ ...base, groups: [{ label: 'a', order: 1, n: 4, events: 1 }, { label: 'a', order: 2, n: 4, events: 1 }] }), [['groups.1.label', 'inequality.duplicate_label']]);
    assert.deepEqual(problems({ ...base, groups: [{ label: 'a', n: 4, events: 1 }] }), [['groups.0.order', 'inequality.order_required']]);
    assert.deepEqual(problems({ ...base, groups: [{ label: 'a', order: 1, n: 4, events: 1 }, { label: 'b', order: 1, n: 4, events: 1 }] }), [['groups.1.order', 'inequality.duplicate_order']]);
    assert.deepEqual(problems({ ...base, reference: 'x', groups: [{ label: 'a', order: 1, n: 4, events: 1 }] }), [['reference', 'inequality.reference_unknown']]);
    assert.deepEqual(problems({ ...base, groups: [{ label: 'a', order: 1, n: 4.5, events: 1 }] }).map((p) => p[0]), ['groups.0.n']);
    assert.deepEqual(problems({ ...base, groups: [] }), [['groups', 'too_small']]);
  });
});
