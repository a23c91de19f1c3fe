import { parseArgs } from 'node:util';
import type { Database } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { securityOf } from '../auth/security-config.ts';
import { auditedKeyRotation, auditedRetentionDryRun, auditedRetentionRun } from '../gdpr/maintenance.ts';
import type { RetentionCandidate } from '../gdpr/retention.ts';
import { openConfigured } from './open.ts';

type Language = 'da' | 'en';
const lang = (): Language => (process.env.LIGEVEJ_LANG?.toLowerCase().startsWith('en') ? 'en' : 'da');
const out = (s: string) => process.stdout.write(s);
const err = (s: string) => process.stderr.write(s);

/** The command's texts, Danish first (LIGEVEJ_LANG=en for English). */
const texts = {
  da: {
    retentionUsage: 'Brug: ligevej retention --dry-run [--municipality KODE] [--json] | ligevej retention --run [--municipality KODE] [--json]\n',
    keysUsage: 'Brug: ligevej keys rotate [--municipality KODE] [--json]\n',
    unknownMunicipality: (code: string, known: string) => `Ukendt kommune: ${code} (kendte koder: ${known || '–'}).\n`,
    policy: (end: number, closed: number) => `Opbevaring: ${end} år efter et afsluttet forløb, ${closed} år efter en henvisning lukket uden forløb.\n`,
    dryRunHead: 'Prøvekørsel: intet ændres.\n',
    wouldAnonymise: (m: string, n: number) => `${m}: ${n} borger(e) ville blive anonymiseret.\n`,
    anonymised: (m: string, n: number) => `${m}: ${n} borger(e) anonymiseret.\n`,
    candidate: (c: RetentionCandidate) => `  ${c.citizenId}  ${c.basis === 'ended' ? 'forløb afsluttet' : 'henvisning lukket'}  sidste aktivitet ${c.lastActivityOn}  forfaldt ${c.dueOn}\n`,
    rotated: (m: string, r: { keyId: string; citizens: number; history: number; reports: number; totpSecrets: number }) =>
      `${m}: krypteret igen med nøgle ${r.keyId}: ${r.citizens} CPR-numre, ${r.history} historikrækker, ${r.reports} indberetninger, ${r.totpSecrets} to-faktor-nøgler.\n`,
    rotateDone: 'Når en ny kørsel viser 0 overalt, kan den gamle nøgle fjernes fra LIGEVEJ_CPR_PREVIOUS_KEYS.\n',
  },
  en: {
    retentionUsage: 'Usage: ligevej retention --dry-run [--municipality CODE] [--json] | ligevej retention --run [--municipality CODE] [--json]\n',
    keysUsage: 'Usage: ligevej keys rotate [--municipality CODE] [--json]\n',
    unknownMunicipality: (code: string, known: string) => `Unknown municipality: ${code} (known codes: ${known || '–'}).\n`,
    policy: (end: number, closed: number) => `Retention: ${end} years after a course ended, ${closed} years after a referral closed without a course.\n`,
    dryRunHead: 'Dry run: nothing is changed.\n',
    wouldAnonymise: (m: string, n: number) => `${m}: ${n} citizen(s) would be anonymised.\n`,
    anonymised: (m: string, n: number) => `${m}: ${n} citizen(s) anonymised.\n`,
    candidate: (c: RetentionCandidate) => `  ${c.citizenId}  ${c.basis === 'ended' ? 'course ended' : 'referral closed'}  last activity ${c.lastActivityOn}  due ${c.dueOn}\n`,
    rotated: (m: string, r: { keyId: string; citizens: number; history: number; reports: number; totpSecrets: number }) =>
      `${m}: re-encrypted with key ${r.keyId}: ${r.citizens} CPR numbers, ${r.history} history rows, ${r.reports} reports, ${r.totpSecrets} two-factor secrets.\n`,
    rotateDone: 'When a new run shows 0 everywhere, the old key can be removed from LIGEVEJ_CPR_PREVIOUS_KEYS.\n',
  },
} as const;

interface Municipality { id: string; code: string; name: string }

