import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { languageFrom, ruleMessage, t } from './i18n.ts';
import { da } from './messages.da.ts';
import { en } from './messages.en.ts';

describe('i18n', () => {
  it('defaults to Danish and honours q-values', () => {
    assert.equal(languageFrom(undefined), 'da');
    assert.equal(languageFrom('en-GB,en;q=0.9'), 'en');
    assert.equal(languageFrom('fr, en;q=0.5, da;q=0.8'), 'da');
    assert.equal(languageFrom('de'), 'da');
  });
  it('has every Danish message in English with the same placeholders', () => {
    for (const key of Object.keys(da) as (keyof typeof da)[]) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(names(en[key]), names(da[key]), key);
    }
  });
  it('names the field in rule messages and falls back for unknown rules', () => {
    assert.equal(ruleMessage('da', 'cpr', 'cpr.format'), 'Feltet "cpr" skal være et CPR-nummer med 10 cifre (DDMMÅÅ-XXXX).');
    assert.equal(ruleMessage('en', 'x', 'no.such.rule'), 'The field "x" breaks the rule "no.such.rule".');
    assert.equal(t('en', 'error.not_found', { resource: 'Citizen' }), 'Citizen was not found.');
  });
});
