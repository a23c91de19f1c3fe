import { defaultQuestionnaire } from '../assessment/builtin.ts';
import type { AnswerEntry } from '../assessment/fhir/questionnaire-types.ts';
import { behaviourOutcomeCalibration, effectModifierCalibration, selfReportCalibration, susyTableCalibration, type EducationGroup } from './calibration.ts';
import type { DemoPerson } from './person.ts';
import { susyColumnOf } from './person.ts';
import { clamp01, type Rng } from './random.ts';

/**
 * What a demo citizen answers in the built-in questionnaires at baseline, end and follow-up: a
 * complete, valid answer set (the required WHO-5, self-rated health, smoking and goal questions,
 * plus weekly activity minutes). Self-rated health starts from the SUSY table's share in good
 * health, activity minutes follow the Center for Diabetes start/end/follow-up distributions through
 * the citizen's own rank, and smokers quit as the smoking-cessation teams report (others rarely).
 * The changes carry the same social gradient as the measurements (effectModifierCalibration): the
 * chance of a better category, the activity gained and the chance of quitting are multiplied by the
 * education group's effect multiplier, and falling back by follow-up is scaled by its lost share.
 */
export type TimePoint = 'baseline' | 'end' | 'follow_up';
export type SmokingStatus = 'daily' | 'occasional' | 'former' | 'never';
export interface DemoReport { srh: number; activityRank: number; activity: number; smoking: SmokingStatus }

const ANSWER = 'https://ligevej.dk/fhir/CodeSystem/answer';
const activityBands: Record<string, [number, number]> = { '0': [0, 0], '<30': [5, 25], '30-60': [30, 55], '60-90': [60, 85], '90-120': [90, 120], '>120': [125, 300] };
const smokes = (s: SmokingStatus) => s === 'daily' || s === 'occasional';

/** Minutes a week at a rank (0-1) in one of the calibration's distributions, lowest band first; `step` (0-1) places it inside the band. */
function minutesAt(rank: number, shares: readonly number[], step: number): number {
  const bands = [...behaviourOutcomeCalibration.breathlessActivityMinutes.categories].reverse();
  const cumulative = [...shares].reverse();
  const total = cumulative.reduce((a, b) => a + b, 0);
  let acc = 0;
  const i = Math.max(0, cumulative.findIndex((s) => (acc += s / total) >= rank));
  const [lo, hi] = activityBands[bands[i]!]!;
  return lo + 5 * Math.round(step * ((hi - lo) / 5));
}
const bandStep = (rng: Rng): number => rng.int(0, 1000) / 1000;

/**
 * How an education group's change compares with the pooled one: `m` scales the change to the end, `kept`
 * the share of it still there at follow-up relative to the pooled share, `relapse` the chance of falling back.
 */
function gradientOf(group: EducationGroup): { m: number; kept: number; relapse: number } {
  const e = effectModifierCalibration;
  const retained = e.retainedAtFollowUpByEducation[group];
  return { m: e.effectMultiplierByEducation[group], kept: retained / e.pooledRetainedAtFollowUp, relapse: (1 - retained) / (1 - e.pooledRetainedAtFollowUp) };
}

export function baselineReport(rng: Rng, p: DemoPerson): DemoReport {
  const k = selfReportCalibration;
  const good = k.goodHealthAnchor * susyTableCalibration.selfRatedHealthGoodOrVeryGood[susyColumnOf(p.labourMarket, p.educationGroup)]! / susyTableCalibration.selfRatedHealthGoodOrVeryGood.at(-1)!;
  const srh = Number(rng.chance(good) ? rng.weighted(k.goodCategories) : rng.weighted(k.poorCategories));
  const activityRank = rng.next();
  const smoking: SmokingStatus = p.smoker ? 'daily' : rng.weighted(k.nonSmokerStatus);
  return { srh, activityRank, activity: minutesAt(activityRank, behaviourOutcomeCalibration.breathlessActivityMinutes.start, bandStep(rng)), smoking };
}

/**
 * The answers at the end or follow-up, from the baseline and the previous report; `cessation`: the course
 * included smoking cessation; `group`: the citizen's (true) education group, whose effect multiplier applies.
 */
