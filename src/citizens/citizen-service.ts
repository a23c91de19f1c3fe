import type { z } from 'zod';
import type { Queryable } from '../db/database.ts';
import type { CprVault } from './cpr-vault.ts';
import type { Actor } from '../audit/audit-log.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { formatCpr, maskCpr, parseCpr } from '../domain/cpr.ts';
import { AppError, notFound, validationError } from '../shared/errors.ts';
import { updateVersioned } from '../db/versioned.ts';
import type { CitizenCreate, CitizenOut, CitizenUpdate } from './citizen-schemas.ts';

export interface CitizenRow {
  id: string; municipality_id: string; cpr_encrypted: string; birth_date: string; sex: 'male' | 'female';
  given_name: string; family_name: string; address_line: string | null; postal_code: string | null; city: string | null;
  phone: string | null; preferred_language: string; deceased: boolean; version: number;
}

const columns = `id, municipality_id, cpr_encrypted, birth_date::text AS birth_date, sex, given_name, family_name,
  address_line, postal_code, city, phone, preferred_language, deceased, version`;

export function citizenOut(row: CitizenRow, vault: CprVault, fullCpr: boolean): CitizenOut {
  const digits = vault.decrypt(row.cpr_encrypted);
  return {
    id: row.id, cpr: fullCpr ? formatCpr(digits) : maskCpr(digits), birthDate: row.birth_date, sex: row.sex,
    givenName: row.given_name, familyName: row.family_name, addressLine: row.address_line, postalCode: row.postal_code,
    city: row.city, phone: row.phone, preferredLanguage: row.preferred_language, deceased: row.deceased, version: row.version,
  };
}

export async function createCitizen(tx: Queryable, vault: CprVault, actor: Actor, now: Date, input: z.infer<typeof CitizenCreate>): Promise<CitizenRow> {
  const cpr = parseCpr(input.cpr);
  if (!cpr.ok) throw validationError([{ path: 'cpr', rule: cpr.rule }]);
  const hash = vault.lookupHash(cpr.value.digits);
  const existing = await tx.query('SELECT 1 FROM citizen WHERE cpr_hash = $1', [hash]);
  if (existing.rows.length) throw new AppError('duplicate', 'error.duplicate', { resource: 'Borger' }, [{ path: 'cpr', rule: 'duplicate' }]);
  const row = (await tx.query<CitizenRow>(
    `INSERT INTO citizen (municipality_id, cpr_hash, cpr_encrypted, birth_date, sex, given_name, family_name, address_line,
       postal_code, city, phone, preferred_language)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${columns}`,
    [actor.municipalityId, hash, vault.encrypt(cpr.value.digits), cpr.value.birthDate, cpr.value.sex, input.givenName,
      input.familyName, input.addressLine ?? null, input.postalCode ?? null, input.city ?? null, input.phone ?? null, input.preferredLanguage],
  )).rows[0]!;
  await appendAudit(tx, actor, now, [{ action: 'create', resourceType: 'Citizen', resourceId: row.id, citizenId: row.id }]);
  return row;
}

/** Reads a citizen and logs the read; a request for the full CPR number is logged as such. */
export async function readCitizen(tx: Queryable, actor: Actor, now: Date, id: string, fullCpr: boolean): Promise<CitizenRow> {
  const row = (await tx.query<CitizenRow>(`SELECT ${columns} FROM citizen WHERE id = $1`, [id])).rows[0];
  if (!row) throw notFound('Borger');
  await appendAudit(tx, actor, now, [{ action: fullCpr ? 'read_full_cpr' : 'read', resourceType: 'Citizen', resourceId: id, citizenId: id }]);
  return row;
}

export async function findCitizenIdByCpr(tx: Queryable, vault: CprVault, digits: string): Promise<string | null> {
  return (await tx.query<{ id: string }>('SELECT id FROM citizen WHERE cpr_hash = $1', [vault.lookupHash(digits)])).rows[0]?.id ?? null;
}

export async function searchCitizens(tx: Queryable, vault: CprVault, actor: Actor, now: Date, search: { cpr?: string | undefined; name?: string | undefined }): Promise<CitizenRow[]> {
  let rows: CitizenRow[];
  if (search.cpr) {
    const parsed = parseCpr(search.cpr);
    rows = parsed.ok ? (await tx.query<CitizenRow>(`SELECT ${columns} FROM citizen WHERE cpr_hash = $1`, [vault.lookupHash(parsed.value.digits)])).rows : [];
  } else {
    const words = (search.name ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 4);
    const clauses = words.map((_, i) => `(lower(given_name) LIKE $${i + 1} OR lower(family_name) LIKE $${i + 1})`);
    rows = (await tx.query<CitizenRow>(
      `SELECT ${columns} FROM citizen WHERE ${clauses.join(' AND ')} ORDER BY family_name, given_name LIMIT 50`,
      words.map((w) => `${w.replace(/[%_\\]/g, (c) => `\\${c}`)}%`),
    )).rows;
  }
  await appendAudit(tx, actor, now, rows.map((r) => ({
    action: 'search' as const, resourceType: 'Citizen', resourceId: r.id, citizenId: r.id, detail: { by: search.cpr ? 'cpr' : 'name' },
  })));
  return rows;
}

export async function updateCitizen(tx: Queryable, actor: Actor, now: Date, id: string, expected: number, input: Omit<z.infer<typeof CitizenUpdate>, 'version'>): Promise<CitizenRow> {
  const map: Record<string, string> = {
    givenName: 'given_name', familyName: 'family_name', addressLine: 'address_line', postalCode: 'postal_code',
    city: 'city', phone: 'phone', preferredLanguage: 'preferred_language', deceased: 'deceased',
  };
  const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined).map(([k, v]) => [map[k]!, v]));
  await updateVersioned(tx, 'citizen', id, expected, set, 'Borger');
  await appendAudit(tx, actor, now, [{ action: 'update', resourceType: 'Citizen', resourceId: id, citizenId: id, detail: { fields: Object.keys(input) } }]);
  return (await tx.query<CitizenRow>(`SELECT ${columns} FROM citizen WHERE id = $1`, [id])).rows[0]!;
}
