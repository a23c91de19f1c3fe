import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { measureEffect } from '../analytics/effect-by-group.ts';
import type { EffectMeasureKey } from '../analytics/effect-measures.ts';
import { pathwayFactColumns, type PathwayFact } from '../analytics/pathway-fact.ts';
import { parseCpr } from '../domain/cpr.ts';
import { stages } from '../domain/pathway-state.ts';
import { isCode } from '../domain/terminology.ts';
import { simulateCourse, type CourseContext } from './course.ts';
import { samplePerson } from './person.ts';
import { IdSequence, Rng } from './random.ts';
import { addDays, buildSetting, copenhagenTime, isoWeek } from './setting.ts';
import { demoTables, emptyTableRows, type TableRows } from './tables.ts';

const reference = new Date('2026-11-23T12:00:00Z');
const from = addDays(reference, -730);

function population(seed: number, citizens: number): { out: TableRows; facts: PathwayFact[]; cprs: string[] } {
  const rng = new Rng(seed);
  const idRng = new Rng(seed + 1);
  const ids = new IdSequence(idRng, reference.getTime());
  const { setting } = buildSetting(ids, idRng, ids.next(), 'Ligeby', 0, { clinicians: ['c1', 'c2'], coordinator: 'k', all: [] }, from, reference);
  const cprs: string[] = [];
  // The CPR "protection" is a pass-through here so the test can read the numbers back.
  // Questionnaire answers come from a generator of their own, so they leave the courses as they would be without them.
  const ctx: CourseContext = { setting, reference, from, usedCpr: new Set(), newId: () => ids.next(), selfReports: new Rng(seed ^ 0x73726570), protectCpr: (cpr) => { cprs.push(cpr); return { hash: `h${cpr}`, encrypted: cpr }; } };
  const out = emptyTableRows();
  for (let i = 0; i < citizens; i++) simulateCourse(rng, ctx, samplePerson(rng, setting.districts), out);
  const facts = out.pathway_fact.map((r) => Object.fromEntries(pathwayFactColumns.map((c, i) => [c, r[i]])) as unknown as PathwayFact);
  return { out, facts, cprs };
}

const col = (table: keyof typeof demoTables, name: string): number => (demoTables[table] as readonly string[]).indexOf(name);
const rate = (part: number, whole: number): number => (whole ? part / whole : NaN);

