import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { commonPasswords, passwordProblems, variants } from './password-policy.ts';

describe('password rules', () => {
  const list = commonPasswords();
  it('bundles a list of common passwords, Danish ones too', () => {
    assert.ok(list.size > 5000);
    for (const p of ['password', '123456', 'sommer2024', 'kodeord', 'velkommen1']) assert.ok(list.has(p), p);
  });
  it('refuses short, common, username-containing and repetitive passwords', () => {
    assert.deepEqual(passwordProblems('kort', 'anne', list), ['password.too_short']);
    assert.ok(passwordProblems('Sommer2026!!', 'anne', list).includes('password.common'));
    assert.ok(passwordProblems('P@ssw0rd123456', 'anne', list).includes('password.common'), 'leetspeak and trailing digits are folded');
    assert.ok(passwordProblems('Velkommen123456', 'anne', list).includes('password.common'));
    assert.ok(passwordProblems('anne.jensen-er-min-kode', 'anne.jensen', list).includes('password.contains_username'));
    assert.ok(passwordProblems('abcabcabcabcabc', 'x', list).includes('password.repetitive'));
    assert.ok(passwordProblems('x'.repeat(129), 'y', list).includes('password.too_long'));
  });
  it('accepts a long passphrase', () => {
    assert.deepEqual(passwordProblems('grøn kaffe på tirsdag ved havnen', 'anne', list), []);
  });
  it('looks up the spellings people use to dodge lists', () => {
    assert.ok(variants('Dr4gon2020!').includes('dragon'));
    assert.ok(variants('KØBENHAVN').includes('koebenhavn'));
  });
});
