import { da } from './messages.da.ts';
import { en } from './messages.en.ts';

export type Language = 'da' | 'en';
export type MessageKey = keyof typeof da;

const catalogues: Record<Language, Record<MessageKey, string>> = { da, en };

/** Picks Danish unless the caller prefers English (Accept-Language), following q-values. */
export function languageFrom(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'da';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((r) => r.trim()).find((r) => r.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) {
    if (lang === 'da' || lang === 'nb' || lang === 'nn' || lang === 'no') return 'da';
    if (lang === 'en') return 'en';
  }
  return 'da';
}

export function t(lang: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[lang][key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(da, key);
}

/** Renders a validation rule for a field; unknown rules fall back to a generic message naming the rule. */
export function ruleMessage(lang: Language, path: string, rule: string, params: Record<string, string | number> = {}): string {
  const key = `rule.${rule}`;
  return isMessageKey(key) ? t(lang, key, { path, ...params }) : t(lang, 'rule.generic', { path, rule });
}
