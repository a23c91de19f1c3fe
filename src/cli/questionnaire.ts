import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Database } from '../db/database.ts';
import { ruleMessage, t, type Language } from '../shared/i18n.ts';
import { AppError } from '../shared/errors.ts';
import { checkQuestionnaire } from '../assessment/fhir/validate-questionnaire.ts';
import { importQuestionnaire } from '../assessment/questionnaire-service.ts';
import { openConfigured } from './open.ts';

export interface QuestionnaireCliEnv {
  open: () => Promise<{ db: Database; close: () => Promise<void> }>;
  now: () => Date;
  lang: Language;
  out: (line: string) => void;
  err: (line: string) => void;
}

const usage = 'Brug: ligevej questionnaire import FIL.json [--municipality KODE]';

/** `ligevej questionnaire import FILE [--municipality CODE]`. Exit 0: imported; 1: refused by the database; 2: usage or a malformed file. */
export async function questionnaireCommand(args: string[]): Promise<number> {
  return runQuestionnaireCommand(args, {
    open: async () => { const { db } = await openConfigured(); return { db, close: () => db.close() }; },
    now: () => new Date(),
    lang: process.env.LIGEVEJ_LANG?.toLowerCase().startsWith('en') ? 'en' : 'da',
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}

export async function runQuestionnaireCommand(args: string[], env: QuestionnaireCliEnv): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { municipality: { type: 'string' } } });
  } catch (e) {
    env.err(`${e instanceof Error ? e.message : String(e)}\n${usage}`);
    return 2;
  }
  const [what, file, ...extra] = parsed.positionals;
  if (what !== 'import' || !file || extra.length) { env.err(usage); return 2; }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    env.err(`${file}: ${e instanceof SyntaxError ? `ikke gyldig JSON (${e.message})` : e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const checked = checkQuestionnaire(json);
  if (!checked.ok) {
    env.err(`${file}: ${ruleMessage(env.lang, checked.problem.path, checked.problem.rule, checked.problem.params)}`);
    return 2;
  }
  const { db, close } = await env.open();
  try {
    const municipalities = (await db.owner.query<{ id: string; code: string; name: string }>('SELECT id, code, name FROM municipality ORDER BY code')).rows;
    const code = parsed.values.municipality;
    const municipality = code !== undefined ? municipalities.find((m) => m.code === code) : municipalities.length === 1 ? municipalities[0] : undefined;
    if (!municipality) {
      env.err(`Angiv kommunen med --municipality (kendte koder: ${municipalities.map((m) => m.code).join(', ') || '–'}).`);
      return 2;
    }
    try {
      const summary = await db.tenantTransaction(municipality.id, (tx) =>
        importQuestionnaire(tx, { userId: null, role: 'cli', municipalityId: municipality.id }, env.now(), json));
      env.out(`Importeret: ${summary.title} (${summary.url}|${summary.version}) i ${municipality.code} ${municipality.name}.`);
      return 0;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const field = e.fields[0];
      env.err(`${file}: ${field ? ruleMessage(env.lang, field.path, field.rule, field.params) : t(env.lang, e.messageKey, e.params)}`);
      return 1;
    }
  } finally {
    await close();
  }
}
