import type { FieldProblem } from '../../shared/errors.ts';
import { QuestionnaireSchema } from './questionnaire-schema.ts';
import { answerProblems } from '../engine/answers.ts';
import { fhirPath, resolveContainedValueSets, zodProblem } from './value-set.ts';
import { unsupportedItemTypes, type Questionnaire, type QuestionnaireItem } from './questionnaire-types.ts';

export type QuestionnaireCheck = { ok: true; questionnaire: Questionnaire } | { ok: false; problem: FieldProblem };

export { fhirPath };

const answerKeys = ['answerBoolean', 'answerDecimal', 'answerInteger', 'answerDate', 'answerDateTime', 'answerTime', 'answerString', 'answerCoding', 'answerQuantity', 'answerReference'];
const optionKeys = ['valueCoding', 'valueInteger', 'valueString', 'valueDate', 'valueTime', 'valueReference'];
const optionTypes = new Set(['choice', 'open-choice', 'integer', 'string', 'date', 'time']);
const present = (o: object, keys: string[]): string[] => keys.filter((k) => (o as Record<string, unknown>)[k] !== undefined);

/**
 * Checks a FHIR R4 Questionnaire and returns the first problem, named by its path, or the typed
 * questionnaire. Pure: the import API and CLI both refuse a file with this message.
 */
export function checkQuestionnaire(input: unknown): QuestionnaireCheck {
  const parsed = QuestionnaireSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problem: zodProblem(parsed.error) };
  const resolved = resolveContainedValueSets(parsed.data as unknown as Questionnaire);
  if (!resolved.ok) return resolved;
  const q = resolved.questionnaire;
  const problem = semanticProblem(q);
  return problem ? { ok: false, problem } : { ok: true, questionnaire: q };
}

/** FHIR que-11 and the item's own answer rules: initial[x] fits the type; options use initialSelected, one unless repeating. */
function initialProblem(item: QuestionnaireItem): (string | number)[] | null {
  const initial = item.initial ?? [];
  if (initial.length && (item.type === 'group' || item.type === 'display' || item.answerOption?.length || (initial.length > 1 && !item.repeats))) return ['initial'];
  const wrong = initial.findIndex((value) => answerProblems(item, value, '').length > 0);
  if (wrong >= 0) return ['initial', wrong];
  const selected = (item.answerOption ?? []).filter((o) => o.initialSelected).length;
  return selected > 1 && !item.repeats ? ['answerOption'] : null;
}

function semanticProblem(q: Questionnaire): FieldProblem | null {
  const linkIds = new Set<string>();
  const all: { item: QuestionnaireItem; path: (string | number)[] }[] = [];
  const collect = (items: QuestionnaireItem[], base: (string | number)[]) => items.forEach((item, i) => {
    const path = [...base, 'item', i];
    all.push({ item, path });
    collect(item.item ?? [], path);
  });
  collect(q.item, []);
  for (const { item, path } of all) {
    const at = (rule: string, ...rest: (string | number)[]): FieldProblem => ({ path: fhirPath([...path, ...rest]), rule, params: { linkId: item.linkId } });
    if (linkIds.has(item.linkId)) return at('questionnaire.link_id_duplicate', 'linkId');
    linkIds.add(item.linkId);
    if ((unsupportedItemTypes as readonly string[]).includes(item.type)) return at('questionnaire.unsupported_type', 'type');
    const children = item.item?.length ?? 0;
    if (item.type === 'group' && children === 0) return at('questionnaire.group_empty', 'item');
    if (item.type === 'group' && item.repeats) return at('questionnaire.repeating_group', 'repeats');
    if (item.type === 'display' && children > 0) return at('questionnaire.display_children', 'item');
    if (item.type === 'display' && (item.required || item.repeats)) return at('questionnaire.display_answerable', item.required ? 'required' : 'repeats');
    if (item.answerOption?.length && !optionTypes.has(item.type)) return at('questionnaire.options_type', 'answerOption');
    if ((item.type === 'choice' || item.type === 'open-choice') && !item.answerOption?.length) return at('questionnaire.options_missing', 'answerOption');
    for (const [i, option] of (item.answerOption ?? []).entries()) {
      if (present(option, optionKeys).length !== 1) return at('questionnaire.option_value', 'answerOption', i);
    }
    const initial = initialProblem(item);
    if (initial) return at('questionnaire.initial_value', ...initial);
    if ((item.enableWhen?.length ?? 0) > 1 && !item.enableBehavior) return at('questionnaire.enable_behavior', 'enableBehavior');
  }
  for (const { item, path } of all) {
    for (const [i, ew] of (item.enableWhen ?? []).entries()) {
      const at = (rule: string, ...rest: string[]): FieldProblem => ({ path: fhirPath([...path, 'enableWhen', i, ...rest]), rule, params: { linkId: item.linkId } });
      if (!linkIds.has(ew.question) || ew.question === item.linkId) return at('questionnaire.enable_when_question', 'question');
      const answers = present(ew, answerKeys);
      if (answers.length !== 1) return at('questionnaire.enable_when_answer');
      if (ew.operator === 'exists' && answers[0] !== 'answerBoolean') return at('questionnaire.enable_when_answer', answers[0]!);
    }
  }
  return null;
}
