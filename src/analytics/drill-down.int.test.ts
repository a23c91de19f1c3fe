import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Client, createMunicipality, startTestServer, type TestServer } from '../../test/support/harness.ts';
import { createCitizen, createTeam } from '../../test/support/fixtures.ts';
import { code } from '../../test/support/codes.ts';

/**
 * The drill-down from a cascade cell (issue 6 §6) on hand-made facts: completed by education in 2025
 * is low 6 (real citizens with names), medium 2 (small: hidden from managers) and high 7; a second
 * municipality has 6 more "low" completers that must never appear.
 */
const GP = code('referralSources', 'Egen læge/vagtlæge');
const STOPPED = code('cancellationReasons', 'Hændelse medfører ophør');
const columns = ['referral_id', 'municipality_id', 'citizen_id', 'stage', 'referred_at', 'first_contact_at', 'clarified_at', 'started_at', 'ended_at',
  'followed_up_at', 'outcome', 'dropout_reason', 'referral_source', 'diagnosis_group', 'chronic_count', 'sex', 'age_band', 'education',
  'education_group', 'labour_market', 'origin', 'living_alone', 'social_housing', 'area_type', 'interpreter_needed'];

function fact(municipalityId: string, citizenId: string, group: string, completed: boolean): unknown[] {
  return [randomUUID(), municipalityId, citizenId, 'ended', '2025-03-10T08:00:00Z', '2025-03-13T09:00:00Z', '2025-03-30T09:00:00Z', '2025-04-09T00:00:00Z',
    '2025-06-30T00:00:00Z', null, completed ? 'completed' : 'stopped', completed ? null : STOPPED, GP, 'type2_diabetes', 1, 'female', '60-69', 'unknown',
    group, 'employed', 'danish', 'no', 'no', 'urban', 'no'];
}

