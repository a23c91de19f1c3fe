import da from './strings/da.json';
import en from './strings/en.json';
import ar from './strings/ar.json';
import fa from './strings/fa.json';
import so from './strings/so.json';
import tr from './strings/tr.json';
import ur from './strings/ur.json';
import pl from './strings/pl.json';
import { citizenLanguages, directionOf, isCitizenLanguage } from '../citizen-languages.ts';

/**
 * The citizen page's own words, one JSON file per language that a municipality can correct.
 * A string missing from a language falls back to Danish (the questionnaire itself comes translated
 * from the server).
 */
export type StringKey = keyof typeof da;
type Catalogue = Partial<Record<StringKey, string>>;
const catalogues: Record<string, Catalogue> = { da, en, ar, fa, so, tr, ur, pl };

export { directionOf };
/** The languages offered, in their own names; Arabic, Farsi and Urdu are written right to left. */
export const languages = citizenLanguages;
export const isOffered = (lang: string): boolean => isCitizenLanguage(lang);
export const speechLang = (lang: string): string => languages.find((l) => l.code === lang)?.speech ?? lang;

export type Say = (key: StringKey, params?: Record<string, string | number>) => string;
export const sayer = (lang: string): Say => (key, params = {}) =>
  (catalogues[lang]?.[key] ?? da[key]).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));

/** Sets the document's language and writing direction (screen readers, layout, fonts). */
export function applyLanguage(lang: string): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

/** The language to start in before the link says which: the citizen's last choice, the browser's, else Danish. */
export function initialLanguage(): string {
  const stored = localStorage.getItem('ligevej.svar.lang');
  if (stored && isOffered(stored)) return stored;
  const browser = navigator.language.slice(0, 2);
  return isOffered(browser) ? browser : 'da';
}
