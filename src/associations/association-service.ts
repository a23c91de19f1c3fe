import type { z } from 'zod';
import type { Database, Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { updateVersioned } from '../db/versioned.ts';
import { notFound, validationError } from '../shared/errors.ts';
import { camelRow, columnsOf, insertRow } from '../offers/rows.ts';
import type { AssociationInput, AssociationOfferInput, AssociationOfferUpdate, AssociationOut, AssociationUpdate, PublicResult, PublicSearch, StaffOffer } from './association-schemas.ts';

const offerColumns = `ao.id, ao.association_id, a.name AS association_name, a.website AS association_website, a.public_contact, ao.activity, ao.activity_kind,
  ao.description, ao.place_name, ao.address, ao.area, ao.weekdays, to_char(ao.start_time, 'HH24:MI') AS start_time, ao.schedule_note, ao.languages,
  ao.intro_course, ao.intro_note, ao.inclusiveness, ao.inclusiveness_note, ao.companion_available, ao.links, ao.price_note, ao.active, ao.version`;
const offerFrom = 'association_offer ao JOIN association a ON a.id = ao.association_id';
const staffOffer = (r: Record<string, unknown>) => { const o = camelRow<z.infer<typeof StaffOffer>>(r); return { ...o, weekdays: o.weekdays.map(Number) }; };

/** The registry for staff, with each association's contact person. Association data is not about citizens, so reads are not audit-logged. */
export async function listAssociations(tx: Queryable): Promise<z.infer<typeof AssociationOut>[]> {
  const associations = (await tx.query('SELECT id, name, description, website, public_contact, contact_name, contact_phone, contact_email, active, version FROM association ORDER BY name LIMIT 500')).rows;
  const offers = (await tx.query(`SELECT ${offerColumns} FROM ${offerFrom} ORDER BY ao.activity LIMIT 2000`)).rows.map(staffOffer);
  return associations.map((a) => ({ ...camelRow<Omit<z.infer<typeof AssociationOut>, 'offers'>>(a), offers: offers.filter((o) => o.associationId === a.id) }));
}

export async function createAssociation(tx: Queryable, actor: Actor, now: Date, input: z.infer<typeof AssociationInput>) {
  if ((await tx.query('SELECT 1 FROM association WHERE name = $1', [input.name])).rows.length) throw validationError([{ path: 'name', rule: 'duplicate' }]);
  const id = await insertRow(tx, 'association', actor.municipalityId, columnsOf(input));
  await appendAudit(tx, actor, now, [{ action: 'create', resourceType: 'Association', resourceId: id, purpose: 'administration' }]);
  return (await listAssociations(tx)).find((a) => a.id === id)!;
}

export async function updateAssociation(tx: Queryable, actor: Actor, now: Date, id: string, input: z.infer<typeof AssociationUpdate>) {
  const { version, ...changes } = input;
  await updateVersioned(tx, 'association', id, version, columnsOf(changes), 'Forening');
  await appendAudit(tx, actor, now, [{ action: 'update', resourceType: 'Association', resourceId: id, purpose: 'administration' }]);
  return (await listAssociations(tx)).find((a) => a.id === id)!;
}

async function readOffer(tx: Queryable, id: string) {
  const row = (await tx.query(`SELECT ${offerColumns} FROM ${offerFrom} WHERE ao.id = $1`, [id])).rows[0];
  if (!row) throw notFound('Foreningstilbud');
  return staffOffer(row);
}

export async function createAssociationOffer(tx: Queryable, actor: Actor, now: Date, input: z.infer<typeof AssociationOfferInput>) {
  if (!(await tx.query('SELECT 1 FROM association WHERE id = $1', [input.associationId])).rows.length) throw validationError([{ path: 'associationId', rule: 'reference.unknown' }]);
  const id = await insertRow(tx, 'association_offer', actor.municipalityId, { ...columnsOf(input), links: JSON.stringify(input.links) });
  await appendAudit(tx, actor, now, [{ action: 'create', resourceType: 'AssociationOffer', resourceId: id, purpose: 'administration' }]);
  return readOffer(tx, id);
}

export async function updateAssociationOffer(tx: Queryable, actor: Actor, now: Date, id: string, input: z.infer<typeof AssociationOfferUpdate>) {
  const { version, links, ...changes } = input;
  await updateVersioned(tx, 'association_offer', id, version, { ...columnsOf(changes), ...(links ? { links: JSON.stringify(links) } : {}) }, 'Foreningstilbud');
  await appendAudit(tx, actor, now, [{ action: 'update', resourceType: 'AssociationOffer', resourceId: id, purpose: 'administration' }]);
  return readOffer(tx, id);
}

/**
 * The public search (no login): active offers of active associations in one municipality, by area,
 * activity, weekday, language and free text. Only the public columns are selected.
 */
export async function searchPublic(db: Database, search: z.infer<typeof PublicSearch>): Promise<z.infer<typeof PublicResult>> {
  const municipalities = (await db.owner.query<{ id: string; code: string; name: string }>(
    'SELECT id, code, name FROM municipality WHERE ($1::text IS NULL OR code = $1) ORDER BY code LIMIT 2', [search.municipality ?? null])).rows;
  if (municipalities.length !== 1) throw notFound('Kommune');
  const m = municipalities[0]!;
  return db.tenantTransaction(m.id, async (tx) => {
    const where = `ao.active AND a.active`;
    const rows = (await tx.query(
      `SELECT ao.id, a.name AS association_name, a.website AS association_website, a.public_contact, ao.activity, ao.activity_kind, ao.description, ao.place_name,
              ao.address, ao.area, ao.weekdays, to_char(ao.start_time, 'HH24:MI') AS start_time, ao.schedule_note, ao.languages, ao.intro_course, ao.intro_note,
              ao.inclusiveness, ao.inclusiveness_note, ao.companion_available, ao.links, ao.price_note
         FROM ${offerFrom}
        WHERE ${where} AND ($1::text IS NULL OR ao.area = $1) AND ($2::text IS NULL OR ao.activity_kind = $2) AND ($3::smallint IS NULL OR $3 = ANY (ao.weekdays))
          AND ($4::text IS NULL OR $4 = ANY (ao.languages))
          AND ($5::text IS NULL OR lower(ao.activity || ' ' || a.name || ' ' || coalesce(ao.description, '') || ' ' || ao.place_name) LIKE '%' || lower($5) || '%')
        ORDER BY ao.activity, a.name LIMIT 500`,
      [search.area || null, search.activity ?? null, search.day ?? null, search.language ?? null, search.q ? search.q.replace(/[%_\\]/g, '') : null])).rows;
    const facets = (await tx.query<{ areas: string[] | null; languages: string[] | null }>(
      `SELECT array_agg(DISTINCT ao.area ORDER BY ao.area) FILTER (WHERE ao.area IS NOT NULL) AS areas,
              (SELECT array_agg(DISTINCT l ORDER BY l) FROM ${offerFrom}, unnest(ao.languages) l WHERE ${where}) AS languages
         FROM ${offerFrom} WHERE ${where}`)).rows[0]!;
    return {
      municipality: { code: m.code, name: m.name },
      offers: rows.map((r) => { const o = camelRow<z.infer<typeof PublicResult>['offers'][number]>(r); return { ...o, weekdays: o.weekdays.map(Number) }; }),
      areas: facets.areas ?? [], languages: facets.languages ?? [],
    };
  });
}
