import type { FieldProblem } from '../../shared/errors.ts';
import type { AnswerEntry, AnswerOption, AnswerValue, Questionnaire, QuestionnaireItem } from '../fhir/questionnaire-types.ts';
import { EXT, extensionValue, walkItems } from '../fhir/questionnaire-types.ts';
import { answerMap, codingKey, enabledLinkIds } from './enable-when.ts';

const valueKeyOf: Record<string, readonly (keyof AnswerValue)[]> = {
  boolean: ['valueBoolean'], decimal: ['valueDecimal', 'valueInteger'], integer: ['valueInteger'], date: ['valueDate'],
  dateTime: ['valueDateTime'], time: ['valueTime'], string: ['valueString'], text: ['valueString'], url: ['valueUri'],
  choice: ['valueCoding', 'valueInteger', 'valueString', 'valueDate', 'valueTime'], 'open-choice': ['valueCoding', 'valueString'],
};

const presentKeys = (a: AnswerValue): (keyof AnswerValue)[] => (Object.keys(a) as (keyof AnswerValue)[]).filter((k) => a[k] !== undefined);

function optionMatches(item: QuestionnaireItem, a: AnswerValue): boolean {
  const options = item.answerOption ?? [];
  const c = a.valueCoding;
  if (c) return options.some((o) => o.valueCoding !== undefined && o.valueCoding.code === c.code && (c.system === undefined || c.system === o.valueCoding.system));
  const [key] = presentKeys(a);
  return options.some((o) => key !== undefined && (o as Record<string, unknown>)[key] === a[key]);
}

const numericBound = (item: QuestionnaireItem, url: string): number | undefined => {
  const ext = extensionValue(item.extension, url);
  return ext?.valueInteger ?? ext?.valueDecimal;
};

/** The problems of one answer value against its item (type, option, bounds, length); pure. */
export function answerProblems(item: QuestionnaireItem, a: AnswerValue, path: string): FieldProblem[] {
  const keys = presentKeys(a);
  const allowed = valueKeyOf[item.type] ?? [];
  if (keys.length !== 1 || !allowed.includes(keys[0]!)) return [{ path, rule: 'questionnaire.answer_type', params: { expected: allowed.join(', ') || '—' } }];
  const key = keys[0]!;
  const hasOptions = (item.answerOption?.length ?? 0) > 0;
  const mustBeOption = item.type === 'choice' || (item.type === 'open-choice' && key === 'valueCoding') || (hasOptions && item.type !== 'open-choice');
  if (mustBeOption && !optionMatches(item, a)) return [{ path, rule: 'questionnaire.answer_option' }];
  if (key === 'valueInteger' && !Number.isInteger(a.valueInteger)) return [{ path, rule: 'type', params: { expected: 'integer' } }];
  const n = a.valueInteger ?? a.valueDecimal;
  if (typeof n === 'number') {
    if (!Number.isFinite(n)) return [{ path, rule: 'type', params: { expected: 'number' } }];
    const min = numericBound(item, EXT.minValue);
    const max = numericBound(item, EXT.maxValue);
    if (min !== undefined && n < min) return [{ path, rule: 'min', params: { min } }];
    if (max !== undefined && n > max) return [{ path, rule: 'max', params: { max } }];
  }
  const s = a.valueString;
  if (typeof s === 'string') {
    if (s.trim() === '') return [{ path, rule: 'required' }];
    const max = item.maxLength ?? 2000;
    if (s.length > max) return [{ path, rule: 'max_length', params: { max } }];
  }
  return [];
}

export interface CheckedAnswers { answers: AnswerEntry[]; problems: FieldProblem[]; missingRequired: string[] }

/**
 * Checks answers against a questionnaire. Answers to items that are disabled (by enableWhen) are
 * dropped, so changing an earlier answer never leaves stale ones behind. On completion every
 * enabled required question must be answered. Pure; paths are `answers.<linkId>`.
 */
