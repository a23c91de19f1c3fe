import { parseArgs } from 'node:util';
import { startCommand } from './start.ts';
import { auditVerifyCommand } from './audit-verify.ts';
import { demoDataCommand } from './demo-data.ts';
import { importCommand } from './import.ts';
import { migrateCommand } from './migrate.ts';
import { statsCommand } from './stats.ts';
import { klGatewayCommand } from './kl-gateway.ts';
import { questionnaireCommand } from './questionnaire.ts';
import { translationsCommand } from './translations.ts';
import { keysCommand, retentionCommand } from './gdpr.ts';
import { jobsCommand } from './jobs.ts';
import { factsCommand } from './facts.ts';

const usage = `Ligevej — §119-forløb for kommunale sundhedscentre

Brug: ligevej <kommando> [tilvalg]

  start                              Start serveren (opretter en demokommune i en tom database)
  migrate                            Anvend databasemigreringer
  demo-data --municipalities N --citizens M --seed S [--reference-date ÅÅÅÅ-MM-DD]
                                     Skriv en syntetisk, deterministisk demobefolkning
  import referrals FILE [--municipality KODE] [--dry-run]
                                     Importér henvisninger fra CSV eller XLSX (alt eller intet)
  audit verify                       Kontrollér audit-loggens hash-kæde
  stats inequality --input FIL.json [--output FIL.json]
                                     Beregn ulighedsmål for grupper (se equity-measures.md)
  kl-gateway export --from ÅÅÅÅ-MM-DD --to ÅÅÅÅ-MM-DD --out MAPPE | kl-gateway validate FIL... [--json]
                                     §119-indberetning til KL Gateway: eksportér og validér (FHIR R4)
  questionnaire import FIL.json [--municipality KODE]
                                     Importér et FHIR Questionnaire (fx et licenseret instrument)
  translations check [--lang xx] [--strict]
                                     Vis borgertekster, der mangler oversættelse (falder tilbage til dansk)
  retention --dry-run|--run [--municipality KODE] [--json]
                                     Vis eller anonymisér borgere over opbevaringsperioden (auditeret)
  keys rotate [--municipality KODE] [--json]
                                     Kryptér CPR-numre igen med den nye nøgle (LIGEVEJ_CPR_KEY_ID)
  jobs run [--job NAVN] [--municipality KODE] [--due]
                                     Kør de tidsstyrede jobs én gang (spørgeskemalinks, påmindelser, kampagneslut, udbakke) – til cron
  facts refresh [--municipality KODE]
                                     Genopbyg analysetabellen (pathway_fact) fra de gemte forløb, fx efter en opgradering

Miljø: DATABASE_URL (PostgreSQL; ellers indlejret PGlite i LIGEVEJ_DATA_DIR, standard ./data),
       PORT (3119), HOST (127.0.0.1), LIGEVEJ_CPR_KEY og LIGEVEJ_CPR_LOOKUP_KEY (base64, 32 bytes),
       LIGEVEJ_JOBS=off (ingen planlægger i start; se docs/operations.md).
`;

const commands: Record<string, (args: string[]) => Promise<number>> = {
  start: startCommand,
  migrate: migrateCommand,
  'demo-data': demoDataCommand,
  import: importCommand,
  audit: auditVerifyCommand,
  stats: statsCommand,
  'kl-gateway': klGatewayCommand,
  questionnaire: questionnaireCommand,
  translations: translationsCommand,
  retention: retentionCommand,
  keys: keysCommand,
  jobs: jobsCommand,
  facts: factsCommand,
};

async function main(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv.slice(0, 1), allowPositionals: true, strict: false });
  const name = positionals[0];
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage);
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Ukendt kommando: ${name}\n\n${usage}`);
    return 2;
  }
  return command(argv.slice(1));
}

main(process.argv.slice(2)).then(
  (code) => { if (code !== 0 || !process.argv.includes('start')) process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`Fejl: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
