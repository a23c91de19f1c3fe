import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createMunicipality, startTestServer, type Client, type TestServer } from '../../test/support/harness.ts';
import { code } from '../../test/support/codes.ts';
import type { Database } from '../db/database.ts';
import { newcombeDifference } from '../statistics/group-comparison.ts';
import { pairedProportionDifference } from '../statistics/paired-proportion.ts';

/**
 * A small hand-made municipality written straight into pathway_fact, so every answer is known:
 *
 *   education   referred  reached  clarified  started  completed  followed up  bridged
 *   low             20       16        12        10         5           3          2
 *   medium          20       18        15        12         9           6          4
 *   high            20       19        18        16        12           8          5
 *   unknown          6        3         2         1         0           0          0
 *
 * One more "medium" completer who was not followed up has a bridge: the cascade stays nested, so
 * it is not counted as bridged.
 *
 * Everyone is referred on 10 March 2025 except one "high" citizen referred at 00:30 on 1 January
 * 2025 Copenhagen time (23:30 UTC the day before), who is inside the period 2025; two more referred
 * just outside it, and a second municipality, must never be counted.
 */
const A = code('cancellationReasons', 'Hændelse medfører ophør');
const B = code('cancellationReasons', 'Borger har ikke henvendt sig eller er udeblevet');
const GP = code('referralSources', 'Egen læge/vagtlæge');
const HOSPITAL = code('referralSources', 'Sygehus - medicinsk');
const DAY = 86_400_000;
const MARCH = Date.parse('2025-03-10T08:00:00Z');

type Counts = [referred: number, reached: number, clarified: number, started: number, completed: number, followedUp: number, bridged: number];
interface Cohort {
  group: string; counts: Counts;
  contactDays: (k: number) => number; startDays: (k: number) => number;
  reason: (k: number) => string; who5: (k: number) => [number | null, number | null];
  /** WHO-5 at follow-up, smoking (1/0) at start and follow-up, self-rated health at start and end. */
  who5FollowUp?: (k: number) => number | null; smoker?: (k: number) => [number | null, number | null]; srh?: (k: number) => [number | null, number | null];
  bridgedNotFollowedUp?: number;
  referredAt?: (k: number) => number; labourMarket?: (k: number) => string; source?: (k: number) => string;
}

const cohorts: Cohort[] = [
  {
    group: 'low', counts: [20, 16, 12, 10, 5, 3, 2], contactDays: (k) => k + 1, startDays: (k) => 10 * (k + 1),
    reason: (k) => (k < 9 ? A : B), who5: (k) => ([[40, 55], [35, 50], [50, 52], [45, 45], [30, null]] as [number, number | null][])[k] ?? [null, null],
    who5FollowUp: (k) => [60, 40, 50][k] ?? null, smoker: (k) => ([[1, 0], [1, 1], [0, 0]] as [number, number][])[k] ?? [null, null],
    srh: (k) => ([[4, 3], [4, 2], [3, 3], [5, 5], [3, null]] as [number, number | null][])[k] ?? [null, null],
    labourMarket: (k) => (k < 4 ? 'unemployed_benefit' : 'employed'), source: (k) => (k < 10 ? HOSPITAL : GP),
  },
  {
    group: 'medium', counts: [20, 18, 15, 12, 9, 6, 4], contactDays: () => 2, startDays: () => 30, reason: (k) => (k < 10 ? A : B), who5: () => [50, 60],
    who5FollowUp: () => 58, smoker: (k) => (k < 2 ? [1, 0] : k === 2 ? [1, 1] : [0, 0]), bridgedNotFollowedUp: 7,
  },
  {
    group: 'high', counts: [20, 19, 18, 16, 12, 8, 5], contactDays: () => 3, startDays: () => 30, reason: (k) => (k < 14 ? A : B), who5: () => [60, 65],
    who5FollowUp: () => 72, smoker: (k) => (k === 0 ? [1, 0] : k === 1 ? [0, 1] : [0, 0]),
    referredAt: (k) => (k === 19 ? Date.parse('2024-12-31T23:30:00Z') : MARCH),
  },
  { group: 'unknown', counts: [6, 3, 2, 1, 0, 0, 0], contactDays: () => 5, startDays: () => 30, reason: () => B, who5: () => [null, null] },
];

