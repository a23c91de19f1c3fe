import { parseArgs } from 'node:util';
import { refreshAllFacts } from '../analytics/refresh-all.ts';
import { openConfigured } from './open.ts';

const english = () => process.env.LIGEVEJ_LANG?.toLowerCase().startsWith('en') === true;
const usage = () => (english() ? 'Usage: ligevej facts refresh [--municipality CODE]\n' : 'Brug: ligevej facts refresh [--municipality KODE]\n');

/**
 * `ligevej facts refresh`: rebuilds the analytics fact rows (pathway_fact) of one municipality or
 * all from the stored courses, e.g. after upgrading past migration 025. Audited. Exit 0 done, 2 usage
 * or an unknown municipality.
 */
export async function factsCommand(args: string[]): Promise<number> {
  let options;
  try {
    options = parseArgs({ args, allowPositionals: true, options: { municipality: { type: 'string' } } });
  } catch {
    process.stderr.write(usage());
    return 2;
  }
  if (options.positionals.join(' ') !== 'refresh') {
    process.stderr.write(usage());
    return 2;
  }
  const { db } = await openConfigured();
  try {
    const code = options.values.municipality;
    const all = (await db.owner.query<{ id: string; code: string; name: string }>('SELECT id::text, code, name FROM municipality ORDER BY code')).rows;
    const chosen = code === undefined ? all : all.filter((m) => m.code === code);
    if (!chosen.length) {
      process.stderr.write(english() ? `Unknown municipality: ${code}.\n` : `Ukendt kommune: ${code}.\n`);
      return 2;
    }
    for (const m of chosen) {
      const r = await refreshAllFacts(db, m.id, new Date());
      process.stdout.write(english() ? `${m.code} ${m.name}: ${r.referrals} referrals, ${r.changed} fact rows changed.\n`
        : `${m.code} ${m.name}: ${r.referrals} henvisninger, ${r.changed} faktarækker ændret.\n`);
    }
    return 0;
  } finally {
    await db.close();
  }
}
