import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkQuestionnaire } from './validate-questionnaire.ts';
import { builtinQuestionnaires } from '../builtin.ts';

const base = () => ({
  resourceType: 'Questionnaire', url: 'https://kommune.example/fhir/Questionnaire/x', version: '1', status: 'active',
  item: [
    { linkId: 'g', type: 'group', text: 'Gruppe', item: [
      { linkId: 'q1', type: 'choice', text: 'Ryger du?', answerOption: [{ valueCoding: { code: 'y', display: 'Ja' } }, { valueCoding: { code: 'n', display: 'Nej' } }] },
      { linkId: 'q2', type: 'integer', text: 'Hvor mange?', enableWhen: [{ question: 'q1', operator: '=', answerCoding: { code: 'y' } }] },
    ] },
  ],
}) as any;

const problemOf = (q: unknown) => {
  const r = checkQuestionnaire(q);
  assert.equal(r.ok, false, 'expected a refusal');
  return (r as { ok: false; problem: { path: string; rule: string } }).problem;
};

describe('checking a FHIR Questionnaire', () => {
  it('accepts a well-formed questionnaire and every built-in one', () => {
    assert.equal(checkQuestionnaire(base()).ok, true);
    for (const q of builtinQuestionnaires) assert.equal(checkQuestionnaire(q).ok, true, q.url);
  });

  it('names the path of the first structural problem', () => {
    const q = base();
    q.item[0].item[1].type = 'number';
    assert.deepEqual([problemOf(q).path, problemOf(q).rule], ['Questionnaire.item[0].item[1].type', 'enum']);
    assert.equal(problemOf({ ...base(), resourceType: 'Patient' }).path, 'Questionnaire.resourceType');
    const noVersion = base();
    delete noVersion.version;
    assert.deepEqual([problemOf(noVersion).path, problemOf(noVersion).rule], ['Questionnaire.version', 'required']);
    assert.equal(problemOf({ ...base(), item: [] }).path, 'Questionnaire.item');
    assert.equal(problemOf('not an object').path, 'Questionnaire');
  });

  it('refuses duplicate linkIds, unknown enableWhen targets and ambiguous conditions', () => {
    const dup = base();
    dup.item[0].item[1].linkId = 'q1';
    assert.deepEqual([problemOf(dup).path, problemOf(dup).rule], ['Questionnaire.item[0].item[1].linkId', 'questionnaire.link_id_duplicate']);
    const target = base();
    target.item[0].item[1].enableWhen[0].question = 'nope';
    assert.deepEqual([problemOf(target).path, problemOf(target).rule], ['Questionnaire.item[0].item[1].enableWhen[0].question', 'questionnaire.enable_when_question']);
    const two = base();
    two.item[0].item[1].enableWhen.push({ question: 'q1', operator: 'exists', answerBoolean: true });
    assert.equal(problemOf(two).rule, 'questionnaire.enable_behavior');
    const exists = base();
    exists.item[0].item[1].enableWhen = [{ question: 'q1', operator: 'exists', answerString: 'x' }];
    assert.equal(problemOf(exists).rule, 'questionnaire.enable_when_answer');
  });

  it('refuses groups without items, repeating groups, choice without options, ValueSets outside the file and what the engine cannot store', () => {
    const empty = base();
    empty.item.push({ linkId: 'e', type: 'group', text: 'Tom' });
    assert.deepEqual([problemOf(empty).path, problemOf(empty).rule], ['Questionnaire.item[1].item', 'questionnaire.group_empty']);
    const rep = base();
    rep.item[0].repeats = true;
    assert.equal(problemOf(rep).rule, 'questionnaire.repeating_group');
    const noOptions = base();
    delete noOptions.item[0].item[0].answerOption;
    assert.equal(problemOf(noOptions).rule, 'questionnaire.options_missing');
    const valueSet = base();
    delete valueSet.item[0].item[0].answerOption;
    valueSet.item[0].item[0].answerValueSet = 'http://x/vs';
    assert.deepEqual([problemOf(valueSet).path, problemOf(valueSet).rule], ['Questionnaire.item[0].item[0].answerValueSet', 'questionnaire.value_set_external']);
    const attachment = base();
    attachment.item[0].item[1].type = 'attachment';
    assert.equal(problemOf(attachment).rule, 'questionnaire.unsupported_type');
    const twoValues = base();
    twoValues.item[0].item[0].answerOption[0].valueString = 'ja';
    assert.deepEqual([problemOf(twoValues).path, problemOf(twoValues).rule], ['Questionnaire.item[0].item[0].answerOption[0]', 'questionnaire.option_value']);
    const display = base();
    display.item.push({ linkId: 'd', type: 'display', text: 'Tekst', required: true });
    assert.equal(problemOf(display).rule, 'questionnaire.display_answerable');
  });

  it('accepts initial values that fit the question and refuses the rest at their path', () => {
    const good = base();
    good.item[0].item[1].initial = [{ valueInteger: 10 }];
    good.item[0].item[0].answerOption[1].initialSelected = true;
    assert.equal(checkQuestionnaire(good).ok, true);
    const wrongType = base();
    wrongType.item[0].item[1].initial = [{ valueString: 'ti' }];
    assert.deepEqual([problemOf(wrongType).path, problemOf(wrongType).rule], ['Questionnaire.item[0].item[1].initial[0]', 'questionnaire.initial_value']);
    const onChoice = base();
    onChoice.item[0].item[0].initial = [{ valueCoding: { code: 'y' } }];
    assert.deepEqual([problemOf(onChoice).path, problemOf(onChoice).rule], ['Questionnaire.item[0].item[0].initial', 'questionnaire.initial_value']);
    const two = base();
    two.item[0].item[1].initial = [{ valueInteger: 1 }, { valueInteger: 2 }];
    assert.equal(problemOf(two).path, 'Questionnaire.item[0].item[1].initial');
    const twoSelected = base();
    twoSelected.item[0].item[0].answerOption.forEach((o: { initialSelected?: boolean }) => { o.initialSelected = true; });
    assert.deepEqual([problemOf(twoSelected).path, problemOf(twoSelected).rule], ['Questionnaire.item[0].item[0].answerOption', 'questionnaire.initial_value']);
    const onGroup = base();
    onGroup.item[0].initial = [{ valueString: 'x' }];
    assert.equal(problemOf(onGroup).path, 'Questionnaire.item[0].initial');
  });
});
