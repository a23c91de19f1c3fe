/** The parts of a FHIR R4 Questionnaire the citizen page shows, and the flat answers it sends back. */
export interface Coding { system?: string; code?: string; display?: string }
export type AnswerValue = { valueCoding: Coding } | { valueInteger: number } | { valueDecimal: number } | { valueString: string } | { valueBoolean: boolean } | { valueDate: string };
export interface Option { valueCoding?: Coding; valueInteger?: number; valueString?: string }
export interface EnableWhen {
  question: string; operator: string; answerCoding?: Coding; answerInteger?: number; answerDecimal?: number; answerString?: string; answerBoolean?: boolean;
}
export interface Item {
  linkId: string; type: string; text?: string; required?: boolean; repeats?: boolean; readOnly?: boolean; maxLength?: number;
  answerOption?: Option[]; enableWhen?: EnableWhen[]; enableBehavior?: 'all' | 'any'; item?: Item[];
}
export interface Questionnaire { resourceType: 'Questionnaire'; title?: string; item?: Item[] }
export type Answers = Record<string, AnswerValue[]>;

/** One screen per top-level group (a loose question gets a screen of its own). */
export const pagesOf = (q: Questionnaire): Item[] => (q.item ?? []).map((i) => (i.type === 'group' ? i : { linkId: `page-${i.linkId}`, type: 'group', item: [i] }));

export const questionsOf = (items: Item[]): Item[] => items.flatMap((i) => (i.type === 'group' ? questionsOf(i.item ?? []) : i.type === 'display' ? [] : [i]));

/** A stable key for an answer option or answer value (to compare them). */
export function valueKey(v: Option | AnswerValue | EnableWhen): string {
  const o = v as Record<string, unknown>;
  for (const [k, x] of Object.entries(o)) {
    if (!/^(value|answer)/.test(k)) continue;
    const kind = k.replace(/^(value|answer)/, '');
    return kind === 'Coding' ? `Coding:${(x as Coding).system ?? ''}|${(x as Coding).code ?? ''}` : `${kind}:${String(x)}`;
  }
  return '';
}

/** The answer to send for a chosen option: the coding's system and code only (the display is the server's). */
export function optionAnswer(o: Option): AnswerValue {
  if (o.valueCoding) return { valueCoding: { ...(o.valueCoding.system ? { system: o.valueCoding.system } : {}), ...(o.valueCoding.code ? { code: o.valueCoding.code } : {}) } };
  if (o.valueInteger !== undefined) return { valueInteger: o.valueInteger };
  return { valueString: o.valueString ?? '' };
}
export const optionLabel = (o: Option): string => o.valueCoding?.display ?? o.valueCoding?.code ?? String(o.valueInteger ?? o.valueString ?? '');

function numberOf(v: AnswerValue | EnableWhen): number | null {
  const o = v as Record<string, unknown>;
  const n = o.valueInteger ?? o.valueDecimal ?? o.answerInteger ?? o.answerDecimal;
  return typeof n === 'number' ? n : null;
}

function condition(c: EnableWhen, answers: Answers): boolean {
  const given = answers[c.question] ?? [];
  if (c.operator === 'exists') return (given.length > 0) === (c.answerBoolean ?? true);
  const want = valueKey(c);
  if (c.operator === '=') return given.some((a) => valueKey(a) === want);
  if (c.operator === '!=') return given.length > 0 && given.every((a) => valueKey(a) !== want);
  const target = numberOf(c);
  return given.some((a) => {
    const n = numberOf(a);
    if (n === null || target === null) return false;
    return c.operator === '>' ? n > target : c.operator === '<' ? n < target : c.operator === '>=' ? n >= target : c.operator === '<=' ? n <= target : false;
  });
}

/** FHIR enableWhen: all conditions by default, any when enableBehavior says so. */
export function isEnabled(item: Item, answers: Answers): boolean {
  if (!item.enableWhen?.length) return true;
  const results = item.enableWhen.map((c) => condition(c, answers));
  return item.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean);
}

/** The answers to send: one entry per question still shown, none for questions hidden by enableWhen. */
export function flatAnswers(q: Questionnaire, answers: Answers): { linkId: string; answer: AnswerValue[] }[] {
  const out: { linkId: string; answer: AnswerValue[] }[] = [];
  const walk = (items: Item[]) => {
    for (const i of items) {
      if (!isEnabled(i, answers)) continue;
      if (i.item) walk(i.item);
      const a = answers[i.linkId];
      if (i.type !== 'group' && i.type !== 'display' && a?.length) out.push({ linkId: i.linkId, answer: a });
    }
  };
  walk(q.item ?? []);
  return out;
}

/** Required questions on a page that are shown and still unanswered. */
export const missingOn = (page: Item, answers: Answers): Item[] =>
  questionsOf([page]).filter((i) => i.required && isEnabled(i, answers) && !(answers[i.linkId]?.length));
