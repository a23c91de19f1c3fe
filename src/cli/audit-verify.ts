import { verifyAuditChain } from '../audit/verify.ts';
import { openConfigured } from './open.ts';

const problems = {
  altered: 'rækken er ændret (hash passer ikke med indholdet)',
  missing_before: 'en eller flere rækker før denne mangler',
  reordered: 'kædeleddet passer ikke med rækken før (prev_hash/rækkefølge)',
} as const;

export async function auditVerifyCommand(args: string[]): Promise<number> {
  if (args[0] !== 'verify') {
    process.stderr.write('Brug: ligevej audit verify\n');
    return 2;
  }
  const { db } = await openConfigured();
  try {
    const result = await verifyAuditChain(db);
    if (!result.firstBreak) {
      process.stdout.write(`Audit-loggen er intakt: ${result.checked} hændelser i ${result.municipalities} kommune(r) kontrolleret.\n`);
      return 0;
    }
    const b = result.firstBreak;
    process.stdout.write(
      `Audit-loggen er brudt. Første brudte led: audit_event seq ${b.seq} (kommune ${b.municipalityId}, kædeposition ${b.chainIndex}): ${problems[b.problem]}.\n`,
    );
    return 1;
  } finally {
    await db.close();
  }
}