describe('the demo population', () => {
  const big = population(7, 12000);
  // Courses referred more than 13 months ago have had time to end and be followed up.
  const settled = big.facts.filter((f) => f.referred_at < addDays(reference, -400));

  it('is the same for the same seed and different for another seed', () => {
    const a = population(42, 300);
    const b = population(42, 300);
    const c = population(43, 300);
    assert.deepEqual(a.out, b.out);
    assert.notDeepEqual(a.out.citizen.map((r) => r.slice(4)), c.out.citizen.map((r) => r.slice(4)));
  });

  it('gives every citizen a unique CPR number valid in form, matching the stored birth date and sex', () => {
    assert.equal(new Set(big.cprs).size, big.cprs.length);
    big.out.citizen.forEach((row, i) => {
      const parsed = parseCpr(big.cprs[i]!);
      assert.ok(parsed.ok, `CPR ${i} is not valid in form`);
      assert.equal(parsed.value.birthDate, row[col('citizen', 'birth_date')]);
      assert.equal(parsed.value.sex, row[col('citizen', 'sex')]);
    });
  });

  it('keeps every course in a legal state with the KL invariants', () => {
    for (const f of big.facts) {
      assert.ok((stages as readonly string[]).includes(f.stage), f.stage);
      if (f.stage === 'closed') assert.ok(f.dropout_reason && isCode('cancellationReasons', f.dropout_reason));
      if (f.stage === 'followed_up') assert.equal(f.outcome, 'completed');
      if (f.started_at) assert.ok(['active', 'ended', 'followed_up'].includes(f.stage), `started course in ${f.stage}`);
      for (const t of [f.first_contact_at, f.clarified_at, f.started_at, f.ended_at, f.followed_up_at]) if (t) assert.ok(t <= reference, 'nothing happens after the reference date');
      if (f.clarified_at && f.first_contact_at) assert.ok(f.first_contact_at <= f.clarified_at);
    }
    const status = col('pathway', 'status');
    const reason = col('pathway', 'cancellation_reason');
    for (const p of big.out.pathway) {
      assert.equal(p[reason] !== null, p[status] === 'cancelled' || p[status] === 'stopped', 'cancellation reason iff cancelled or stopped');
    }
  });

  it('leaves work for the worklists: new referrals, booked conversations and teams running now', () => {
    const count = (stage: string) => big.facts.filter((f) => f.stage === stage).length;
    for (const stage of ['received', 'contacted', 'planned', 'active']) assert.ok(count(stage) > 20, `${stage}: ${count(stage)}`);
    const purpose = col('encounter', 'purpose');
    const st = col('encounter', 'status');
    assert.ok(big.out.encounter.some((e) => e[purpose] === 'clarifying_conversation' && e[st] === 'planned'));
    assert.ok(big.out.encounter.some((e) => e[purpose] === 'session' && e[st] === 'planned'));
    assert.ok(big.out.encounter.some((e) => e[purpose] === 'session' && e[st] === 'no-show'));
  });

  it('shows the social gradient of the seeds at every step (direction and size)', () => {
    const by = (group: string) => settled.filter((f) => f.education_group === group);
    const low = by('low');
    const high = by('high');
    const started = (fs: PathwayFact[]) => fs.filter((f) => f.started_at);
    const completed = (fs: PathwayFact[]) => fs.filter((f) => f.outcome === 'completed');
    assert.ok(rate(low.filter((f) => f.first_contact_at).length, low.length) < rate(high.filter((f) => f.first_contact_at).length, high.length));
    assert.ok(rate(started(low).length, low.length) < rate(started(high).length, high.length) - 0.1);
    // 000: fewer of those with few resources complete; calibration target for the ratio ≈ 0.75.
    const ratio = rate(completed(low).length, started(low).length) / rate(completed(high).length, started(high).length);
    assert.ok(ratio > 0.65 && ratio < 0.85, `completion ratio low/high ${ratio}`);
    // 003 (Vallensbæk): 55 % of social-assistance recipients offered the course complete it.
    const sa = settled.filter((f) => f.labour_market === 'social_assistance');
    assert.ok(Math.abs(rate(completed(sa).length, started(sa).length) - 0.55) < 0.1);
    // 001 (Center for Diabetes): 131 of 172 followed up.
    const all = completed(settled);
    assert.ok(Math.abs(rate(all.filter((f) => f.followed_up_at).length, all.length) - 0.76) < 0.06);
    // 001: 172 of 461 type 2 diabetes starters have an HbA1c at the end.
    const t2d = started(settled.filter((f) => f.diagnosis_group === 'type2_diabetes'));
    assert.ok(Math.abs(rate(t2d.filter((f) => f.hba1c_end !== null).length, t2d.length) - 0.37) < 0.06);
    // Unknown social position is itself socially patterned: more common among those never clarified.
    const unknownShare = (fs: PathwayFact[]) => rate(fs.filter((f) => f.education === 'unknown').length, fs.length);
    assert.ok(unknownShare(settled.filter((f) => !f.clarified_at)) > 2 * unknownShare(settled.filter((f) => f.clarified_at)));
  });

  it('gives the better-off a larger HbA1c drop (effect modified by education)', () => {
    const drop = (group: string) => {
      const fs = settled.filter((f) => f.education_group === group && f.hba1c_baseline !== null && f.hba1c_end !== null);
      return fs.reduce((s, f) => s + (f.hba1c_end! - f.hba1c_baseline!), 0) / fs.length;
    };
    assert.ok(drop('high') < drop('low'), `high ${drop('high')} vs low ${drop('low')}`);
    assert.ok(drop('medium') < -3 && drop('medium') > -10);
  });

  // The dashboard's own statistics (paired mean change with its t interval) on the recorded education group,
  // over every course with both values (the pairs exist only for completers and those followed up).
  const effectIn = (key: EffectMeasureKey, group: string, timePoint: 'end' | 'follow_up' = 'end') => {
    const column = key === 'smoking' ? 'smoker' : key;
    const field = (suffix: string) => `${column}_${suffix}` as keyof PathwayFact;
    return measureEffect(key, big.facts.filter((f) => f.education_group === group)
      .map((f) => ({ before: f[field('baseline')] as number | null, after: f[field(timePoint)] as number | null })));
  };
  /** Difference of two independent means (high − low) with its 95 % normal interval from their t intervals' standard errors. */
  const gap = (key: EffectMeasureKey, timePoint: 'end' | 'follow_up' = 'end') => {
    const [low, high] = [effectIn(key, 'low', timePoint), effectIn(key, 'high', timePoint)];
    const se = (e: typeof low) => (e.meanChange.ciHigh! - e.meanChange.ciLow!) / 2 / 1.96;
    const value = high.meanChange.value! - low.meanChange.value!;
    const half = 1.96 * Math.hypot(se(low), se(high));
    return { low, high, value, ciLow: value - half, ciHigh: value + half };
  };

  it('shows the effect gradient through the fact rows, with confidence intervals where the demo has the numbers for it', () => {
    // Measurements and self-reports: high − low with a 95 % interval that excludes no difference.
    const weight = gap('weight');
    assert.ok(weight.ciHigh < 0, `weight high − low ${weight.value.toFixed(2)} kg (${weight.ciLow.toFixed(2)} to ${weight.ciHigh.toFixed(2)})`);
    const hba1c = gap('hba1c');
    assert.ok(hba1c.ciHigh < 0, `HbA1c high − low ${hba1c.value.toFixed(1)} (${hba1c.ciLow.toFixed(1)} to ${hba1c.ciHigh.toFixed(1)})`);
    // Self-rated health: 1 is best, so a gain is a negative change.
    const srh = gap('srh');
    assert.ok(srh.ciHigh < 0, `self-rated health high − low ${srh.value.toFixed(3)} (${srh.ciLow.toFixed(3)} to ${srh.ciHigh.toFixed(3)})`);
    const activity = gap('activity');
    assert.ok(activity.low.meanChange.ciLow! > 0 && activity.ciLow > 0, `activity high − low ${activity.value.toFixed(1)} (${activity.ciLow.toFixed(1)} to ${activity.ciHigh.toFixed(1)})`);
    // WHO-5 changes are noisy (SD 17) and the demo has few pairs per group: the direction holds, the
    // interval is asserted on the generator itself in effects.test.ts.
    const who5 = ['low', 'medium', 'high'].map((g) => effectIn('who5', g).meanChange.value!);
    assert.ok(who5[0]! < who5[1]! && who5[0]! < who5[2]!, `WHO-5 change low ${who5[0]}, medium ${who5[1]}, high ${who5[2]}`);
    // Smoking: among those smoking at the start, fewer with short education have stopped by the end.
    const quitShare = (group: string) => {
      const smokers = big.facts.filter((f) => f.education_group === group && f.smoker_baseline === 1 && f.smoker_end !== null);
      return rate(smokers.filter((f) => f.smoker_end === 0).length, smokers.length);
    };
    assert.ok(quitShare('low') < quitShare('high'), `quit low ${quitShare('low')}, high ${quitShare('high')}`);
  });
});

describe('demo calendar helpers', () => {
  it('converts Copenhagen wall-clock time across both daylight-saving changes', () => {
    assert.equal(copenhagenTime(new Date('2026-01-15T00:00:00Z'), 10).toISOString(), '2026-01-15T09:00:00.000Z');
    assert.equal(copenhagenTime(new Date('2026-07-15T00:00:00Z'), 10).toISOString(), '2026-07-15T08:00:00.000Z');
    assert.equal(copenhagenTime(new Date('2026-03-29T00:00:00Z'), 10).toISOString(), '2026-03-29T08:00:00.000Z');
    assert.equal(copenhagenTime(new Date('2026-10-25T00:00:00Z'), 10).toISOString(), '2026-10-25T09:00:00.000Z');
  });
  it('numbers weeks as ISO 8601 (Danish calendars)', () => {
    assert.deepEqual(isoWeek(new Date('2026-11-23T00:00:00Z')), { year: 2026, week: 48 });
    assert.deepEqual(isoWeek(new Date('2027-01-01T00:00:00Z')), { year: 2026, week: 53 });
    assert.deepEqual(isoWeek(new Date('2026-01-01T00:00:00Z')), { year: 2026, week: 1 });
  });
});
