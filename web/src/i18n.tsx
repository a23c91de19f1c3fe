import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { da, en, type MessageKey } from './messages.ts';

export type Lang = 'da' | 'en';
const catalogues: Record<Lang, Record<MessageKey, string>> = { da, en };
const TIME_ZONE = 'Europe/Copenhagen';
const locale = (lang: Lang) => (lang === 'da' ? 'da-DK' : 'en-GB');

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
  /** 23.11.2026 (da) / 23/11/2026 (en), in Danish time. */
  date(value: string | Date): string;
  /** 23.11.2026 kl. 10.00 */
  dateTime(value: string | Date): string;
  time(value: string | Date): string;
  /** 92,5 (da) / 92.5 (en) */
  number(value: number): string;
}

const I18nContext = createContext<I18n | null>(null);
export const currentLang = (): Lang => (localStorage.getItem('ligevej.lang') === 'en' ? 'en' : 'da');

/** A YYYY-MM-DD date is a calendar day: shown as such, never shifted by time zones. */
const asDate = (value: string | Date): Date => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value));

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLang);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem('ligevej.lang', next);
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dateFormat = new Intl.DateTimeFormat(locale(lang), { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
    const timeFormat = new Intl.DateTimeFormat(locale(lang), { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
    const numberFormat = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2 });
    const t: Translate = (key, params = {}) =>
      (catalogues[lang][key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
    return {
      lang, setLang, t,
      date: (v) => dateFormat.format(asDate(v)),
      time: (v) => timeFormat.format(new Date(v)),
      dateTime: (v) => `${dateFormat.format(new Date(v))} ${lang === 'da' ? 'kl.' : 'at'} ${timeFormat.format(new Date(v))}`,
      number: (v) => numberFormat.format(v),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Parses a number typed the Danish way (92,5) or the English way (92.5); NaN when it is not one. */
export function parseNumber(text: string): number {
  const clean = text.trim().replace(/\s/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(clean)) return NaN;
  return Number(clean.replace(',', '.'));
}

/** Today's date and the time now in Danish time, for form defaults (YYYY-MM-DD, HH:MM). */
export function localNow(): { date: string; time: string } {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date()).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The instant of a local date and time in Danish time, as ISO 8601 with offset. */
export function toInstant(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  const shown = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(guess).map((p) => [p.type, p.value]));
  const offset = Date.parse(`${shown.year}-${shown.month}-${shown.day}T${shown.hour}:${shown.minute}:00Z`) - guess.getTime();
  return new Date(guess.getTime() - offset).toISOString();
}
