import { parseArgs } from 'node:util';
import { openConfigured } from './open.ts';
import { createDemoStaff, loadDemoData } from '../demo/load.ts';

export async function demoDataCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { municipalities: { type: 'string', default: '1' }, citizens: { type: 'string', default: '2000' }, seed: { type: 'string', default: '1' } },
  });
  const numbers = { municipalities: Number(values.municipalities), citizens: Number(values.citizens), seed: Number(values.seed) };
  for (const [flag, value] of Object.entries(numbers)) {
    if (!Number.isInteger(value) || value < (flag === 'seed' ? 0 : 1)) {
      process.stderr.write(`--${flag} skal være et helt tal${flag === 'seed' ? '' : ' på mindst 1'}.\n`);
      return 2;
    }
  }
  const { db, vault } = await openConfigured();
  try {
    const started = performance.now();
    const result = await loadDemoData(db, vault, { ...numbers, referenceDate: new Date() });
    const seconds = (performance.now() - started) / 1000;
    for (const m of result.municipalities) {
      const staff = await createDemoStaff(db, m.id);
      process.stdout.write(`${m.code} ${m.name}: logins ${staff.map((s) => s.username).join(', ')}\n`);
    }
    process.stdout.write(`Skrev ${JSON.stringify(result.counts)} på ${seconds.toFixed(1)} s.\n`);
    return 0;
  } finally {
    await db.close();
  }
}
