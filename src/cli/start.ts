import { buildApp } from '../http/app.ts';
import { openConfigured } from './open.ts';
import { DEMO_PASSWORD, loadDemoData } from '../demo/load.ts';
import { startScheduler } from '../jobs/runner.ts';
import { jobsOf } from '../jobs/schedule.ts';
import { configuredNotifier } from '../notifier/notifier.ts';

/** Starts the server; on an empty database it first creates one demo municipality with logins. */
export async function startCommand(): Promise<number> {
  const { config, db, vault } = await openConfigured();
  const existing = await db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM municipality');
  let logins: { username: string; role: string }[] = [];
  if ((existing.rows[0]?.n ?? 0) === 0) {
    process.stdout.write('Tom database: opretter en demokommune med ca. 2.000 borgere …\n');
    const started = Date.now();
    const result = await loadDemoData(db, vault, { municipalities: 1, citizens: 2000, seed: 119, referenceDate: new Date() });
    const municipality = result.municipalities[0]!;
    logins = municipality.logins;
    process.stdout.write(`Demokommune ${municipality.name} oprettet på ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  } else {
    logins = (await db.owner.query<{ username: string; role: string }>(
      `SELECT username, role FROM staff_user WHERE password_hash <> '' ORDER BY created_at, username LIMIT 6`)).rows;
  }
  if (config.developmentKeys) {
    process.stdout.write(`Bemærk: CPR-nøgler er genereret til demo (${config.dataDir}/development-keys.json). Sæt LIGEVEJ_CPR_KEY og LIGEVEJ_CPR_LOOKUP_KEY i drift.\n`);
  }
  const app = await buildApp({ db, config, vault, clock: () => new Date() }, { logger: process.env.LIGEVEJ_LOG === 'true' });
  await app.listen({ host: config.host, port: config.port });
  const jobs = jobsOf(config);
  const scheduler = jobs.enabled
    ? startScheduler({ db, settings: jobs, clock: () => new Date(), reporting: { vault, gateway: config.klGateway }, notifier: configuredNotifier((e, t) => app.log.info(e, t)), log: (e, t) => app.log.info(e, t) })
    : null;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  process.stdout.write([
    '',
    `Ligevej kører på ${url}  (database: ${db.engine === 'pglite' ? `PGlite i ${config.dataDir}/pglite` : 'PostgreSQL'})`,
    `API-dokumentation (OpenAPI): ${url}/api/openapi.json`,
    '',
    `Demo-logins (adgangskode: ${DEMO_PASSWORD}):`,
    ...logins.map((l) => `  ${l.username.padEnd(24)} ${l.role}`),
    '',
    scheduler ? `Planlæggeren kører hvert ${jobs.intervalSeconds}. sekund (LIGEVEJ_JOBS=off slår den fra).` : 'Planlæggeren er slået fra (LIGEVEJ_JOBS=off); kør ligevej jobs run fra cron.',
    'Stop med Ctrl+C.',
    '',
  ].join('\n'));
  const stop = async () => {
    await scheduler?.stop();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}