const period = 'from=2025-01-01&to=2025-12-31&dimension=education';
const uuidLike = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('drill-down from a cascade cell', () => {
  let server: TestServer;
  let clinician: Client & { userId: string };
  let manager: Client & { userId: string };
  let otherId: string;
  const people: { id: string; name: string }[] = [];
  const otherCitizens = Array.from({ length: 6 }, () => randomUUID());

  before(async () => {
    server = await startTestServer();
    const id = server.municipality.id;
    const coordinator = await server.login('coordinator');
    for (const [given, family] of [['Anna', 'Drillsen'], ['Bo', 'Drillsen'], ['Cecilie', 'Drillsen'], ['Dan', 'Drillsen'], ['Ea', 'Drillsen'], ['Frej', 'Drillsen']] as const) {
      people.push({ id: (await createCitizen(coordinator, given, family)).id, name: `${given} ${family}` });
    }
    const rows = [
      ...people.map((p) => fact(id, p.id, 'low', true)),
      fact(id, randomUUID(), 'low', false),
      ...Array.from({ length: 2 }, () => fact(id, randomUUID(), 'medium', true)),
      ...Array.from({ length: 7 }, () => fact(id, randomUUID(), 'high', true)),
    ];
    otherId = (await createMunicipality(server.db, 'Nabokommune')).id;
    rows.push(...otherCitizens.map((c) => fact(otherId, c, 'low', true)));
    const placeholders = rows.map((r, i) => `(${r.map((_, j) => `$${i * r.length + j + 1}`).join(', ')})`).join(', ');
    await server.db.owner.query(`INSERT INTO pathway_fact (${columns.join(', ')}) VALUES ${placeholders}`, rows.flat());
    clinician = await server.login('clinician');
    manager = await server.login('manager');
  });
  after(() => server.close());

  const audit = (actorId: string) => server.db.owner.query<{ action: string; resource_type: string; resource_id: string | null; citizen_id: string | null; purpose: string; detail: Record<string, unknown> }>(
    'SELECT action, resource_type, resource_id::text AS resource_id, citizen_id::text AS citizen_id, purpose, detail FROM audit_event WHERE municipality_id = $1 AND actor_id = $2 ORDER BY chain_index',
    [server.municipality.id, actorId]).then((r) => r.rows);

  it('gives a clinician the names and links of the cell, only from the own municipality, each row audit-logged', async () => {
    const res = await clinician.get(`/api/equity/drill-down?${period}&group=low&step=completed`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.view, 'named');
    assert.equal(res.body.count, 6, 'the stopped "low" referral and the other municipality\'s six are not in the cell');
    assert.deepEqual(res.body.rows.map((r: any) => r.person.name), people.map((p) => p.name));
    assert.deepEqual(res.body.rows.map((r: any) => r.person.citizenId).sort(), people.map((p) => p.id).sort());
    assert.ok(res.body.rows.every((r: any) => !otherCitizens.includes(r.person.citizenId)));
    const row = res.body.rows[0];
    assert.deepEqual(row.steps.map((s: any) => [s.step, s.month]), [['referred', '2025-03'], ['reached', '2025-03'], ['clarified', '2025-03'], ['started', '2025-04'], ['completed', '2025-06']]);
    assert.equal(row.daysToContact, 3);
    assert.equal(row.daysToStart, 30);

    const logged = await audit(clinician.userId);
    const reads = logged.filter((a) => a.resource_type === 'Referral' && a.detail.via === 'equity_drill_down');
    assert.deepEqual(reads.map((a) => a.citizen_id).sort(), people.map((p) => p.id).sort());
    assert.deepEqual(new Set(reads.map((a) => `${a.action}/${a.purpose}`)), new Set(['read/quality']));
    assert.deepEqual(reads.map((a) => a.resource_id).sort(), res.body.rows.map((r: any) => r.person.referralId).sort());
  });

  it('gives a manager stable pseudonyms and no personal fields, and logs the list once', async () => {
    const res = await manager.get(`/api/equity/drill-down?${period}&group=low&step=completed`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.view, 'pseudonymised');
    assert.equal(res.body.count, 6);
    const text = JSON.stringify(res.body.rows);
    assert.doesNotMatch(text, uuidLike, 'no citizen or referral id');
    assert.doesNotMatch(text, /Drillsen|\d{4}-\d{2}-\d{2}|\d{6}-?\d{4}/, 'no name, exact date or CPR number');
    for (const r of res.body.rows) {
      assert.deepEqual(Object.keys(r).sort(), ['ageBand', 'daysToContact', 'daysToStart', 'dropoutReason', 'person', 'pseudonym', 'sex', 'steps']);
      assert.equal(r.person, null);
      assert.match(r.pseudonym, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    }
    assert.deepEqual(res.body.rows[0].ageBand, { value: '60-69', label: '60-69' });
    assert.deepEqual(res.body.rows[0].sex, { value: 'female', label: 'Kvinde' });

    const again = await manager.get(`/api/equity/drill-down?${period}&group=low&step=completed`);
    assert.deepEqual(again.body.rows.map((r: any) => r.pseudonym), res.body.rows.map((r: any) => r.pseudonym), 'stable across calls');
    const named = await clinician.get(`/api/equity/drill-down?${period}&group=low&step=completed`);
    assert.deepEqual(named.body.rows.map((r: any) => r.pseudonym).sort(), res.body.rows.map((r: any) => r.pseudonym).sort(), 'staff see the same pseudonym next to the name');

    const logged = await audit(manager.userId);
    const lists = logged.filter((a) => a.resource_type === 'EquityDrillDown');
    assert.equal(lists.length, 2);
    assert.deepEqual(lists.map((a) => [a.action, a.purpose, a.citizen_id, a.detail.rows, a.detail.group]), [['read', 'quality', null, 6, 'low'], ['read', 'quality', null, 6, 'low']]);
    assert.equal(logged.filter((a) => a.citizen_id !== null).length, 0, 'a pseudonymised list reads no record');
  });

  it('gives an API key with the statistics scope the pseudonymised list only', async () => {
    const admin = await server.login('admin');
    const created = await admin.post('/api/admin/api-keys', { name: 'analyse', scopes: ['statistics.read'] });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const res = await new Client(server.url).request('GET', `/api/equity/drill-down?${period}&group=low&step=completed`, undefined, { authorization: `Bearer ${created.body.key}` });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.view, 'pseudonymised');
    assert.ok(res.body.rows.every((r: any) => r.person === null));
    assert.doesNotMatch(JSON.stringify(res.body.rows), uuidLike);
  });

  it('refuses a manager the list of a cell the cascade hides, in Danish, and logs nothing', async () => {
    const cascade = (await manager.get(`/api/equity/cascade?${period}`)).body;
    const medium = cascade.groups.find((g: any) => g.value === 'medium').counts.find((c: any) => c.step === 'completed');
    assert.deepEqual(medium, { step: 'completed', count: null, hidden: 'small' });
    const before = (await audit(manager.userId)).length;
    const res = await manager.get(`/api/equity/drill-down?${period}&group=medium&step=completed`);
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'forbidden');
    assert.match(res.body.error.message, /^Listen kan ikke vises: cellen har færre end 5 borgere/);
    assert.doesNotMatch(JSON.stringify(res.body), uuidLike);
    assert.equal((await audit(manager.userId)).length, before);
    manager.lang = 'en';
    const english = await manager.get(`/api/equity/drill-down?${period}&group=medium&step=completed`);
    manager.lang = 'da';
    assert.match(english.body.error.message, /^The list cannot be shown/);
    // With access to the records there is no suppression: the clinician gets the two.
    const seen = await clinician.get(`/api/equity/drill-down?${period}&group=medium&step=completed`);
    assert.equal(seen.status, 200);
    assert.equal(seen.body.count, 2);
  });

  it('names the field when the cell is not given, and a manager of the other municipality sees only its own', async () => {
    const res = await manager.get(`/api/equity/drill-down?${period}&step=completed`);
    assert.equal(res.status, 400);
    assert.ok(res.body.error.fields.some((f: any) => f.path === 'query.group' && /group/.test(f.message)), JSON.stringify(res.body));
    const neighbour = await server.login('manager', otherId);
    const theirs = await neighbour.get(`/api/equity/drill-down?${period}&group=low&step=completed`);
    assert.equal(theirs.status, 200);
    assert.equal(theirs.body.count, 6);
    const ours = (await manager.get(`/api/equity/drill-down?${period}&group=low&step=completed`)).body.rows.map((r: any) => r.pseudonym);
    assert.equal(theirs.body.rows.filter((r: any) => ours.includes(r.pseudonym)).length, 0, 'different citizens, different secret');
  });

  it('lists the own teams for the filter, without participants', async () => {
    const ours = await createTeam(server.db, server.municipality.id, 'Drillholdet', new Date('2025-03-03T12:00:00Z'), 2);
    const theirs = await createTeam(server.db, otherId, 'Naboholdet', new Date('2025-03-03T12:00:00Z'), 2);
    const res = await manager.get('/api/equity/teams');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.teams.find((t: any) => t.id === ours.id), { id: ours.id, name: 'Drillholdet', offerId: null, placeId: null, startsOn: '2025-03-03' });
    assert.ok(!res.body.teams.some((t: any) => t.id === theirs.id));
    for (const t of res.body.teams) assert.deepEqual(Object.keys(t).sort(), ['id', 'name', 'offerId', 'placeId', 'startsOn']);
  });
});
