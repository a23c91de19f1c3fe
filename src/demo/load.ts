import { pathwayFactColumns } from '../analytics/pathway-fact.ts';
import { seedDemoAssociations } from '../associations/demo-associations.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { CprVault } from '../citizens/cpr-vault.ts';
import type { Database, Queryable } from '../db/database.ts';
import { volumeCalibration } from './calibration.ts';
import { simulateCourse, type CourseContext } from './course.ts';
import { demoStaff, demoTowns } from './names.ts';
import { samplePerson } from './person.ts';
import { IdSequence, Rng } from './random.ts';
import { assertForeignKeys, skipRowTriggersIfAllowed } from './bulk-integrity.ts';
import { addDays, buildSetting, type DemoStaffIds } from './setting.ts';
import { demoTables, emptyTableRows, type DemoTable, type TableRows } from './tables.ts';

export const DEMO_PASSWORD = 'ligevej-demo';

export interface DemoOptions {
  municipalities: number;
  citizens: number;
  seed: number;
  /** Courses are simulated up to this instant; referrals arrive over the 24 months before it. */
  referenceDate: Date;
  /** Citizens generated and written per round (memory stays flat for a million citizens). */
  batchSize?: number;
}

export interface DemoMunicipality { id: string; code: string; name: string; logins: { username: string; role: string }[] }
export interface DemoResult { municipalities: DemoMunicipality[]; counts: Partial<Record<DemoTable | 'staff_user' | 'association_offer', number>> }

const columnsOf = (table: DemoTable): readonly string[] => (table === 'pathway_fact' ? pathwayFactColumns : demoTables[table]);
const loadOrder = Object.keys(demoTables) as DemoTable[];

/**
 * Writes a synthetic, deterministic demo population: for each municipality its organisations,
 * offers, teams and sessions, staff with demo logins, and `citizens` referred citizens with their
 * simulated courses and fact rows. Bulk paths only (COPY on PostgreSQL, multi-row INSERT on PGlite),
 * one transaction per municipality, so a failed load leaves nothing behind.
 */
export async function loadDemoData(db: Database, vault: CprVault, opts: DemoOptions): Promise<DemoResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const counts: DemoResult['counts'] = {};
  const count = (table: DemoTable | 'staff_user' | 'association_offer', n: number) => { counts[table] = (counts[table] ?? 0) + n; };
  const municipalities: DemoMunicipality[] = [];
  for (let i = 0; i < opts.municipalities; i++) {
    municipalities.push(await db.ownerTransaction(async (tx) => {
      const { code, town, townIndex } = await nextFreeMunicipality(tx);
      const rng = new Rng(opts.seed).fork(i);
      const idRng = new Rng(opts.seed ^ Math.imul(Number(code), 0x2c1b3c6d)).fork(i);
      const ids = new IdSequence(idRng, opts.referenceDate.getTime());
      const name = `${town} Kommune`;
      const id = ids.next();
      await tx.query('INSERT INTO municipality (id, code, name, sor_code) VALUES ($1, $2, $3, $4)', [id, code, name, `9${code}00000000001`]);
      const staff = await insertStaff(tx, id, code, passwordHash);
      const checkAfter = db.engine === 'postgres' && await skipRowTriggersIfAllowed(tx);
      count('staff_user', staff.all.length);
      const reference = opts.referenceDate;
      const from = addDays(reference, -Math.round(volumeCalibration.demoMonths * 30.44));
      const { setting, rows } = buildSetting(ids, idRng, id, town, townIndex, staff, from, reference);
      for (const table of ['organization', 'place', 'offer', 'offer_place', 'team', 'team_instructor', 'team_session'] as const) {
        await db.bulkInsert(tx, table, demoTables[table], rows[table]);
        count(table, rows[table].length);
      }
      // The association offers come first, so completers can be bridged to them.
      count('association_offer', await seedDemoAssociations(tx, id, town));
      const offerIds = (await tx.query<{ id: string }>('SELECT id FROM association_offer WHERE municipality_id = $1 ORDER BY activity, place_name', [id])).rows.map((r) => r.id);
      const ctx: CourseContext = {
        setting, reference, from, usedCpr: new Set(), newId: () => ids.next(),
        bridging: { offerIds, rng: new Rng(opts.seed ^ 0x62726467).fork(i) },
        selfReports: new Rng(opts.seed ^ 0x73726570).fork(i),
        protectCpr: (cpr) => ({ hash: vault.lookupHash(cpr), encrypted: vault.encrypt(cpr) }),
      };
      const batchSize = opts.batchSize ?? 5000;
      for (let done = 0; done < opts.citizens; done += batchSize) {
        const out: TableRows = emptyTableRows();
        for (let k = done; k < Math.min(opts.citizens, done + batchSize); k++) simulateCourse(rng, ctx, samplePerson(rng, setting.districts), out);
        for (const table of loadOrder) {
          if (!out[table].length) continue;
          await db.bulkInsert(tx, table, columnsOf(table), out[table]);
          count(table, out[table].length);
        }
      }
      if (checkAfter) await assertForeignKeys(tx, loadOrder, id);
      await appendAudit(tx, { userId: null, role: 'system', municipalityId: id }, new Date(), [{
        action: 'bulk_load', resourceType: 'Municipality', resourceId: id, purpose: 'administration',
        detail: { generator: 'demo-data', seed: opts.seed, citizens: opts.citizens, referenceDate: reference.toISOString() },
      }]);
      return { id, code, name, logins: staff.all.map(({ username, role }) => ({ username, role })) };
    }));
  }
  return { municipalities, counts };
}

/** Demo municipalities use codes 901–999, which no real Danish municipality has; then four-digit codes. */
async function nextFreeMunicipality(tx: Queryable): Promise<{ code: string; town: string; townIndex: number }> {
  const taken = new Set((await tx.query<{ code: string }>("SELECT code FROM municipality WHERE code ~ '^[0-9]+$' AND code::bigint >= 901")).rows.map((r) => r.code));
  let n = 0;
  while (taken.has(String(901 + n))) n++;
  const town = demoTowns[n % demoTowns.length]!;
  return { code: String(901 + n), town: n < demoTowns.length ? town : `${town} ${Math.floor(n / demoTowns.length) + 1}`, townIndex: n };
}

/** The demo logins; the first demo municipality gets the plain names, later ones a suffix with their code. */
async function insertStaff(tx: Queryable, municipalityId: string, code: string, passwordHash: string): Promise<DemoStaffIds> {
  const existing = (await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM staff_user WHERE username = 'sygeplejerske'")).rows[0]!.n;
  const all: DemoStaffIds['all'] = [];
  for (const s of demoStaff) {
    const username = existing ? `${s.username}.${code}` : s.username;
    const row = (await tx.query<{ id: string }>(
      `INSERT INTO staff_user (municipality_id, username, display_name, profession, role, password_hash) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [municipalityId, username, s.displayName, s.profession, s.role, passwordHash])).rows[0]!;
    all.push({ id: row.id, username, role: s.role });
  }
  return {
    all,
    clinicians: all.filter((s) => s.role === 'clinician').map((s) => s.id),
    coordinator: all.find((s) => s.role === 'coordinator')!.id,
  };
}
