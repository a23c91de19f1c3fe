import { parseArgs } from 'node:util';
import { openConfigured } from './open.ts';
import { configuredNotifier } from '../notifier/notifier.ts';
import { runJobsOnce } from '../jobs/runner.ts';
import { isJobName, jobNames, jobsOf, type JobName } from '../jobs/schedule.ts';

const usage = `Brug: ligevej jobs run [--job NAVN] [--municipality KODE] [--due]
  Kører de tidsstyrede jobs én gang for hver kommune (til cron): ${jobNames.join(', ')}.
  --due  kun de jobs, der er forfaldne efter deres interval og sendetidsrummet (som den indbyggede planlægger)
`;

/** `ligevej jobs run`: the scheduler's jobs once, for cron users; exit code 1 if any run failed. */
export async function jobsCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { job: { type: 'string' }, municipality: { type: 'string' }, due: { type: 'boolean', default: false } } });
  if (positionals[0] !== 'run' || (values.job !== undefined && !isJobName(values.job))) {
    process.stderr.write(values.job !== undefined && !isJobName(values.job) ? `Ukendt job: ${values.job}\n${usage}` : usage);
    return 2;
  }
  const { config, db, vault } = await openConfigured();
  try {
    let municipalityIds: string[] | undefined;
    if (values.municipality) {
      const row = (await db.owner.query<{ id: string }>('SELECT id FROM municipality WHERE code = $1', [values.municipality])).rows[0];
      if (!row) { process.stderr.write(`Ukendt kommunekode: ${values.municipality}\n`); return 2; }
      municipalityIds = [row.id];
    }
    const log = (entry: Record<string, unknown>, text: string) => process.stderr.write(`${text} ${JSON.stringify(entry)}\n`);
    const results = await runJobsOnce({ db, notifier: configuredNotifier(log), settings: jobsOf(config), clock: () => new Date(), reporting: { vault, gateway: config.klGateway } }, {
      jobs: values.job ? [values.job as JobName] : undefined, municipalityIds, onlyDue: values.due, trigger: 'cli',
    });
    for (const r of results) {
      const counts = Object.entries(r.counts).map(([k, v]) => `${k}=${v}`).join(' ');
      process.stdout.write(`${r.job}\t${r.municipalityId}\t${r.status === 'ok' ? 'ok' : r.status === 'skipped' ? 'sprunget over (kører allerede)' : 'fejlede'}\t${r.error ?? counts}\n`);
    }
    if (results.length === 0) process.stdout.write('Ingen jobs at køre.\n');
    return results.some((r) => r.status === 'failed') ? 1 : 0;
  } finally {
    await db.close();
  }
}
