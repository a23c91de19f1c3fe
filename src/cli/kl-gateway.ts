import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { t, type Language } from '../shared/i18n.ts';
import type { MessageKey } from '../shared/i18n.ts';
import { exportReports } from '../reporting/export.ts';
import { gatewayClient } from '../reporting/gateway-client.ts';
import { runReports } from '../reporting/report-run.ts';
import { sendPending } from '../reporting/send.ts';
import { validateText } from '../reporting/validate/validate.ts';
import { openConfigured } from './open.ts';

const usage = `Brug:
  ligevej kl-gateway export --from ÅÅÅÅ-MM-DD --to ÅÅÅÅ-MM-DD --out MAPPE [--municipality KODE]
  ligevej kl-gateway validate FIL... [--json]
  ligevej kl-gateway report [--municipality KODE] [--send]
`;

const lang = (): Language => (process.env.LIGEVEJ_LANG?.toLowerCase().startsWith('en') ? 'en' : 'da');
const out = (s: string) => process.stdout.write(s);
const err = (s: string) => process.stderr.write(s);

function isDay(value: string | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** `ligevej kl-gateway export|validate|report`. Exit 0: done / all valid; 1: invalid reports; 2: usage. */
export async function klGatewayCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'export') return exportCommand(rest);
  if (sub === 'validate') return validateCommand(rest);
  if (sub === 'report') return reportCommand(rest);
  err(usage);
  return 2;
}

async function exportCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, municipality: { type: 'string' } } });
  if (!isDay(values.from) || !isDay(values.to) || !values.out || values.from > values.to) {
    err(`--from og --to skal være datoer (ÅÅÅÅ-MM-DD) med --from før --to, og --out en mappe.\n${usage}`);
    return 2;
  }
  const dir = values.out;
  await mkdir(dir, { recursive: true });
  const { db, vault } = await openConfigured();
  try {
    const summary = await exportReports(db, vault, {
      from: values.from, to: values.to, now: new Date(), municipalityCode: values.municipality,
      write: (citizenId, report) => writeFile(join(dir, `${citizenId}.json`), `${JSON.stringify(report, null, 2)}\n`),
    });
    await writeFile(join(dir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    out(`Skrev ${summary.reports} indberetninger (${summary.invalid} ugyldige) for ${values.from}–${values.to} til ${dir}.\n`);
    return 0;
  } finally {
    await db.close();
  }
}

interface FileResult { file: string; valid: boolean; issues: { path: string; rule: string; message: string }[] }

async function validateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  if (!positionals.length) {
    err(usage);
    return 2;
  }
  const results: FileResult[] = [];
  for (const file of positionals) {
    const text = await readFile(file, 'utf8').catch(() => null);
    const issues = text === null ? [{ path: 'Bundle', rule: 'fhir-r4.json' }] : validateText(text);
    results.push({
      file, valid: issues.length === 0,
      issues: issues.map((i) => ({ path: i.path, rule: i.rule, message: t(lang(), `kl.${i.rule}` as MessageKey, { path: i.path, ...('params' in i ? i.params : {}) }) })),
    });
  }
  if (values.json) out(`${JSON.stringify({ files: results }, null, 2)}\n`);
  else for (const r of results) for (const i of r.issues) out(`${r.file}: ${i.path}: ${i.rule}\n`);
  return results.every((r) => r.valid) ? 0 : 1;
}

/** A report run per municipality (what changed since each citizen's last accepted report), then sending when enabled and asked for. */
async function reportCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { municipality: { type: 'string' }, send: { type: 'boolean', default: false } } });
  const { db, vault, config } = await openConfigured();
  try {
    const municipalities = (await db.owner.query<{ id: string; code: string }>(
      'SELECT id, code FROM municipality WHERE $1::text IS NULL OR code = $1 ORDER BY code', [values.municipality ?? null])).rows;
    const gateway = config.klGateway;
    if (values.send && !gateway?.enabled) err('Afsendelse til KL Gateway er slået fra (LIGEVEJ_KL_GATEWAY_ENABLED, LIGEVEJ_KL_GATEWAY_URL); rapporterne står i kø.\n');
    for (const m of municipalities) {
      const run = await runReports(db, vault, { userId: null, role: 'system', municipalityId: m.id }, new Date());
      out(`${m.code}: ${run.reports} indberetninger (${run.invalid} ugyldige) af ${run.citizens} borgere.\n`);
      if (values.send && gateway?.enabled) {
        const sent = await sendPending(db, vault, gatewayClient(gateway), m.id, () => new Date());
        out(`${m.code}: sendt ${sent.sent}: ${sent.accepted} modtaget, ${sent.rejected} afvist, ${sent.failed} fejlet.\n`);
      }
    }
    return 0;
  } finally {
    await db.close();
  }
}
