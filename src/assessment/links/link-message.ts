import { readFileSync } from 'node:fs';

const texts = JSON.parse(readFileSync(new URL('./link-messages.json', import.meta.url), 'utf8')) as Record<string, string>;
const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

/**
 * The text of the message that carries a personal link: in the link's language first (when it is
 * not Danish and we have the text), then the Danish text with the link and the phone number, so the
 * link itself appears once.
 */
export function linkMessage(language: string, url: string, days: number, phone: string | null): string {
  const danish = `${fill(texts.da!, { days })} ${url}${phone ? ` ${fill(texts.phone_da!, { phone })}` : ''}`;
  const own = language !== 'da' && !language.startsWith('_') ? texts[language] : undefined;
  return own ? `${fill(own, { days })}\n\n${danish}` : danish;
}
