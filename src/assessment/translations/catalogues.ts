import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TranslationCatalogue } from '../engine/translate.ts';

/** Languages the citizen pages are offered in; Danish is the source language. */
export const citizenLanguages = ['da', 'en', 'ar', 'fa', 'so', 'tr', 'ur', 'pl'] as const;
export type CitizenLanguage = (typeof citizenLanguages)[number];
export const isCitizenLanguage = (lang: string): lang is CitizenLanguage => (citizenLanguages as readonly string[]).includes(lang);
export const rtlLanguages: readonly string[] = ['ar', 'fa', 'ur'];

const shippedDir = import.meta.dirname;

function readDir(dir: string): TranslationCatalogue[] {
  let names: string[];
  try { names = readdirSync(dir).filter((n) => /^[a-z]{2,3}\.json$/.test(n)); } catch { return []; }
  return names.map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as TranslationCatalogue);
}

/**
 * The translation files shipped in this folder, each corrected by the same-named file in
 * LIGEVEJ_TRANSLATIONS_DIR when set (a municipality's corrections win string by string).
 */
export function loadCatalogues(overrideDir: string | undefined = process.env.LIGEVEJ_TRANSLATIONS_DIR): Map<string, TranslationCatalogue> {
  const out = new Map(readDir(shippedDir).map((c) => [c.language, c]));
  for (const fix of overrideDir ? readDir(overrideDir) : []) {
    const base = out.get(fix.language);
    out.set(fix.language, base ? { ...base, ...fix, strings: { ...base.strings, ...fix.strings } } : fix);
  }
  return out;
}

let cached: Map<string, TranslationCatalogue> | undefined;
export const catalogues = (): Map<string, TranslationCatalogue> => (cached ??= loadCatalogues());
