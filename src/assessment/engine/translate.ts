import type { PrimitiveExtension, Questionnaire, QuestionnaireItem } from '../fhir/questionnaire-types.ts';
import { EXT } from '../fhir/questionnaire-types.ts';

/**
 * A translation file: Danish source text → text in one language. Keyed by the Danish wording, so a
 * translator (or a municipality correcting one) reads both side by side, and a scale used by many
 * questions is translated once.
 */
export interface TranslationCatalogue {
  language: string;
  /** The language's own name, e.g. "العربية". */
  name: string;
  direction: 'ltr' | 'rtl';
  strings: Record<string, string>;
}

/** The FHIR translation extension on a primitive (`_text`, `_display`, `_title`). */
export function extensionTranslation(pe: PrimitiveExtension | undefined, lang: string): string | undefined {
  for (const ext of pe?.extension ?? []) {
    if (ext.url !== EXT.translation) continue;
    const parts = ext.extension ?? [];
    const code = parts.find((p) => p.url === 'lang')?.valueCode;
    const content = parts.find((p) => p.url === 'content')?.valueString;
    if (code?.toLowerCase().split('-')[0] === lang && content) return content;
  }
  return undefined;
}

type Translate = (danish: string | undefined, pe: PrimitiveExtension | undefined) => string | undefined;

function mapItem(item: QuestionnaireItem, tr: Translate): QuestionnaireItem {
  return {
    ...item,
    ...(item.text !== undefined ? { text: tr(item.text, item._text) } : {}),
    ...(item.answerOption ? {
      answerOption: item.answerOption.map((o) => ({
        ...o,
        ...(o.valueCoding ? { valueCoding: { ...o.valueCoding, ...(o.valueCoding.display !== undefined ? { display: tr(o.valueCoding.display, o.valueCoding._display) } : {}) } } : {}),
        ...(o.valueString !== undefined ? { valueString: o.valueString } : {}),
      })),
    } : {}),
    ...(item.item ? { item: item.item.map((i) => mapItem(i, tr)) } : {}),
  };
}

/**
 * The questionnaire in a language: the FHIR translation extension first, then the catalogue, else
 * the Danish text (listed in `missing`). Option values (codes, valueString) are never translated,
 * so answers stay comparable across languages.
 */
export function localizeQuestionnaire(q: Questionnaire, lang: string, catalogue: TranslationCatalogue | undefined): { questionnaire: Questionnaire; missing: string[] } {
  if (lang === 'da') return { questionnaire: q, missing: [] };
  const missing = new Set<string>();
  const tr: Translate = (danish, pe) => {
    if (danish === undefined) return undefined;
    const found = extensionTranslation(pe, lang) ?? catalogue?.strings[danish];
    if (found) return found;
    missing.add(danish);
    return danish;
  };
  const questionnaire: Questionnaire = {
    ...q,
    language: lang,
    ...(q.title !== undefined ? { title: tr(q.title, q._title) } : {}),
    item: q.item.map((i) => mapItem(i, tr)),
  };
  return { questionnaire, missing: [...missing] };
}

/** Every piece of Danish text in a questionnaire that a translation must cover, in document order. */
export function translatableStrings(q: Questionnaire): string[] {
  const seen = new Set<string>();
  const add = (s: string | undefined) => { if (s && s.trim()) seen.add(s); };
  add(q.title);
  const visit = (items: readonly QuestionnaireItem[]) => items.forEach((item) => {
    add(item.text);
    item.answerOption?.forEach((o) => add(o.valueCoding?.display));
    visit(item.item ?? []);
  });
  visit(q.item);
  return [...seen];
}
