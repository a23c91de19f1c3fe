import type { z } from 'zod';
import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { updateVersioned } from '../db/versioned.ts';
import { notFound, validationError } from '../shared/errors.ts';
import { referencesExist } from '../referrals/referral-service.ts';
import { camelRow, columnsOf, insertRow } from './rows.ts';
import type { OfferInput, OfferOut, OfferUpdate, PlaceInput, PlaceOut } from './offer-schemas.ts';

const offerColumns = `o.id, o.internal_name, o.public_name, o.description, o.intervention_codes, o.diseases, o.delivery_mode, o.languages,
  o.gender_specific, o.time_of_day, o.session_minutes, o.session_count, o.capacity, o.support_level, o.features, o.accessibility,
  o.price_dkk::float8 AS price_dkk, o.variant_of, o.variant_kind, o.completion_threshold::float8 AS completion_threshold, o.active, o.version,
  coalesce((SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'kind', p.kind, 'area', p.area) ORDER BY p.name)
              FROM offer_place op JOIN place p ON p.id = op.place_id WHERE op.offer_id = o.id), '[]') AS places,
  coalesce((SELECT json_agg(json_build_object('id', v.id, 'publicName', v.public_name, 'variantKind', v.variant_kind) ORDER BY v.public_name)
              FROM offer v WHERE v.variant_of = o.id AND v.active), '[]') AS variants,
  (SELECT count(*)::int FROM team t WHERE t.offer_id = o.id AND t.starts_on >= $1::date) AS upcoming_teams`;

/** The catalogue holds no personal data, so reading it is not audit-logged; changes are (purpose administration). */
export async function listOffers(tx: Queryable, today: string, includeInactive = false): Promise<OfferOut[]> {
  const rows = (await tx.query(`SELECT ${offerColumns} FROM offer o WHERE ($2 OR o.active) ORDER BY o.public_name LIMIT 500`, [today, includeInactive])).rows;
  return rows.map((r) => camelRow<OfferOut>(r));
}

export async function readOffer(tx: Queryable, today: string, id: string): Promise<OfferOut> {
  const row = (await tx.query(`SELECT ${offerColumns} FROM offer o WHERE o.id = $2`, [today, id])).rows[0];
  if (!row) throw notFound('Tilbud');
  return camelRow<OfferOut>(row);
}

async function checkReferences(tx: Queryable, input: { variantOf?: string | null | undefined; placeIds?: string[] | undefined }, self?: string) {
  const problems = await referencesExist(tx, [
    { path: 'variantOf', table: 'offer', id: input.variantOf },
    ...(input.placeIds ?? []).map((p, i) => ({ path: `placeIds.${i}`, table: 'place', id: p })),
  ]);
  if (self && input.variantOf === self) problems.push({ path: 'variantOf', rule: 'offer.variant' });
  if (problems.length) throw validationError(problems);
}

async function setPlaces(tx: Queryable, actor: Actor, offerId: string, placeIds: readonly string[]) {
  await tx.query('DELETE FROM offer_place WHERE offer_id = $1', [offerId]);
  for (const placeId of new Set(placeIds)) {
    await tx.query('INSERT INTO offer_place (municipality_id, offer_id, place_id) VALUES ($1, $2, $3)', [actor.municipalityId, offerId, placeId]);
  }
}

export async function createOffer(tx: Queryable, actor: Actor, now: Date, today: string, input: z.infer<typeof OfferInput>): Promise<OfferOut> {
  await checkReferences(tx, input);
  const id = await insertRow(tx, 'offer', actor.municipalityId, columnsOf(input, ['placeIds']));
  await setPlaces(tx, actor, id, input.placeIds);
  await appendAudit(tx, actor, now, [{ action: 'create', resourceType: 'Offer', resourceId: id, purpose: 'administration' }]);
  return readOffer(tx, today, id);
}

export async function updateOffer(tx: Queryable, actor: Actor, now: Date, today: string, id: string, input: z.infer<typeof OfferUpdate>): Promise<OfferOut> {
  await checkReferences(tx, input, id);
  const { version, placeIds, ...changes } = input;
  await updateVersioned(tx, 'offer', id, version, columnsOf(changes), 'Tilbud');
  if (placeIds) await setPlaces(tx, actor, id, placeIds);
  await appendAudit(tx, actor, now, [{ action: 'update', resourceType: 'Offer', resourceId: id, purpose: 'administration', detail: { fields: Object.keys(input).filter((k) => k !== 'version') } }]);
  return readOffer(tx, today, id);
}

const placeColumns = 'id, name, kind, area, address, accessibility, active, version';
export async function listPlaces(tx: Queryable): Promise<z.infer<typeof PlaceOut>[]> {
  return (await tx.query(`SELECT ${placeColumns} FROM place WHERE active ORDER BY name LIMIT 500`)).rows.map((r) => camelRow(r));
}

export async function createPlace(tx: Queryable, actor: Actor, now: Date, input: z.infer<typeof PlaceInput>): Promise<z.infer<typeof PlaceOut>> {
  const exists = await tx.query('SELECT 1 FROM place WHERE name = $1', [input.name]);
  if (exists.rows.length) throw validationError([{ path: 'name', rule: 'duplicate' }]);
  const id = await insertRow(tx, 'place', actor.municipalityId, columnsOf(input));
  await appendAudit(tx, actor, now, [{ action: 'create', resourceType: 'Place', resourceId: id, purpose: 'administration' }]);
  return camelRow((await tx.query(`SELECT ${placeColumns} FROM place WHERE id = $1`, [id])).rows[0]!);
}
