import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkQuestionnaire } from './validate-questionnaire.ts';
import { resolveContainedValueSets } from './value-set.ts';
import { localizeQuestionnaire, translatableStrings } from '../engine/translate.ts';
import { checkAnswers } from '../engine/answers.ts';
import { EXT, type Questionnaire } from './questionnaire-types.ts';

const CS = 'https://kommune.example/cs/frequency';
const composeVs = () => ({
  resourceType: 'ValueSet', id: 'freq', status: 'active',
  compose: { include: [{ system: CS, concept: [
    { code: 'never', display: 'Aldrig', designation: [{ language: 'en', value: 'Never' }] },
    { code: 'often', display: 'Ofte' },
    { code: 'na', display: 'Ved ikke' },
  ] }], exclude: [{ system: CS, concept: [{ code: 'na' }] }] },
});
const expansionVs = () => ({
  resourceType: 'ValueSet', id: 'mood', status: 'active',
  expansion: { timestamp: '2024-01-01', contains: [
    { abstract: true, display: 'Overskrift', contains: [{ system: 'http://snomed.info/sct', code: '1', display: 'Godt' }] },
    { system: 'http://snomed.info/sct', code: '2', display: 'Skidt', designation: [{ language: 'en-GB', value: 'Bad' }] },
  ] },
});
const base = () => ({
  resourceType: 'Questionnaire', url: 'https://kommune.example/fhir/Questionnaire/vs', version: '1', status: 'active',
  contained: [composeVs(), expansionVs()],
  item: [{ linkId: 'g', type: 'group', text: 'Gruppe', item: [
    { linkId: 'freq', type: 'choice', text: 'Hvor tit?', required: true, answerValueSet: '#freq' },
    { linkId: 'mood', type: 'open-choice', text: 'Humør', answerValueSet: '#mood' },
  ] }],
}) as any;

const problemOf = (q: unknown) => {
  const r = checkQuestionnaire(q);
  assert.equal(r.ok, false, 'expected a refusal');
  return (r as { ok: false; problem: { path: string; rule: string; params?: Record<string, unknown> } }).problem;
};
const refused = (q: unknown): [string, string] => { const p = problemOf(q); return [p.path, p.rule]; };

