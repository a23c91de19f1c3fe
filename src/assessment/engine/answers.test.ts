import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Questionnaire } from '../fhir/questionnaire-types.ts';
import { checkAnswers, initialAnswers, nestAnswers } from './answers.ts';
import { answerMap, conditionHolds, enabledLinkIds } from './enable-when.ts';

const S = 'https://ligevej.dk/fhir/CodeSystem/answer';
const q: Questionnaire = {
  resourceType: 'Questionnaire', url: 'https://x/q', version: '1', status: 'active',
  item: [
    { linkId: 'smoke', type: 'group', text: 'Rygning', item: [
      { linkId: 'status', type: 'choice', required: true, answerOption: [{ valueCoding: { system: S, code: 'daily' } }, { valueCoding: { system: S, code: 'never' } }] },
      { linkId: 'perDay', type: 'integer', required: true, enableWhen: [{ question: 'status', operator: '=', answerCoding: { system: S, code: 'daily' } }],
        extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 0 }, { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 100 }] },
      { linkId: 'quit', type: 'boolean', enableWhen: [{ question: 'perDay', operator: '>', answerInteger: 10 }] },
    ] },
    { linkId: 'goals', type: 'string', repeats: true },
  ],
};
const daily = { linkId: 'status', answer: [{ valueCoding: { system: S, code: 'daily' } }] };
const never = { linkId: 'status', answer: [{ valueCoding: { system: S, code: 'never' } }] };

describe('enableWhen', () => {
  it('evaluates each operator, with "no answer" satisfying only exists = false', () => {
    assert.equal(conditionHolds({ question: 'a', operator: 'exists', answerBoolean: false }, undefined), true);
    assert.equal(conditionHolds({ question: 'a', operator: 'exists', answerBoolean: true }, [{ valueInteger: 0 }]), true);
    assert.equal(conditionHolds({ question: 'a', operator: '=', answerInteger: 0 }, undefined), false);
    assert.equal(conditionHolds({ question: 'a', operator: '!=', answerInteger: 0 }, undefined), false);
    assert.equal(conditionHolds({ question: 'a', operator: '>=', answerInteger: 10 }, [{ valueInteger: 10 }]), true);
    assert.equal(conditionHolds({ question: 'a', operator: '>', answerInteger: 10 }, [{ valueInteger: 10 }]), false);
    assert.equal(conditionHolds({ question: 'a', operator: '<', answerDecimal: 1.5 }, [{ valueDecimal: 1.4 }]), true);
    assert.equal(conditionHolds({ question: 'a', operator: '=', answerCoding: { code: 'x' } }, [{ valueCoding: { system: 'any', code: 'x' } }]), true);
    assert.equal(conditionHolds({ question: 'a', operator: '!=', answerCoding: { system: 's', code: 'x' } }, [{ valueCoding: { system: 's', code: 'y' } }]), true);
  });

  it('disables a chain when an earlier answer disables its start', () => {
    const answers = answerMap([never, { linkId: 'perDay', answer: [{ valueInteger: 20 }] }]);
    const enabled = enabledLinkIds(q, answers);
    assert.equal(enabled.has('perDay'), false);
    assert.equal(enabled.has('quit'), false, 'perDay is disabled, so its answer does not enable quit');
    assert.equal(enabledLinkIds(q, answerMap([daily, { linkId: 'perDay', answer: [{ valueInteger: 20 }] }])).has('quit'), true);
  });
});

