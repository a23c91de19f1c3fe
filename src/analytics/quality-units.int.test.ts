import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createMunicipality, startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { code } from '../../test/support/codes.ts';

/**
 * Funnel plots across offers, teams and places name the units as staff know them, never by raw id,
 * and a neighbouring municipality's names never leak in (row-level security on the name lookup).
 *
 *   unit                      referred  reached within 10 days
 *   offer A / team A / Ørsted       24   24
 *   offer B / team B / Ågade        22   11
 *   no offer yet                     6    3
 */
const GP = code('referralSources', 'Egen læge/vagtlæge');
const MARCH = Date.parse('2025-03-10T08:00:00Z');
const DAY = 86_400_000;
const period = 'from=2025-01-01&to=2025-12-31';

type Unit = { offer: string; team: string; place: string } | null;

function facts(municipalityId: string, unit: Unit, n: number, reachedInTime: number): unknown[][] {
  return Array.from({ length: n }, (_, k) => [
    randomUUID(), municipalityId, randomUUID(), 'received', new Date(MARCH).toISOString(),
    new Date(MARCH + (k < reachedInTime ? 3 : 20) * DAY).toISOString(), GP, 'type2_diabetes', 1, 'female', '60-69', 'primary', 'low',
    'employed', 'danish', 'no', 'no', 'urban', 'no', unit?.offer ?? null, unit?.team ?? null, unit?.place ?? null,
  ]);
}
const columns = ['referral_id', 'municipality_id', 'citizen_id', 'stage', 'referred_at', 'first_contact_at', 'referral_source', 'diagnosis_group', 'chronic_count',
  'sex', 'age_band', 'education', 'education_group', 'labour_market', 'origin', 'living_alone', 'social_housing', 'area_type', 'interpreter_needed',
  'offer_id', 'team_id', 'place_id'];

describe('quality funnel plots by offer, team and place', () => {
  let server: TestServer;
  let coordinator: Client;
  const units = { a: { offer: randomUUID(), team: randomUUID(), place: randomUUID() }, b: { offer: randomUUID(), team: randomUUID(), place: randomUUID() } };

  before(async () => {
    server = await startTestServer();
    const db = server.db.owner;
    const mid = server.municipality.id;
    for (const [key, u, placeName] of [['A', units.a, 'Ørsted Sundhedshus'], ['B', units.b, 'Ågade Sundhedscenter']] as const) {
      await db.query('INSERT INTO place (id, municipality_id, name, kind) VALUES ($1, $2, $3, $4)', [u.place, mid, placeName, 'health_centre']);
      await db.query(`INSERT INTO offer (id, municipality_id, internal_name, public_name, intervention_codes, delivery_mode, session_minutes, session_count)
                      VALUES ($1, $2, $3, $4, $5, 'group', 90, 8)`, [u.offer, mid, `Tilbud ${key}`, `Offentligt navn ${key}`, ['x']]);
      await db.query('INSERT INTO team (id, municipality_id, name, offer_id, place_id) VALUES ($1, $2, $3, $4, $5)', [u.team, mid, `Hold ${key}, uge 11/2025`, u.offer, u.place]);
    }
    // A neighbour's place with the same id as nothing here, and its facts: neither may show.
    const other = await createMunicipality(server.db, 'Nabokommune');
    const foreignPlace = randomUUID();
    await db.query('INSERT INTO place (id, municipality_id, name, kind) VALUES ($1, $2, $3, $4)', [foreignPlace, other.id, 'Nabokommunens hus', 'health_centre']);
    const rows = [...facts(mid, units.a, 24, 24), ...facts(mid, units.b, 22, 11), ...facts(mid, null, 6, 3),
      ...facts(other.id, { offer: randomUUID(), team: randomUUID(), place: foreignPlace }, 30, 30)];
    const placeholders = rows.map((r, i) => `(${r.map((_, j) => `$${i * r.length + j + 1}`).join(', ')})`).join(', ');
    await db.query(`INSERT INTO pathway_fact (${columns.join(', ')}) VALUES ${placeholders}`, rows.flat());
    coordinator = await server.login('coordinator');
  });
  after(() => server.close());

  const funnel = async (by: string, lang = 'da') => {
    const res = await coordinator.request('GET', `/api/quality/indicators/contact_within_10_days/funnel?${period}&by=${by}`, undefined, { 'accept-language': lang });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as { units: { unit: string; label: string; denominator: { count: number | null }; numerator: { count: number | null } }[] };
  };

  it('labels offers, teams and places by name, in Danish alphabetical order, with the unassigned as such', async () => {
    const byPlace = await funnel('place');
    assert.deepEqual(byPlace.units.map((u) => [u.label, u.denominator.count, u.numerator.count]),
      [['Ikke tildelt', 6, 3], ['Ørsted Sundhedshus', 24, 24], ['Ågade Sundhedscenter', 22, 11]], 'Ø before Å, both after the rest, the Danish way');
    assert.deepEqual(byPlace.units.map((u) => u.unit), ['null', units.a.place, units.b.place]);
    assert.deepEqual((await funnel('offer')).units.map((u) => u.label), ['Ikke tildelt', 'Tilbud A', 'Tilbud B']);
    assert.deepEqual((await funnel('team')).units.map((u) => u.label), ['Hold A, uge 11/2025', 'Hold B, uge 11/2025', 'Ikke tildelt']);
    assert.ok(!JSON.stringify(byPlace).includes('Nabokommunens hus'));
  });

  it('says "not assigned" in English too, and keeps code labels for referral sources', async () => {
    assert.ok((await funnel('place', 'en')).units.some((u) => u.label === 'Not assigned'));
    assert.deepEqual((await funnel('referralSource')).units.map((u) => u.label), ['Egen læge/vagtlæge']);
  });
});
