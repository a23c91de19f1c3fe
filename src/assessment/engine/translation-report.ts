import type { Questionnaire } from '../fhir/questionnaire-types.ts';
import { extensionTranslation, translatableStrings, type TranslationCatalogue } from './translate.ts';

export interface LanguageReport {
  language: string;
  total: number;
  /** Danish strings shown in Danish because neither the questionnaire nor the file translates them. */
  missing: string[];
  /** File entries whose Danish source no longer appears in any questionnaire (left after a rewording). */
  stale: string[];
}

/** What each language lacks, over every questionnaire given. Pure; `ligevej translations check` prints it. */
export function translationReport(questionnaires: readonly Questionnaire[], catalogues: ReadonlyMap<string, TranslationCatalogue>, languages: readonly string[]): LanguageReport[] {
  const sources = new Set(questionnaires.flatMap(translatableStrings));
  return languages.filter((l) => l !== 'da').map((language) => {
    const strings = catalogues.get(language)?.strings ?? {};
    const inExtension = new Set(questionnaires.flatMap((q) => inlineTranslated(q, language)));
    const missing = [...sources].filter((s) => !strings[s] && !inExtension.has(s));
    const stale = Object.keys(strings).filter((s) => !sources.has(s));
    return { language, total: sources.size, missing, stale };
  });
}

function inlineTranslated(q: Questionnaire, lang: string): string[] {
  const out: string[] = [];
  if (q.title && extensionTranslation(q._title, lang)) out.push(q.title);
  const visit = (items: Questionnaire['item']) => items.forEach((i) => {
    if (i.text && extensionTranslation(i._text, lang)) out.push(i.text);
    i.answerOption?.forEach((o) => { if (o.valueCoding?.display && extensionTranslation(o.valueCoding._display, lang)) out.push(o.valueCoding.display); });
    visit(i.item ?? []);
  });
  visit(q.item);
  return out;
}
