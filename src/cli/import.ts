import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from '../db/database.ts';
import type { CprVault } from '../citizens/cpr-vault.ts';
import type { Language } from '../shared/i18n.ts';
import { ruleMessage, t } from '../shared/i18n.ts';
import { AppError } from '../shared/errors.ts';
import { ImportFileError, readTable } from '../import/parse-file.ts';
import { mapColumns, validateRows } from '../import/referral-rows.ts';
import { importReferrals } from '../import/import-referrals.ts';
import { countsText, fileProblemText, problemLines, text } from '../import/report.ts';
import { openConfigured } from './open.ts';

export interface ImportEnv {
  /** Opens the database; called only once the file has been read and its columns checked. */
  open: () => Promise<{ db: Database; vault: CprVault; close: () => Promise<void> }>;
  now: () => Date;
  lang: Language;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** `ligevej import referrals FILE [--municipality CODE] [--dry-run]`. Exit 0: imported; 1: bad rows (nothing imported); 2: usage or file error. */
export async function importCommand(args: string[]): Promise<number> {
  return runImport(args, {
    open: async () => {
      const { db, vault } = await openConfigured();
      return { db, vault, close: () => db.close() };
    },
    now: () => new Date(),
    lang: process.env.LIGEVEJ_LANG?.toLowerCase().startsWith('en') ? 'en' : 'da',
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}

export async function runImport(args: string[], env: ImportEnv): Promise<number> {
  const { lang } = env;
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { municipality: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } });
  } catch (e) {
    env.err(`${e instanceof Error ? e.message : String(e)}\n${text(lang, 'usage')}`);
    return 2;
  }
  const [what, file, ...extra] = parsed.positionals;
  if (what !== 'referrals' || !file || extra.length) {
    env.err(text(lang, 'usage'));
    return 2;
  }
  const code = parsed.values.municipality;
  if (code !== undefined && !/^[0-9]{3}$/.test(code)) {
    env.err(text(lang, 'municipalityFormat'));
    return 2;
  }
  const dryRun = parsed.values['dry-run'] ?? false;

  let read;
  try {
    read = await readTable(file);
  } catch (e) {
    if (e instanceof ImportFileError) {
      env.err(fileProblemText(lang, basename(file), e.problem));
      return 2;
    }
    throw e;
  }
  const columns = mapColumns(read.table.headers);
  if (columns.missing.length || columns.duplicates.length) {
    for (const column of columns.missing) env.err(ruleMessage(lang, column, 'import.header'));
    for (const column of columns.duplicates) env.err(text(lang, 'duplicate', { column }));
    return 2;
  }
  if (columns.ignored.length) env.out(text(lang, 'ignored', { columns: columns.ignored.map((c) => `"${c}"`).join(', ') }));

  const { db, vault, close } = await env.open();
  try {
    const municipalities = (await db.owner.query<{ id: string; code: string; name: string }>('SELECT id, code, name FROM municipality ORDER BY code')).rows;
    const codes = municipalities.map((m) => m.code).join(', ') || '–';
    const municipality = code !== undefined ? municipalities.find((m) => m.code === code) : municipalities.length === 1 ? municipalities[0] : undefined;
    if (!municipality) {
      env.err(code !== undefined ? text(lang, 'municipalityUnknown', { code, codes }) : text(lang, 'municipalityNeeded', { count: municipalities.length, codes }));
      return 2;
    }

    const now = env.now();
    const result = validateRows(read.table, columns, now);
    if (!result.ok) {
      env.err(text(lang, 'badRows', { rows: result.badRows, problems: result.problems.length }));
      for (const line of problemLines(lang, result.problems)) env.err(line);
      return 1;
    }
    if (!result.rows.length) {
      env.out(text(lang, 'noRows'));
      return 0;
    }
    try {
      const counts = await importReferrals(db, vault, municipality.id, result.rows, {
        now, dryRun, source: { format: read.format, sha256: createHash('sha256').update(read.bytes).digest('hex') },
      });
      env.out(countsText(lang, `${municipality.code} ${municipality.name}`, counts, dryRun));
      return 0;
    } catch (e) {
      // The transaction was rolled back. Database messages name constraints, not cell values.
      env.err(text(lang, 'failed', { reason: e instanceof AppError ? t(lang, e.messageKey, e.params) : e instanceof Error ? e.message.split('\n')[0]! : String(e) }));
      return 1;
    }
  } finally {
    await close();
  }
}
