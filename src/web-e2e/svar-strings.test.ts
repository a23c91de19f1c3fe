import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../web/src/svar/strings/', import.meta.url));
const load = (lang: string): Record<string, string> => JSON.parse(readFileSync(`${dir}/${lang}.json`, 'utf8')) as Record<string, string>;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** The citizen page's own words: a file per language a municipality can correct; gaps fall back to Danish. */
describe('the citizen page\'s translation files', () => {
  const da = load('da');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();

  it('exist for the eight languages offered', () => {
    assert.deepEqual(files, ['ar', 'da', 'en', 'fa', 'pl', 'so', 'tr', 'ur']);
  });

  for (const lang of ['ar', 'en', 'fa', 'pl', 'so', 'tr', 'ur']) {
    it(`${lang}: translates every Danish string, keeps its placeholders and adds no unknown keys`, () => {
      const strings = load(lang);
      assert.deepEqual(Object.keys(da).filter((k) => !strings[k]?.trim()), [], 'untranslated (shown in Danish)');
      assert.deepEqual(Object.keys(strings).filter((k) => !(k in da)), [], 'unknown keys');
      for (const [key, text] of Object.entries(da)) assert.deepEqual(placeholders(strings[key] ?? text), placeholders(text), `${lang}.${key}`);
      assert.equal(strings.direction, ['ar', 'fa', 'ur'].includes(lang) ? 'rtl' : 'ltr');
    });
  }
});
