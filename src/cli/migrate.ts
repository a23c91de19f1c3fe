import { openConfigured } from './open.ts';

export async function migrateCommand(): Promise<number> {
  const { db, applied } = await openConfigured();
  process.stdout.write(applied.length ? `Anvendte migreringer:\n${applied.map((a) => `  ${a}`).join('\n')}\n` : 'Databasen er opdateret.\n');
  await db.close();
  return 0;
}