/** The municipalities to run for: the one named, or all. Null when the named one does not exist. */
async function municipalitiesOf(db: Database, code: string | undefined): Promise<Municipality[] | null> {
  const all = (await db.owner.query<Municipality>('SELECT id::text, code, name FROM municipality ORDER BY code')).rows;
  if (code === undefined) return all;
  const one = all.filter((m) => m.code === code);
  if (one.length > 0) return one;
  err(texts[lang()].unknownMunicipality(code, all.map((m) => m.code).join(', ')));
  return null;
}

/** The command line acts as the system in each municipality's audit chain. */
const systemActor = (m: Municipality): Actor => ({ userId: null, role: 'cli', municipalityId: m.id });
const label = (m: { code: string; name: string }) => `${m.code} ${m.name}`;

const common = { municipality: { type: 'string' }, json: { type: 'boolean', default: false } } as const;

function retentionOptions(args: string[]) {
  try {
    return parseArgs({ args, allowPositionals: true, options: { ...common, 'dry-run': { type: 'boolean', default: false }, run: { type: 'boolean', default: false } } });
  } catch {
    return null;
  }
}

function keysOptions(args: string[]) {
  try {
    return parseArgs({ args, allowPositionals: true, options: common });
  } catch {
    return null;
  }
}

/**
 * `ligevej retention --dry-run | --run`: who is past their retention period per municipality (the
 * same list as the administration page), or anonymise them. Both are audited. Exit 0 done, 2 usage.
 */
export async function retentionCommand(args: string[]): Promise<number> {
  const tx = texts[lang()];
  const parsed = retentionOptions(args);
  if (!parsed || parsed.positionals.length > 0 || parsed.values['dry-run'] === parsed.values.run) {
    err(tx.retentionUsage);
    return 2;
  }
  const dryRun = parsed.values['dry-run'];
  const { db, vault, config } = await openConfigured();
  try {
    const municipalities = await municipalitiesOf(db, parsed.values.municipality);
    if (!municipalities) return 2;
    const s = securityOf(config);
    const policy = { yearsAfterEnd: s.retentionYearsAfterEnd, yearsAfterClosed: s.retentionYearsAfterClosed };
    const results: { code: string; name: string; candidates: RetentionCandidate[] }[] = [];
    for (const m of municipalities) {
      const candidates = dryRun
        ? await auditedRetentionDryRun(db, systemActor(m), policy, new Date())
        : await auditedRetentionRun(db, vault, systemActor(m), policy, () => new Date());
      results.push({ code: m.code, name: m.name, candidates });
    }
    if (parsed.values.json) {
      out(`${JSON.stringify({ dryRun, policy, municipalities: results }, null, 2)}\n`);
      return 0;
    }
    out(tx.policy(policy.yearsAfterEnd, policy.yearsAfterClosed));
    if (dryRun) out(tx.dryRunHead);
    for (const r of results) {
      out((dryRun ? tx.wouldAnonymise : tx.anonymised)(label(r), r.candidates.length));
      for (const c of r.candidates) out(tx.candidate(c));
    }
    return 0;
  } finally {
    await db.close();
  }
}

/**
 * `ligevej keys rotate`: re-encrypts CPR numbers (and their history, reported bundles and
 * two-factor secrets) still under an older key with the current one, per municipality, in small
 * batches while the service runs; audited. Exit 0 done, 2 usage.
 */
export async function keysCommand(args: string[]): Promise<number> {
  const tx = texts[lang()];
  const parsed = keysOptions(args);
  if (!parsed || parsed.positionals.length !== 1 || parsed.positionals[0] !== 'rotate') {
    err(tx.keysUsage);
    return 2;
  }
  const { db, vault } = await openConfigured();
  try {
    const municipalities = await municipalitiesOf(db, parsed.values.municipality);
    if (!municipalities) return 2;
    const results = [];
    for (const m of municipalities) results.push({ code: m.code, name: m.name, ...await auditedKeyRotation(db, vault, systemActor(m), () => new Date()) });
    if (parsed.values.json) {
      out(`${JSON.stringify({ keyId: vault.currentKeyId, municipalities: results }, null, 2)}\n`);
      return 0;
    }
    for (const r of results) out(tx.rotated(label(r), r));
    out(tx.rotateDone);
    return 0;
  } finally {
    await db.close();
  }
}
