/**
 * The languages citizen-facing pages are offered in (the questionnaire page and the public association
 * page), in their own names, with the browser speech voice to ask for; Arabic, Farsi and Urdu are
 * written right to left. The server's list is src/assessment/translations/catalogues.ts.
 */
export const citizenLanguages = [
  { code: 'da', name: 'Dansk', speech: 'da-DK' }, { code: 'en', name: 'English', speech: 'en-GB' },
  { code: 'ar', name: 'العربية', speech: 'ar' }, { code: 'fa', name: 'فارسی', speech: 'fa-IR' },
  { code: 'so', name: 'Soomaali', speech: 'so-SO' }, { code: 'tr', name: 'Türkçe', speech: 'tr-TR' },
  { code: 'ur', name: 'اردو', speech: 'ur-PK' }, { code: 'pl', name: 'Polski', speech: 'pl-PL' },
] as const;
export type CitizenLanguageCode = (typeof citizenLanguages)[number]['code'];
const rtl = new Set<string>(['ar', 'fa', 'ur']);
export const directionOf = (lang: string): 'ltr' | 'rtl' => (rtl.has(lang) ? 'rtl' : 'ltr');
export const isCitizenLanguage = (code: string | null): code is CitizenLanguageCode => citizenLanguages.some((l) => l.code === code);
