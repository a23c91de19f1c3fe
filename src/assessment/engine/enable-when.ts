import type { AnswerEntry, AnswerValue, Coding, EnableWhen, Questionnaire, QuestionnaireItem } from '../fhir/questionnaire-types.ts';
import { walkItems } from '../fhir/questionnaire-types.ts';

export type AnswerMap = ReadonlyMap<string, readonly AnswerValue[]>;
export const answerMap = (entries: readonly AnswerEntry[]): Map<string, AnswerValue[]> => new Map(entries.map((e) => [e.linkId, e.answer]));

/** The comparable value of an answer or an enableWhen answer[x]: number, string, boolean or "system|code". */
function comparable(v: AnswerValue | EnableWhen): number | string | boolean | undefined {
  const r = v as Record<string, unknown>;
  for (const key of ['Boolean', 'Decimal', 'Integer', 'Date', 'DateTime', 'Time', 'String', 'Uri']) {
    const value = r[`value${key}`] ?? r[`answer${key}`];
    if (value !== undefined) return value as number | string | boolean;
  }
  const coding = (r.valueCoding ?? r.answerCoding) as Coding | undefined;
  return coding ? codingKey(coding) : undefined;
}
export const codingKey = (c: Coding): string => `${c.system ?? ''}|${c.code ?? ''}`;

function sameCoding(answer: AnswerValue, condition: EnableWhen): boolean {
  const a = answer.valueCoding;
  const c = condition.answerCoding;
  if (!a || !c) return false;
  return a.code === c.code && (c.system === undefined || a.system === undefined || a.system === c.system);
}

/** One enableWhen condition against the answers given to its question (no answer: only "exists = false" holds). */
export function conditionHolds(condition: EnableWhen, answers: readonly AnswerValue[] | undefined): boolean {
  const given = answers ?? [];
  if (condition.operator === 'exists') return (given.length > 0) === (condition.answerBoolean === true);
  const expected = comparable(condition);
  return given.some((a) => {
    if (condition.answerCoding) {
      const equal = sameCoding(a, condition);
      return condition.operator === '=' ? equal : condition.operator === '!=' ? !equal : false;
    }
    const actual = comparable(a);
    if (actual === undefined || expected === undefined) return false;
    switch (condition.operator) {
      case '=': return actual === expected;
      case '!=': return actual !== expected;
      case '>': return actual > expected;
      case '<': return actual < expected;
      case '>=': return actual >= expected;
      case '<=': return actual <= expected;
      case 'exists': return false;
    }
  });
}

const itemEnabledByConditions = (item: QuestionnaireItem, answers: AnswerMap): boolean => {
  if (!item.enableWhen?.length) return true;
  const results = item.enableWhen.map((c) => conditionHolds(c, answers.get(c.question)));
  return item.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean);
};

/**
 * The linkIds that are enabled given the answers. An item is enabled when its own conditions hold
 * and its parent group is enabled; answers to disabled items do not count for other conditions,
 * so this repeats until nothing changes (conditions may point forwards).
 */
export function enabledLinkIds(q: Questionnaire, answers: AnswerMap): Set<string> {
  const all = [...walkItems(q.item)];
  let effective = new Map(answers);
  let enabled = new Set<string>();
  for (let pass = 0; pass <= all.length; pass++) {
    const next = new Set<string>();
    for (const { item, parents } of all) {
      const parentOk = parents.every((p) => next.has(p.linkId));
      if (parentOk && itemEnabledByConditions(item, effective)) next.add(item.linkId);
    }
    const same = next.size === enabled.size && [...next].every((l) => enabled.has(l));
    enabled = next;
    if (same) break;
    effective = new Map([...answers].filter(([linkId]) => enabled.has(linkId)));
  }
  return enabled;
}