describe('contained ValueSets as answer options', () => {
  it('resolves compose (minus exclude) and expansion (skipping abstract headings) into codings, keeping the reference and the contained resources', () => {
    const r = checkQuestionnaire(base());
    assert.equal(r.ok, true, JSON.stringify(r));
    const q = (r as { questionnaire: Questionnaire }).questionnaire;
    const [freq, mood] = q.item[0]!.item!;
    assert.deepEqual(freq!.answerOption!.map((o) => [o.valueCoding!.system, o.valueCoding!.code, o.valueCoding!.display]), [[CS, 'never', 'Aldrig'], [CS, 'often', 'Ofte']]);
    assert.deepEqual(mood!.answerOption!.map((o) => o.valueCoding!.code), ['1', '2']);
    assert.equal(freq!.answerValueSet, undefined, 'FHIR forbids answerValueSet next to answerOption');
    assert.deepEqual(freq!.extension, [{ url: EXT.answerValueSet, valueCanonical: '#freq' }]);
    assert.equal((q.contained as unknown[]).length, 2);
  });

  it('turns designations into translations, so the citizen page and the translation check see them', () => {
    const q = (checkQuestionnaire(base()) as { questionnaire: Questionnaire }).questionnaire;
    const { questionnaire: en, missing } = localizeQuestionnaire(q, 'en', undefined);
    const [freq, mood] = en.item[0]!.item!;
    assert.deepEqual(freq!.answerOption!.map((o) => o.valueCoding!.display), ['Never', 'Ofte']);
    assert.deepEqual(mood!.answerOption!.map((o) => o.valueCoding!.display), ['Godt', 'Bad'], 'en-GB counts as English');
    assert.ok(missing.includes('Ofte') && !missing.includes('Aldrig'));
    assert.ok(translatableStrings(q).includes('Skidt'));
  });

  it('accepts answers as Codings of the ValueSet and refuses other codes', () => {
    const q = (checkQuestionnaire(base()) as { questionnaire: Questionnaire }).questionnaire;
    const ok = checkAnswers(q, [{ linkId: 'freq', answer: [{ valueCoding: { system: CS, code: 'often' } }] }], { complete: true });
    assert.deepEqual(ok.problems, []);
    const excluded = checkAnswers(q, [{ linkId: 'freq', answer: [{ valueCoding: { system: CS, code: 'na' } }] }], { complete: false });
    assert.deepEqual(excluded.problems.map((p) => p.rule), ['questionnaire.answer_option']);
  });

  it('refuses a reference that is not contained, naming the element path', () => {
    const missing = base();
    missing.item[0].item[0].answerValueSet = '#nope';
    assert.deepEqual(refused(missing), ['Questionnaire.item[0].item[0].answerValueSet', 'questionnaire.value_set_not_contained']);
    const external = base();
    external.item[0].item[1].answerValueSet = 'http://hl7.org/fhir/ValueSet/yesnodontknow';
    assert.deepEqual(refused(external), ['Questionnaire.item[0].item[1].answerValueSet', 'questionnaire.value_set_external']);
    const wrongKind = base();
    wrongKind.contained[0].resourceType = 'CodeSystem';
    assert.deepEqual(refused(wrongKind), ['Questionnaire.contained[0].resourceType', 'enum']);
    const both = base();
    both.item[0].item[0].answerOption = [{ valueString: 'x' }];
    assert.deepEqual(refused(both), ['Questionnaire.item[0].item[0].answerValueSet', 'questionnaire.value_set_and_options']);
    const notChoice = base();
    notChoice.item[0].item[0].type = 'integer';
    assert.deepEqual(refused(notChoice), ['Questionnaire.item[0].item[0].answerValueSet', 'questionnaire.options_type']);
  });

  it('refuses empty and malformed ValueSets at the first bad element', () => {
    const empty = base();
    empty.contained[0].compose.exclude = [{ system: CS, concept: [{ code: 'never' }, { code: 'often' }, { code: 'na' }] }];
    const emptyProblem = problemOf(empty);
    assert.deepEqual([emptyProblem.path, emptyProblem.rule, emptyProblem.params?.valueSet, emptyProblem.params?.linkId], ['Questionnaire.contained[0]', 'questionnaire.value_set_empty', 'freq', 'freq']);
    const nothing = base();
    delete nothing.contained[1].expansion;
    assert.deepEqual(refused(nothing), ['Questionnaire.contained[1]', 'questionnaire.value_set_empty']);
    const noCode = base();
    delete noCode.contained[0].compose.include[0].concept[1].code;
    assert.deepEqual(refused(noCode), ['Questionnaire.contained[0].compose.include[0].concept[1].code', 'required']);
    const noSystem = base();
    delete noSystem.contained[1].expansion.contains[0].contains[0].system;
    assert.deepEqual(refused(noSystem), ['Questionnaire.contained[1].expansion.contains[0].contains[0].system', 'questionnaire.value_set_code']);
    const noDisplay = base();
    delete noDisplay.contained[1].expansion.contains[1].display;
    assert.deepEqual(refused(noDisplay), ['Questionnaire.contained[1]', 'questionnaire.value_set_display']);
    const twice = base();
    twice.contained[0].compose.include.push({ system: CS, concept: [{ code: 'often', display: 'Tit' }] });
    assert.deepEqual(refused(twice), ['Questionnaire.contained[0]', 'questionnaire.value_set_duplicate']);
    const noId = base();
    delete noId.contained[0].id;
    assert.deepEqual(refused(noId), ['Questionnaire.item[0].item[0].answerValueSet', 'questionnaire.value_set_not_contained']);
  });

  it('refuses what needs a terminology server: filters, other ValueSets, whole code systems', () => {
    const filter = base();
    filter.contained[0].compose.include[0] = { system: 'http://snomed.info/sct', filter: [{ property: 'concept', op: 'is-a', value: '404684003' }] };
    assert.deepEqual(refused(filter), ['Questionnaire.contained[0].compose.include[0].filter', 'questionnaire.value_set_expand']);
    const nested = base();
    nested.contained[0].compose.include[0] = { valueSet: ['http://x/vs'] };
    assert.deepEqual(refused(nested), ['Questionnaire.contained[0].compose.include[0].valueSet', 'questionnaire.value_set_expand']);
    const whole = base();
    whole.contained[0].compose.include[0] = { system: CS };
    assert.deepEqual(refused(whole), ['Questionnaire.contained[0].compose.include[0].concept', 'questionnaire.value_set_expand']);
    const excludeFilter = base();
    excludeFilter.contained[0].compose.exclude = [{ system: CS, filter: [{ property: 'x', op: '=', value: 'y' }] }];
    assert.deepEqual(refused(excludeFilter), ['Questionnaire.contained[0].compose.exclude[0].filter', 'questionnaire.value_set_expand']);
    const expanded = base();
    expanded.contained[0].compose.include[0].filter = [{ property: 'x', op: '=', value: 'y' }];
    expanded.contained[0].expansion = { contains: [{ system: CS, code: 'often', display: 'Ofte' }] };
    assert.equal(checkQuestionnaire(expanded).ok, true, 'an expansion in the file is used as it is');
  });

  it('leaves a questionnaire without answerValueSet unchanged', () => {
    const plain = { ...base(), contained: undefined, item: [{ linkId: 'a', type: 'string', text: 'Navn' }] };
    const r = resolveContainedValueSets(plain);
    assert.deepEqual(r.ok && r.questionnaire.item, plain.item);
  });
});
