import { parseArgs } from 'node:util';
import { builtinQuestionnaires } from '../assessment/builtin.ts';
import { translationReport } from '../assessment/engine/translation-report.ts';
import { citizenLanguages, loadCatalogues } from '../assessment/translations/catalogues.ts';

const usage = 'Brug: ligevej translations check [--lang KODE] [--strict] [--dir MAPPE]';

/**
 * `ligevej translations check`: lists, per citizen language, the questionnaire texts that have no
 * translation and are shown in Danish, and file entries whose Danish source is gone. Exit 0, or 1
 * with --strict when anything is missing; 2 on usage errors. --dir checks a municipality's
 * correction folder (as LIGEVEJ_TRANSLATIONS_DIR) on top of the shipped files.
 */
type Line = (line: string) => void;
const stdout: Line = (l) => { process.stdout.write(`${l}\n`); };
const stderr: Line = (l) => { process.stderr.write(`${l}\n`); };

export async function translationsCommand(args: string[], out: Line = stdout, err: Line = stderr): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { lang: { type: 'string' }, strict: { type: 'boolean', default: false }, dir: { type: 'string' } } });
  } catch (e) {
    err(`${e instanceof Error ? e.message : String(e)}\n${usage}`);
    return 2;
  }
  if (parsed.positionals[0] !== 'check' || parsed.positionals.length !== 1) { err(usage); return 2; }
  const lang = parsed.values.lang;
  if (lang !== undefined && !(citizenLanguages as readonly string[]).includes(lang)) { err(`Ukendt sprog: ${lang} (kendte: ${citizenLanguages.join(', ')})`); return 2; }
  const reports = translationReport(builtinQuestionnaires, loadCatalogues(parsed.values.dir ?? process.env.LIGEVEJ_TRANSLATIONS_DIR), lang ? [lang] : citizenLanguages);
  let missingTotal = 0;
  for (const r of reports) {
    missingTotal += r.missing.length;
    out(`${r.language}: ${r.total - r.missing.length} af ${r.total} tekster oversat${r.missing.length ? `, ${r.missing.length} vises på dansk:` : '.'}`);
    for (const s of r.missing) out(`  - ${s}`);
    if (r.stale.length) out(`  ${r.stale.length} oversættelse(r) uden dansk kilde (teksten er ændret): ${r.stale.map((s) => `"${s}"`).join(', ')}`);
  }
  return parsed.values.strict && missingTotal > 0 ? 1 : 0;
}
