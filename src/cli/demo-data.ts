import { parseArgs } from 'node:util';
import { openConfigured } from './open.ts';
import { DEMO_PASSWORD, loadDemoData } from '../demo/load.ts';

export async function demoDataCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      municipalities: { type: 'string', default: '1' },
      citizens: { type: 'string', default: '2000' },
      seed: { type: 'string', default: '1' },
      'reference-date': { type: 'string' },
    },
  });
  const numbers = { municipalities: Number(values.municipalities), citizens: Number(values.citizens), seed: Number(values.seed) };
  for (const [flag, value] of Object.entries(numbers)) {
    if (!Number.isInteger(value) || value < (flag === 'seed' ? 0 : 1)) {
      process.stderr.write(`--${flag}: skal være et helt tal${flag === 'seed' ? ' (0 eller større)' : ' på mindst 1'}.\n`);
      return 2;
    }
  }
  const reference = values['reference-date'] ? new Date(values['reference-date']) : new Date();
  if (Number.isNaN(reference.getTime())) {
    process.stderr.write('--reference-date: skal være en dato som 2026-11-23 eller et tidspunkt som 2026-11-23T12:00:00Z.\n');
    return 2;
  }
  const { db, vault } = await openConfigured();
  try {
    const started = performance.now();
    const result = await loadDemoData(db, vault, { ...numbers, referenceDate: reference });
    const seconds = (performance.now() - started) / 1000;
    for (const m of result.municipalities) {
      process.stdout.write(`${m.code} ${m.name}: logins ${m.logins.map((s) => s.username).join(', ')} (adgangskode ${DEMO_PASSWORD})\n`);
    }
    const referrals = result.counts.referral ?? 0;
    const rows = Object.values(result.counts).reduce((s, n) => s + (n ?? 0), 0);
    process.stdout.write(`Skrev ${referrals} henvisninger med forløb (${rows} rækker i alt) på ${seconds.toFixed(1)} s: ${Math.round(referrals / seconds)} henvisninger/s.\n`);
    process.stdout.write(`${JSON.stringify(result.counts)}\n`);
    return 0;
  } finally {
    await db.close();
  }
}