export function checkAnswers(q: Questionnaire, entries: readonly AnswerEntry[], opts: { complete: boolean }): CheckedAnswers {
  const items = new Map([...walkItems(q.item)].map(({ item }) => [item.linkId, item]));
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const kept: AnswerEntry[] = [];
  for (const entry of entries) {
    const path = `answers.${entry.linkId}`;
    const item = items.get(entry.linkId);
    if (!item || item.type === 'group' || item.type === 'display') { problems.push({ path, rule: 'questionnaire.answer_unknown' }); continue; }
    if (seen.has(entry.linkId)) { problems.push({ path, rule: 'questionnaire.answer_duplicate' }); continue; }
    seen.add(entry.linkId);
    if (entry.answer.length === 0) continue;
    if (entry.answer.length > 1 && !item.repeats) { problems.push({ path, rule: 'questionnaire.answer_repeats' }); continue; }
    const own = entry.answer.flatMap((a) => answerProblems(item, a, path));
    if (own.length) { problems.push(own[0]!); continue; }
    if (item.readOnly && !sameAnswers(entry.answer, initialOf(item))) { problems.push({ path, rule: 'questionnaire.answer_read_only' }); continue; }
    kept.push({ linkId: entry.linkId, answer: entry.answer.map((a) => ({ ...a })) });
  }
  for (const item of items.values()) {
    const initial = initialOf(item);
    if (item.readOnly && initial.length && !seen.has(item.linkId)) kept.push({ linkId: item.linkId, answer: initial });
  }
  const enabled = enabledLinkIds(q, answerMap(kept));
  const answers = kept.filter((e) => enabled.has(e.linkId));
  const answered = new Set(answers.map((e) => e.linkId));
  const missingRequired = [...walkItems(q.item)]
    .filter(({ item }) => item.required && enabled.has(item.linkId) && item.type !== 'group' && item.type !== 'display' && !answered.has(item.linkId))
    .map(({ item }) => item.linkId);
  if (opts.complete) problems.push(...missingRequired.map((linkId) => ({ path: `answers.${linkId}`, rule: 'required' })));
  return { answers, problems, missingRequired };
}

function optionValue(o: AnswerOption): AnswerValue {
  const c = o.valueCoding;
  if (c) return { valueCoding: { ...(c.system ? { system: c.system } : {}), ...(c.code ? { code: c.code } : {}), ...(c.display ? { display: c.display } : {}) } };
  if (o.valueInteger !== undefined) return { valueInteger: o.valueInteger };
  if (o.valueDate !== undefined) return { valueDate: o.valueDate };
  if (o.valueTime !== undefined) return { valueTime: o.valueTime };
  return { valueString: o.valueString ?? '' };
}

/** An item's pre-filled answers: its initial[x], or the answer options marked initialSelected. */
export const initialOf = (item: QuestionnaireItem): AnswerValue[] =>
  item.initial?.length ? item.initial.map((v) => ({ ...v })) : (item.answerOption ?? []).filter((o) => o.initialSelected).map(optionValue);

const answerKey = (a: AnswerValue): string => (a.valueCoding ? codingKey(a.valueCoding) : JSON.stringify(a));
const sameAnswers = (a: readonly AnswerValue[], b: readonly AnswerValue[]): boolean =>
  a.length === b.length && a.every((x, i) => answerKey(x) === answerKey(b[i]!));

/**
 * The answers a new response starts with: every enabled item's initial values (FHIR initial[x] and
 * initialSelected), so the citizen page and a staff form show them pre-filled and changeable. Pure.
 */
export function initialAnswers(q: Questionnaire): AnswerEntry[] {
  const entries = [...walkItems(q.item)].map(({ item }) => ({ linkId: item.linkId, answer: initialOf(item) })).filter((e) => e.answer.length > 0);
  return checkAnswers(q, entries, { complete: false }).answers;
}

export interface FhirResponseItem { linkId: string; text?: string; answer?: AnswerValue[]; item?: FhirResponseItem[] }

/** Nests flat answers as FHIR QuestionnaireResponse.item, following the questionnaire's groups. */
export function nestAnswers(items: readonly QuestionnaireItem[], answers: ReadonlyMap<string, readonly AnswerValue[]>): FhirResponseItem[] {
  const out: FhirResponseItem[] = [];
  for (const item of items) {
    if (item.type === 'group') {
      const children = nestAnswers(item.item ?? [], answers);
      if (children.length) out.push({ linkId: item.linkId, ...(item.text ? { text: item.text } : {}), item: children });
    } else {
      const given = answers.get(item.linkId);
      if (given?.length) out.push({ linkId: item.linkId, ...(item.text ? { text: item.text } : {}), answer: [...given] });
    }
  }
  return out;
}