export function laterReport(rng: Rng, base: DemoReport, previous: DemoReport, timePoint: 'end' | 'follow_up', cessation: boolean, group: EducationGroup): DemoReport {
  const k = selfReportCalibration;
  const a = behaviourOutcomeCalibration;
  const { m, kept, relapse } = gradientOf(group);
  const activityRank = clamp01(previous.activityRank + rng.normal(0, k.activityRankNoise));
  // The pooled distribution at the time point is where the average citizen's rank lands; a group gets m of that gain.
  const step = bandStep(rng);
  const atStart = minutesAt(activityRank, a.breathlessActivityMinutes.start, step);
  const atTime = minutesAt(activityRank, timePoint === 'end' ? a.breathlessActivityMinutes.end : a.breathlessActivityMinutes.followUp, step);
  const gain = timePoint === 'end' ? m : m * kept;
  const activity = Math.max(0, 5 * Math.round((atStart + gain * (atTime - atStart)) / 5));
  let srh = previous.srh;
  let smoking = previous.smoking;
  if (timePoint === 'end') {
    if (srh >= 4 && rng.chance(clamp01(k.poorImprovesAtEnd * m))) srh -= 1;
    else if (srh === 3 && rng.chance(clamp01(k.goodImprovesAtEnd * m))) srh -= 1;
    else if (srh < 5 && rng.chance(k.worsens)) srh += 1;
    if (smokes(smoking) && rng.chance(clamp01((cessation ? a.smokingCessation.smokeFreeAtEnd : k.quitWithoutCessation) * m))) smoking = 'former';
  } else {
    if (rng.chance(clamp01(k.backToBaselineAtFollowUp * relapse))) srh = base.srh;
    const quitAtEnd = smokes(base.smoking) && !smokes(previous.smoking);
    const keptQuit = cessation ? a.smokingCessation.smokeFreeAt6Months / a.smokingCessation.smokeFreeAtEnd : k.keptQuitWithoutCessation;
    if (quitAtEnd && rng.chance(clamp01((1 - keptQuit) * relapse))) smoking = base.smoking;
  }
  return { srh, activityRank, activity, smoking };
}

const coding = (code: string) => [{ valueCoding: { system: ANSWER, code } }];

/** A complete answer set for the built-in questionnaire at the time point; `who5` is the 0-100 score (a multiple of 4). */
export function demoAnswers(rng: Rng, timePoint: TimePoint, report: DemoReport, who5: number): AnswerEntry[] {
  const raw = Math.round(who5 / 4);
  const items = [0, 1, 2, 3, 4].map((i) => Math.floor(raw / 5) + (i < raw % 5 ? 1 : 0));
  const answers: AnswerEntry[] = [
    { linkId: 'srh.1', answer: coding(String(report.srh)) },
    ...items.map((v, i) => ({ linkId: `who5.${i + 1}`, answer: coding(String(v)) })),
    { linkId: 'activity.minutes', answer: [{ valueInteger: report.activity }] },
    { linkId: 'smoking.status', answer: coding(report.smoking) },
    ...(smokes(report.smoking) ? [{ linkId: 'smoking.per_day', answer: [{ valueInteger: rng.int(3, 25) }] }] : []),
  ];
  if (timePoint === 'end') answers.push({ linkId: 'goals_end.attainment', answer: [{ valueInteger: rng.int(3, 10) }] }, { linkId: 'goals_end.satisfaction', answer: [{ valueInteger: rng.int(5, 10) }] });
  if (timePoint === 'follow_up') answers.push({ linkId: 'goals_follow_up.attainment', answer: [{ valueInteger: rng.int(2, 10) }] });
  return answers;
}

/** The questionnaire_response row (demoTables order) and what the fact row reads from it. */
export function responseRow(r: {
  id: string; municipalityId: string; citizenId: string; referralId: string; timePoint: TimePoint; at: Date; authorId: string; answers: AnswerEntry[]; derivedObservation: string | null; report: DemoReport;
}): { row: unknown[]; fact: { timePoint: string; completedAt: Date; srh: number; activity: number; smoker: number } } {
  const q = defaultQuestionnaire[r.timePoint];
  return {
    row: [r.id, r.municipalityId, r.citizenId, r.referralId, q.url, q.version, r.timePoint, 'assisted', 'completed', 'da', JSON.stringify(r.answers), r.at, r.at, r.authorId,
      JSON.stringify({ observations: r.derivedObservation ? [r.derivedObservation] : [], socialPosition: [] })],
    fact: { timePoint: r.timePoint, completedAt: r.at, srh: r.report.srh, activity: r.report.activity, smoker: smokes(r.report.smoking) ? 1 : 0 },
  };
}