const columns = ['referral_id', 'municipality_id', 'citizen_id', 'stage', 'referred_at', 'first_contact_at', 'clarified_at', 'started_at', 'ended_at',
  'followed_up_at', 'outcome', 'dropout_reason', 'referral_source', 'diagnosis_group', 'chronic_count', 'sex', 'age_band', 'education',
  'education_group', 'labour_market', 'origin', 'living_alone', 'social_housing', 'area_type', 'interpreter_needed', 'who5_baseline', 'who5_end',
  'who5_follow_up', 'bridged_at', 'smoker_baseline', 'smoker_follow_up', 'srh_baseline', 'srh_end'];

function factRows(municipalityId: string, c: Cohort): unknown[][] {
  const [referred, reached, clarified, started, completed, followedUp, bridged] = c.counts;
  return Array.from({ length: referred }, (_, k) => {
    const at = c.referredAt?.(k) ?? MARCH;
    const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
    const startAt = k < started ? at + c.startDays(k) * DAY : null;
    const outcome = k < completed ? 'completed' : k < started ? 'stopped' : null;
    const endAt = outcome ? startAt! + 60 * DAY : null;
    const [w0, w1] = outcome === 'completed' ? c.who5(k) : [null, null];
    const followedUpAt = k < followedUp ? endAt! + 180 * DAY : null;
    const later = (f: ((k: number) => [number | null, number | null]) | undefined) => (outcome === 'completed' ? f?.(k) ?? [null, null] : [null, null]);
    const bridgedAt = k < bridged || k === c.bridgedNotFollowedUp ? endAt! + 14 * DAY : null;
    return [randomUUID(), municipalityId, randomUUID(), outcome ? 'ended' : 'received', iso(at), iso(k < reached ? at + c.contactDays(k) * DAY : null),
      iso(k < clarified ? at + 20 * DAY : null), iso(startAt), iso(endAt), iso(followedUpAt), outcome,
      outcome === 'stopped' ? c.reason(k) : null, c.source?.(k) ?? GP, 'type2_diabetes', 1, 'female', '60-69', c.group === 'low' ? 'primary' : 'unknown',
      c.group, c.labourMarket?.(k) ?? 'employed', 'danish', 'no', 'no', 'urban', 'no', w0, w1,
      followedUpAt === null ? null : c.who5FollowUp?.(k) ?? null, iso(bridgedAt), later(c.smoker)[0], followedUpAt === null ? null : later(c.smoker)[1],
      ...later(c.srh)];
  });
}

async function insertFacts(db: Database, rows: unknown[][]): Promise<void> {
  const placeholders = rows.map((r, i) => `(${r.map((_, j) => `$${i * r.length + j + 1}`).join(', ')})`).join(', ');
  await db.owner.query(`INSERT INTO pathway_fact (${columns.join(', ')}) VALUES ${placeholders}`, rows.flat());
}

const period = 'from=2025-01-01&to=2025-12-31';
const step = (body: any, key: string) => body.comparisons.find((c: { step: string }) => c.step === key);
const groupIn = (comparison: any, value: string) => comparison.groups.find((g: { value: string }) => g.value === value);
const countsOf = (body: any, value: string) => body.groups.find((g: { value: string }) => g.value === value).counts.map((c: { count: number | null }) => c.count);

