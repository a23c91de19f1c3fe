import type { Language } from '../shared/i18n.ts';
import { ruleMessage } from '../shared/i18n.ts';
import type { FileProblem } from './parse-file.ts';
import type { ImportCounts } from './import-referrals.ts';
import type { RowProblem } from './referral-rows.ts';

/**
 * The import command's own texts (Danish, English with LIGEVEJ_LANG=en). Field rules are rendered
 * with the shared rule messages; a report names rows and columns, never a cell's value.
 */
const texts = {
  da: {
    usage: 'Brug: ligevej import referrals FIL [--municipality KODE] [--dry-run]\n',
    extension: 'Filtypen "{ext}" kan ikke importeres. Brug .csv eller .xlsx (gem en .xls-fil som .xlsx).',
    unreadable: 'Filen "{file}" kunne ikke læses ({reason}).',
    csv: 'Filen "{file}" er ikke gyldig CSV: linje {line} ({code}).',
    xlsx: 'Filen "{file}" kunne ikke læses som XLSX: {reason}.',
    empty: 'Filen "{file}" er tom: første række skal være kolonneoverskrifter.',
    duplicate: 'Kolonnen "{column}" står flere gange i filen (også som engelsk navn?). Slet den ene.',
    ignored: 'Bemærk: kolonnerne {columns} indgår ikke i formatet og springes over.',
    municipalityFormat: '--municipality skal være en kommunekode på 3 cifre, fx 101.',
    municipalityUnknown: 'Der findes ingen kommune med koden {code}. Kendte koder: {codes}.',
    municipalityNeeded: 'Angiv kommunen med --municipality KODE; databasen har {count} kommuner ({codes}).',
    badRows: 'Intet er importeret: {rows} række(r) skal rettes ({problems} fejl). Ret filen, og kør importen igen.',
    problem: 'Række {row}, kolonne {letter}: {message}',
    noRows: 'Filen indeholder ingen henvisninger.',
    done: 'Importeret til {municipality}: {created} nye henvisninger, {skipped} var allerede importeret ({rows} rækker). Borgere: {citizensCreated} nye, {citizensReused} kendte. Nye henvisende organisationer: {organizations}.',
    dryRun: 'Prøvekørsel – intet er gemt. Importen til {municipality} ville give {created} nye henvisninger, {skipped} var allerede importeret ({rows} rækker). Borgere: {citizensCreated} nye, {citizensReused} kendte. Nye henvisende organisationer: {organizations}.',
    failed: 'Importen blev afbrudt, og intet er gemt: {reason}',
  },
  en: {
    usage: 'Usage: ligevej import referrals FILE [--municipality CODE] [--dry-run]\n',
    extension: 'Files of type "{ext}" cannot be imported. Use .csv or .xlsx (save an .xls file as .xlsx).',
    unreadable: 'The file "{file}" could not be read ({reason}).',
    csv: 'The file "{file}" is not valid CSV: line {line} ({code}).',
    xlsx: 'The file "{file}" could not be read as XLSX: {reason}.',
    empty: 'The file "{file}" is empty: the first row must be the column headers.',
    duplicate: 'The column "{column}" appears more than once in the file (also under its English name?). Delete one of them.',
    ignored: 'Note: the columns {columns} are not part of the format and are skipped.',
    municipalityFormat: '--municipality must be a 3-digit municipality code, e.g. 101.',
    municipalityUnknown: 'There is no municipality with the code {code}. Known codes: {codes}.',
    municipalityNeeded: 'Name the municipality with --municipality CODE; the database has {count} municipalities ({codes}).',
    badRows: 'Nothing was imported: {rows} row(s) must be corrected ({problems} problems). Correct the file and run the import again.',
    problem: 'Row {row}, column {letter}: {message}',
    noRows: 'The file contains no referrals.',
    done: 'Imported into {municipality}: {created} new referrals, {skipped} already imported ({rows} rows). Citizens: {citizensCreated} new, {citizensReused} known. New referring organisations: {organizations}.',
    dryRun: 'Dry run – nothing was saved. Importing into {municipality} would give {created} new referrals, {skipped} already imported ({rows} rows). Citizens: {citizensCreated} new, {citizensReused} known. New referring organisations: {organizations}.',
    failed: 'The import was stopped and nothing was saved: {reason}',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type ImportText = keyof (typeof texts)['da'];

export function text(lang: Language, key: ImportText, params: Record<string, string | number> = {}): string {
  return texts[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function fileProblemText(lang: Language, file: string, p: FileProblem): string {
  switch (p.kind) {
    case 'extension': return text(lang, 'extension', { ext: p.ext });
    case 'unreadable': return text(lang, 'unreadable', { file, reason: p.reason });
    case 'csv': return text(lang, 'csv', { file, line: p.line, code: p.code });
    case 'xlsx': return text(lang, 'xlsx', { file, reason: p.reason });
    case 'empty': return text(lang, 'empty', { file });
  }
}

/** One line per problem, in row order; the message names the column as written in the file. */
export function problemLines(lang: Language, problems: readonly RowProblem[]): string[] {
  return [...problems]
    .sort((a, b) => a.row - b.row || a.letter.length - b.letter.length || a.letter.localeCompare(b.letter))
    .map((p) => text(lang, 'problem', { row: p.row, letter: p.letter, message: ruleMessage(lang, p.column, p.rule, p.params ?? {}) }));
}

export function countsText(lang: Language, municipality: string, c: ImportCounts, dryRun: boolean): string {
  return text(lang, dryRun ? 'dryRun' : 'done', {
    municipality, created: c.referralsCreated, skipped: c.referralsAlreadyImported, rows: c.rows,
    citizensCreated: c.citizensCreated, citizensReused: c.citizensReused, organizations: c.organizationsCreated,
  });
}
