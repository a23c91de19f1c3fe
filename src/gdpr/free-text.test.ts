import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { answersWithoutFreeText, freeTextTargets, notFreeText } from './free-text.ts';

describe('free text the retention job removes', () => {
  it('drops what the citizen wrote in their own words and keeps coded, numeric and yes/no answers', () => {
    const { answers, removed } = answersWithoutFreeText([
      { linkId: 'who5-1', answer: [{ valueCoding: { code: '3' } }] },
      { linkId: 'comment', answer: [{ valueString: 'Min mand drikker, jeg sover dårligt' }] },
      { linkId: 'weight', answer: [{ valueDecimal: 92.5 }] },
      { linkId: 'other-diet', answer: [{ valueCoding: { code: 'other' } }, { valueString: 'kun brød' }] },
      { linkId: 'smoker', answer: [{ valueBoolean: false }] },
    ]);
    assert.equal(removed, 2);
    assert.deepEqual(answers, [
      { linkId: 'who5-1', answer: [{ valueCoding: { code: '3' } }] },
      { linkId: 'weight', answer: [{ valueDecimal: 92.5 }] },
      { linkId: 'other-diet', answer: [{ valueCoding: { code: 'other' } }] },
      { linkId: 'smoker', answer: [{ valueBoolean: false }] },
    ]);
    assert.deepEqual(answersWithoutFreeText([]), { answers: [], removed: 0 });
  });

  it('names every table once and never calls the same column both free text and a code', () => {
    const tables = freeTextTargets.map((t) => t.table);
    assert.equal(new Set(tables).size, tables.length);
    for (const t of freeTextTargets) {
      const codes = notFreeText[t.table] ?? [];
      for (const c of [...t.clear, ...(t.replace ?? [])]) assert.ok(!codes.includes(c), `${t.table}.${c}`);
    }
  });
});