describe('equity cascade and quality API on a hand-made municipality', () => {
  let server: TestServer;
  let coordinator: Client;
  let manager: Client;
  before(async () => {
    server = await startTestServer();
    const id = server.municipality.id;
    await insertFacts(server.db, cohorts.flatMap((c) => factRows(id, c)));
    const outside = factRows(id, { ...cohorts[2]!, counts: [2, 2, 2, 2, 2, 2, 2], referredAt: (k) => Date.parse(k ? '2024-12-31T22:30:00Z' : '2025-12-31T23:30:00Z') });
    await insertFacts(server.db, outside);
    const other = await createMunicipality(server.db, 'Nabokommune');
    await insertFacts(server.db, factRows(other.id, cohorts[0]!));
    coordinator = await server.login('coordinator');
    manager = await server.login('manager');
  });
  after(() => server.close());

  it('counts every step by education, inside the period in local days and only in the own municipality', async () => {
    const res = await coordinator.get(`/api/equity/cascade?${period}&dimension=education`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const body = res.body;
    assert.deepEqual(body.groups.map((g: { value: string }) => g.value), ['low', 'medium', 'high', 'unknown']);
    assert.deepEqual(countsOf(body, 'low'), [20, 16, 12, 10, 5, 3, 2]);
    assert.deepEqual(countsOf(body, 'medium'), [20, 18, 15, 12, 9, 6, 4], 'a bridge without a follow-up is not the "bridged" step');
    assert.deepEqual(countsOf(body, 'high'), [20, 19, 18, 16, 12, 8, 5], 'the 00:30 local referral on 1 January is inside 2025');
    assert.deepEqual(countsOf(body, 'unknown'), [6, 3, 2, 1, 0, 0, 0]);
    assert.deepEqual(body.total.counts.map((c: { count: number }) => c.count), [66, 56, 47, 39, 26, 17, 11]);
    assert.deepEqual(body.steps.at(-1), { key: 'bridged', label: 'Brobygget til forening' });
    assert.deepEqual(body.disclosure, { suppressed: false, threshold: 5 });
    assert.equal(body.dimension.ordered, true);
    assert.ok(body.total.counts.every((c: { hidden: string | null }) => c.hidden === null));
  });

  it('gives each step\'s rate out of the previous step, the gap to the most advantaged group and the measures', async () => {
    const body = (await coordinator.get(`/api/equity/cascade?${period}&dimension=education`)).body;
    const completed = step(body, 'completed');
    // Completed out of started: low 5/10, medium 9/12, high 12/16.
    assert.deepEqual(['low', 'medium', 'high'].map((g) => groupIn(completed, g).rate.value), [0.5, 0.75, 0.75]);
    assert.equal(completed.reference, 'high');
    assert.deepEqual(completed.compared, { upper: 'high', lower: 'low' });
    const d = newcombeDifference({ n: 16, events: 12 }, { n: 10, events: 5 });
    assert.deepEqual(completed.measures.d, { value: 0.25, ciLow: d.ciLow, ciHigh: d.ciHigh });
    assert.equal(groupIn(completed, 'low').difference.value, -0.25);
    assert.equal(completed.population, 38, 'the unknowns do not enter the measures');
    assert.equal(groupIn(completed, 'unknown'), undefined);
    assert.equal(completed.overall.value, 26 / 39);
    // PAR = y_ref − μ = 0.75 − 26/38
    assert.ok(Math.abs(completed.measures.par.value - (0.75 - 26 / 38)) < 1e-12);
    assert.equal(step(body, 'referred'), undefined, 'referred is the start, it has no rate');
    assert.deepEqual(body.unknown[0], { step: 'referred', count: 6, total: 66, share: 6 / 66 });
    const ofReferred = (await coordinator.get(`/api/equity/cascade?${period}&dimension=education&base=referred`)).body;
    assert.equal(groupIn(step(ofReferred, 'completed'), 'low').rate.value, 5 / 20);
  });

  it('narrows by offer, team and place, and refuses an id that is not one, naming the field', async () => {
    const offer = randomUUID();
    await server.db.owner.query('UPDATE pathway_fact SET offer_id = $1 WHERE municipality_id = $2 AND referral_source = $3', [offer, server.municipality.id, HOSPITAL]);
    const byOffer = (await coordinator.get(`/api/equity/cascade?${period}&dimension=education&offer=${offer}`)).body;
    assert.deepEqual(countsOf(byOffer, 'low'), [10, 10, 10, 10, 5, 3, 2]);
    assert.deepEqual(byOffer.filters, { offer });
    const none = (await coordinator.get(`/api/equity/cascade?${period}&dimension=education&team=${randomUUID()}`)).body;
    assert.ok(none.total, JSON.stringify(none));
    assert.deepEqual(none.total.counts.map((c: { count: number }) => c.count), [0, 0, 0, 0, 0, 0, 0]);
    const bad = await coordinator.get(`/api/equity/cascade?${period}&dimension=education&place=not-an-id`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.fields[0].path, 'query.place');
  });

  it('narrows by filters and breaks down by any social dimension', async () => {
    const hospital = (await coordinator.get(`/api/equity/cascade?${period}&dimension=education&referralSource=${HOSPITAL}`)).body;
    assert.deepEqual(hospital.groups.map((g: { value: string }) => g.value), ['low']);
    assert.deepEqual(countsOf(hospital, 'low'), [10, 10, 10, 10, 5, 3, 2]);
    assert.deepEqual(hospital.filters, { referralSource: HOSPITAL });
    const labour = (await coordinator.get(`/api/equity/cascade?${period}&dimension=labour_market`)).body;
    assert.deepEqual(labour.groups.map((g: { value: string }) => g.value), ['employed', 'unemployed_benefit']);
    assert.deepEqual(countsOf(labour, 'unemployed_benefit'), [4, 4, 4, 4, 4, 3, 2]);
    assert.equal(labour.dimension.reference, 'employed');
    assert.equal(step(labour, 'started').measures.sii.value, null, 'no slope on an unordered dimension');
  });

  it('suppresses small counts for a manager, hiding the "all" row rather than a group where that suffices', async () => {
    const res = await manager.get(`/api/equity/cascade?${period}&dimension=education`);
    assert.equal(res.status, 200);
    const body = res.body;
    assert.deepEqual(body.disclosure, { suppressed: true, threshold: 5 });
    assert.deepEqual(countsOf(body, 'unknown'), [6, null, null, null, 0, 0, 0]);
    assert.deepEqual(countsOf(body, 'low'), [20, 16, 12, 10, 5, null, null]);
    // Bridged: low 2 and medium 4 are hidden; the total 11 and high's 5 only reveal their sum, 6.
    assert.deepEqual(countsOf(body, 'medium'), [20, 18, 15, 12, 9, 6, null]);
    assert.deepEqual(body.total.counts.map((c: { count: number | null; hidden: string | null }) => [c.count, c.hidden]),
      [[66, null], [null, 'complementary'], [null, 'complementary'], [null, 'complementary'], [26, null], [null, 'complementary'], [11, null]]);
    const reached = step(body, 'reached');
    assert.equal(reached.measuresHidden, false, 'the groups are all shown, so the gaps are too');
    assert.equal(reached.overall.value, null);
    assert.equal(groupIn(reached, 'low').rate.value, 16 / 20);
    const followed = step(body, 'followed_up');
    assert.equal(followed.measuresHidden, true, 'the measures would give away the 3 in "low"');
    assert.equal(followed.measures.d.value, null);
    assert.deepEqual([groupIn(followed, 'low').rate.value, groupIn(followed, 'low').events, groupIn(followed, 'low').hidden], [null, null, true]);
    assert.equal(groupIn(followed, 'medium').rate.value, 6 / 9);
    assert.equal(body.unknown[1].share, null);
    assert.equal(JSON.stringify(body).includes('"count":3'), false, 'no count below 5 anywhere');
  });

  it('shows a manager granted access to the records the figures unsuppressed', async () => {
    const trusted = await server.login('manager');
    await server.db.owner.query(`UPDATE staff_user SET grants = '{citizen.read}' WHERE id = $1`, [trusted.userId]);
    const body = (await trusted.get(`/api/equity/cascade?${period}&dimension=education`)).body;
    assert.deepEqual(body.disclosure, { suppressed: false, threshold: 5 });
    assert.deepEqual(countsOf(body, 'unknown'), [6, 3, 2, 1, 0, 0, 0]);
  });

  it('gives waiting times to contact and to start as median and quartiles by group', async () => {
    const res = await coordinator.get(`/api/equity/waiting-times?${period}&dimension=education`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const low = res.body.groups.find((g: { value: string }) => g.value === 'low');
    // Contact after 1, 2, …, 16 days: p25 at position 3.75 → 4.75, median 8.5, p75 12.25.
    assert.deepEqual(low.toContact, { n: 16, hidden: null, p25: 4.75, median: 8.5, p75: 12.25 });
    // Start after 10, 20, …, 100 days.
    assert.deepEqual(low.toStart, { n: 10, hidden: null, p25: 32.5, median: 55, p75: 77.5 });
    assert.equal(res.body.groups.find((g: { value: string }) => g.value === 'medium').toContact.median, 2);
    assert.equal(res.body.total.toContact.n, 56);
    const hidden = (await manager.get(`/api/equity/waiting-times?${period}&dimension=education`)).body;
    assert.deepEqual(hidden.groups.find((g: { value: string }) => g.value === 'unknown').toContact, { n: null, hidden: 'small', p25: null, median: null, p75: null });
    assert.equal(hidden.total.toContact.median, null);
  });

  it('tabulates drop-out reasons by group, protected as a whole table for a manager', async () => {
    const res = await coordinator.get(`/api/equity/dropout-reasons?${period}&dimension=education&phase=after_start`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.reasons.map((r: { code: string }) => r.code), [A, B].sort());
    const low = res.body.groups.find((g: { value: string }) => g.value === 'low');
    const countOf = (g: any, reason: string) => g.reasons.find((r: { reason: string }) => r.reason === reason);
    assert.deepEqual([low.total.count, countOf(low, A).count, countOf(low, A).share, countOf(low, B).count], [5, 4, 0.8, 1]);
    assert.equal(res.body.total.total.count, 13);
    const before = (await coordinator.get(`/api/equity/dropout-reasons?${period}&dimension=education&phase=before_start`)).body;
    assert.equal(before.total.total.count, 0, 'nobody here dropped out before starting');
    const protectedBody = (await manager.get(`/api/equity/dropout-reasons?${period}&dimension=education&phase=after_start`)).body;
    const cells = protectedBody.groups.flatMap((g: any) => [g.total, ...g.reasons]);
    assert.ok(cells.every((c: { count: number | null }) => c.count === null || c.count === 0 || c.count >= 5), JSON.stringify(cells));
    assert.equal(countOf(protectedBody.groups.find((g: { value: string }) => g.value === 'low'), A).hidden, 'small');
  });

  it('shows the effect by group: paired WHO-5 change with CI, improvers and missing pairs', async () => {
    const res = await coordinator.get(`/api/equity/effects?${period}&dimension=education`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const who5 = res.body.measures.find((m: { key: string }) => m.key === 'who5');
    const low = who5.groups.find((g: { value: string }) => g.value === 'low').effect;
    // Pairs 40→55, 35→50, 50→52, 45→45 (and one without an end value): changes 15, 15, 2, 0.
    assert.deepEqual([low.pairs.count, low.missing.count, low.improved.count, low.meanChange.value], [4, 1, 2, 8]);
    const half = (3.182446305284263 * Math.sqrt(198 / 3)) / 2;
    assert.ok(Math.abs(low.meanChange.ciLow - (8 - half)) < 1e-9);
    const medium = who5.groups.find((g: { value: string }) => g.value === 'medium').effect;
    assert.deepEqual(medium.meanChange, { value: 10, ciLow: 10, ciHigh: 10 });
    assert.equal(who5.total.pairs.count, 25);
    assert.equal(res.body.measures.find((m: { key: string }) => m.key === 'hba1c').total.missing.count, 26, 'nobody has HbA1c here');
    const hidden = (await manager.get(`/api/equity/effects?${period}&dimension=education`)).body;
    const lowHidden = hidden.measures.find((m: { key: string }) => m.key === 'who5').groups.find((g: { value: string }) => g.value === 'low').effect;
    assert.deepEqual([lowHidden.pairs.hidden, lowHidden.meanChange.value], ['small', null]);
  });

  it('compares start with follow-up among the followed-up completers, and smoking as a paired change in prevalence', async () => {
    const res = await coordinator.get(`/api/equity/effects?${period}&dimension=education&timePoint=follow_up`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual([res.body.timePoint, res.body.timePointLabel], ['follow_up', 'Start til opfølgning']);
    const measure = (key: string) => res.body.measures.find((m: { key: string }) => m.key === key);
    const groupOf = (m: any, value: string) => m.groups.find((g: { value: string }) => g.value === value).effect;
    // WHO-5, low: 40→60, 35→40, 50→50 (changes 20, 5, 0; mean 25/3; one improved by 10 or more).
    // Deviations 35/3, −10/3, −25/3: Σ² = (1225 + 100 + 625)/9 = 1950/9; sd = √(1950/18); t_{0.975, 2} = 4.302652729911275.
    const low = groupOf(measure('who5'), 'low');
    assert.deepEqual([low.pairs.count, low.missing.count, low.improved.count], [3, 0, 1]);
    const half = (4.302652729911275 * Math.sqrt(1950 / 18)) / Math.sqrt(3);
    assert.ok(Math.abs(low.meanChange.value - 25 / 3) < 1e-12 && Math.abs(low.meanChange.ciHigh - (25 / 3 + half)) < 1e-9, JSON.stringify(low.meanChange));
    assert.deepEqual(groupOf(measure('who5'), 'medium').meanChange, { value: 8, ciLow: 8, ciHigh: 8 }, 'everyone 50 → 58');
    assert.deepEqual([groupOf(measure('who5'), 'high').improved.count, measure('who5').total.pairs.count], [8, 17]);
    // Smoking over all 17 followed-up completers: stayed smokers a = 2, quit b = 4, started c = 1, never d = 10.
    const smoking = measure('smoking');
    assert.deepEqual([smoking.kind, smoking.total.pairs.count, smoking.total.improved.count], ['proportion', 17, 4]);
    assert.deepEqual(smoking.total.meanChange, pairedProportionDifference({ a: 2, b: 4, c: 1, d: 10 }));
    assert.ok(Math.abs(smoking.total.meanChange.value - -3 / 17) < 1e-12);
    // Only one measure when asked, and nobody has self-rated health at follow-up.
    const srh = (await coordinator.get(`/api/equity/effects?${period}&dimension=education&timePoint=follow_up&measure=srh`)).body;
    assert.deepEqual(srh.measures.map((m: { key: string }) => m.key), ['srh']);
    assert.deepEqual([srh.measures[0].total.pairs.count, srh.measures[0].total.missing.count], [0, 17]);
    assert.equal((await coordinator.get(`/api/equity/effects?${period}&timePoint=later`)).status, 400);
  });

  it('gives self-rated health start vs end among completers, lower being better', async () => {
    const res = await coordinator.get(`/api/equity/effects?${period}&dimension=education&measure=srh`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const low = res.body.measures[0].groups.find((g: { value: string }) => g.value === 'low').effect;
    // 4→3, 4→2, 3→3, 5→5 and one without an end answer: changes −1, −2, 0, 0; mean −0.75; two improved by a category or more.
    assert.deepEqual([low.pairs.count, low.missing.count, low.improved.count, low.meanChange.value], [4, 1, 2, -0.75]);
    assert.deepEqual([res.body.measures[0].unit, res.body.measures[0].higherIsBetter, res.body.timePoint], ['kategorier (1-5)', false, 'end']);
  });

  it('draws quality indicators as monthly run charts and funnel plots', async () => {
    const list = await manager.get('/api/quality/indicators');
    assert.ok(list.body.indicators.some((i: { key: string }) => i.key === 'follow_up_of_completers'));
    const run = await coordinator.get(`/api/quality/indicators/contact_within_10_days/run-chart?${period}`);
    assert.equal(run.status, 200, JSON.stringify(run.body));
    assert.equal(run.body.months.length, 12);
    const march = run.body.months.find((m: { month: string }) => m.month === '2025-03');
    // Reached within 10 days: low 10 of 20, medium 18, high 19 of 19 in March, unknown 3 of 6.
    assert.deepEqual([march.denominator.count, march.numerator.count], [65, 50]);
    const january = run.body.months.find((m: { month: string }) => m.month === '2025-01');
    assert.deepEqual([january.denominator.count, january.numerator.count, january.tooFew], [1, 0, true]);
    assert.equal(run.body.centre, 50 / 66);
    const sigma = 3 * Math.sqrt((50 / 66) * (16 / 66) / 65);
    assert.ok(Math.abs(march.limits.lower - (50 / 66 - sigma)) < 1e-12);
    const funnel = await coordinator.get(`/api/quality/indicators/contact_within_10_days/funnel?${period}&by=referralSource`);
    assert.equal(funnel.status, 200, JSON.stringify(funnel.body));
    assert.equal(funnel.body.centre, 0.9, 'around the target');
    const hospital = funnel.body.units.find((u: { unit: string }) => u.unit === HOSPITAL);
    assert.deepEqual([hospital.denominator.count, hospital.numerator.count, hospital.label], [10, 10, 'Sygehus - medicinsk']);
  });

  it('refuses a backwards period and an unknown dimension or indicator, and documents the endpoints', async () => {
    const backwards = await coordinator.get('/api/equity/cascade?from=2025-12-31&to=2025-01-01');
    assert.equal(backwards.status, 400);
    assert.equal(backwards.body.error.fields[0].path, 'query.to');
    assert.match(backwards.body.error.fields[0].message, /må ikke ligge før starttidspunktet/);
    assert.equal((await coordinator.get(`/api/equity/cascade?${period}&dimension=shoe_size`)).status, 400);
    assert.equal((await coordinator.get(`/api/quality/indicators/no_such/run-chart?${period}`)).status, 404);
    const api = await coordinator.get('/api/openapi.json');
    for (const path of ['/api/equity/cascade', '/api/equity/waiting-times', '/api/equity/dropout-reasons', '/api/equity/effects', '/api/equity/dimensions', '/api/quality/indicators/{key}/funnel']) {
      assert.ok(api.body.paths[path], path);
    }
    const dims = (await manager.get('/api/equity/dimensions')).body;
    assert.equal(dims.dimensions.length, 8);
  });
});