describe('checking answers', () => {
  it('keeps valid answers and drops answers to questions that are not shown', () => {
    const r = checkAnswers(q, [never, { linkId: 'perDay', answer: [{ valueInteger: 20 }] }], { complete: true });
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.answers.map((a) => a.linkId), ['status']);
  });

  it('requires enabled required questions only on completion', () => {
    assert.deepEqual(checkAnswers(q, [daily], { complete: false }).problems, []);
    assert.deepEqual(checkAnswers(q, [daily], { complete: true }).problems, [{ path: 'answers.perDay', rule: 'required' }]);
    assert.deepEqual(checkAnswers(q, [], { complete: true }).problems.map((p) => p.path), ['answers.status']);
  });

  it('refuses wrong types, unknown options, bounds, unknown items and extra answers', () => {
    const rules = (entries: any[]) => checkAnswers(q, entries, { complete: false }).problems.map((p) => p.rule);
    assert.deepEqual(rules([daily, { linkId: 'perDay', answer: [{ valueString: '5' }] }]), ['questionnaire.answer_type']);
    assert.deepEqual(rules([daily, { linkId: 'perDay', answer: [{ valueInteger: 101 }] }]), ['max']);
    assert.deepEqual(rules([daily, { linkId: 'perDay', answer: [{ valueInteger: -1 }] }]), ['min']);
    assert.deepEqual(rules([daily, { linkId: 'perDay', answer: [{ valueInteger: 100 }] }]), []);
    assert.deepEqual(rules([{ linkId: 'status', answer: [{ valueCoding: { system: S, code: 'weekly' } }] }]), ['questionnaire.answer_option']);
    assert.deepEqual(rules([{ linkId: 'status', answer: [{ valueCoding: { system: 'other', code: 'daily' } }] }]), ['questionnaire.answer_option']);
    assert.deepEqual(rules([{ linkId: 'smoke', answer: [{ valueString: 'x' }] }]), ['questionnaire.answer_unknown']);
    assert.deepEqual(rules([daily, daily]), ['questionnaire.answer_duplicate']);
    assert.deepEqual(rules([{ linkId: 'status', answer: [daily.answer[0], never.answer[0]] }]), ['questionnaire.answer_repeats']);
    assert.deepEqual(rules([{ linkId: 'goals', answer: [{ valueString: 'Gå en tur' }, { valueString: 'Tabe 5 kg' }] }]), []);
    assert.deepEqual(rules([{ linkId: 'goals', answer: [{ valueString: '  ' }] }]), ['required']);
  });

  it('nests flat answers into the questionnaire\'s groups as FHIR does', () => {
    const nested = nestAnswers(q.item, answerMap([daily, { linkId: 'goals', answer: [{ valueString: 'Gå' }] }]));
    assert.deepEqual(nested.map((i) => i.linkId), ['smoke', 'goals']);
    assert.deepEqual(nested[0]!.item!.map((i) => i.linkId), ['status']);
  });
});

describe('initial values and read-only questions', () => {
  const S2 = 'https://kommune.example/cs';
  const form: Questionnaire = {
    resourceType: 'Questionnaire', url: 'https://x/init', version: '1', status: 'active',
    item: [
      { linkId: 'kommune', type: 'string', readOnly: true, initial: [{ valueString: 'Testkommune' }] },
      { linkId: 'days', type: 'integer', initial: [{ valueInteger: 3 }] },
      { linkId: 'walk', type: 'choice', answerOption: [{ valueCoding: { system: S2, code: 'y', display: 'Ja' }, initialSelected: true }, { valueCoding: { system: S2, code: 'n', display: 'Nej' } }] },
      { linkId: 'how', type: 'string', initial: [{ valueString: 'Gå' }], enableWhen: [{ question: 'walk', operator: '=', answerCoding: { system: S2, code: 'n' } }] },
      { linkId: 'note', type: 'string', readOnly: true },
    ],
  };

  it('starts a new response with initial[x] and initialSelected options, leaving out questions that are not shown', () => {
    assert.deepEqual(initialAnswers(form), [
      { linkId: 'kommune', answer: [{ valueString: 'Testkommune' }] },
      { linkId: 'days', answer: [{ valueInteger: 3 }] },
      { linkId: 'walk', answer: [{ valueCoding: { system: S2, code: 'y', display: 'Ja' } }] },
    ]);
  });

  it('refuses a changed answer to a read-only question and keeps its initial value when it is left out', () => {
    const r = checkAnswers(form, [{ linkId: 'kommune', answer: [{ valueString: 'Andenkommune' }] }], { complete: false });
    assert.deepEqual(r.problems, [{ path: 'answers.kommune', rule: 'questionnaire.answer_read_only' }]);
    assert.deepEqual(checkAnswers(form, [{ linkId: 'note', answer: [{ valueString: 'x' }] }], { complete: false }).problems.map((p) => p.rule), ['questionnaire.answer_read_only']);
    const kept = checkAnswers(form, [{ linkId: 'days', answer: [{ valueInteger: 5 }] }], { complete: true });
    assert.deepEqual(kept.problems, []);
    assert.deepEqual(kept.answers.map((a) => [a.linkId, a.answer]), [['days', [{ valueInteger: 5 }]], ['kommune', [{ valueString: 'Testkommune' }]]]);
    assert.deepEqual(checkAnswers(form, [{ linkId: 'kommune', answer: [{ valueString: 'Testkommune' }] }], { complete: false }).problems, []);
  });
});
