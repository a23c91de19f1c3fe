import { buildPathwayFact, factRow, type CourseSnapshot } from '../analytics/pathway-fact.ts';
import { measures, type Measure } from '../domain/measures.ts';
import { codeByDisplay, conditionByDisplay, interventionByDisplay } from '../domain/terminology.ts';
import {
  attendanceCalibration, contactCalibration, dropoutReasonCalibration, educationCalibration, effectModifierCalibration, funnelCalibration,
  hba1cCalibration, labourMarketCalibration, measurementCalibration, timingCalibration, waistCalibration, weightCalibration, who5Calibration,
  bloodPressureCalibration, type CancellationReasonDisplay, type DiagnosisGroup, type FunnelStep, type MeasureCalibration, type StepMultipliers,
} from './calibration.ts';
import { simulateBridge, type DemoBridging } from './bridges.ts';
import { baselineReport, demoAnswers, laterReport, responseRow, type DemoReport, type TimePoint } from './self-reports.ts';
import { fictitiousCpr, type DemoPerson } from './person.ts';
import { clamp01, type Rng } from './random.ts';
import { addDays, copenhagenTime, DAY, groupDelivery, individualDelivery, isoDay, offerKeyFor, startOfDay, teamFrom, weekday, type DemoSetting } from './setting.ts';
import type { TableRows } from './tables.ts';

export interface CourseContext {
  setting: DemoSetting;
  reference: Date;
  /** First day referrals can arrive. */
  from: Date;
  protectCpr: (cpr: string) => { hash: string; encrypted: string };
  /** Row ids come from their own stream, so a second demo municipality with the same seed gets the same people but new ids. */
  newId: () => string;
  usedCpr: Set<string>;
  /** Association offers to bridge completers to (none: no bridges). */
  bridging?: DemoBridging;
  /** A generator of its own for the questionnaire answers (none: no questionnaire responses). */
  selfReports?: Rng;
}

const HOUR = 3_600_000;
const reason = (display: CancellationReasonDisplay): string => codeByDisplay('cancellationReasons', display);
const sourceCode = (display: string): string => codeByDisplay('referralSources', display);

const educationCode = { grundskole: 'primary', gymnasial: 'upper_secondary', erhvervsfaglig: 'vocational', kort_videregaaende: 'short_higher', mellemlang_videregaaende: 'medium_higher', lang_videregaaende: 'long_higher' } as const;

const diagnosisCodes: Record<DiagnosisGroup, { sks: [string, string][]; icpc2: string[] }> = {
  type2_diabetes: { sks: [['DE119', 'Type 2-diabetes uden komplikationer'], ['DE110', 'Type 2-diabetes med nyrekomplikationer']], icpc2: ['T90'] },
  copd: { sks: [['DJ449', 'Kronisk obstruktiv lungesygdom UNS'], ['DJ441', 'KOL med akut forværring']], icpc2: ['R95'] },
  heart_disease: { sks: [['DI251', 'Åreforkalkning i hjertets kranspulsårer'], ['DI500', 'Hjerteinsufficiens'], ['DI219', 'Akut myokardieinfarkt UNS']], icpc2: ['K74', 'K76', 'K77'] },
  musculoskeletal: { sks: [['DM171', 'Primær artrose i knæled'], ['DM161', 'Primær artrose i hofteled'], ['DM545', 'Lændesmerter']], icpc2: ['L90', 'L89', 'L03'] },
  cancer: { sks: [['DC509', 'Brystkræft UNS'], ['DC189', 'Tyktarmskræft UNS'], ['DC619', 'Prostatakræft']], icpc2: [] },
};
const comorbidityOrder: DiagnosisGroup[] = ['heart_disease', 'musculoskeletal', 'type2_diabetes', 'copd', 'cancer'];

const conditionsOf: Record<DiagnosisGroup, string[]> = {
  type2_diabetes: ['Vægt', 'Fysisk aktivitet', 'Spisemønster'],
  copd: ['Respiration', 'Fysisk aktivitet'],
  heart_disease: ['Cirkulation', 'Fysisk aktivitet'],
  musculoskeletal: ['Smerte', 'Mobilitet og bevægelse'],
  cancer: ['Trivsel', 'Fysisk aktivitet', 'Søvn og hvile'],
};

const sourceOrgKind: Record<string, string | undefined> = {
  'Egen læge/vagtlæge': 'gp', 'Sygehus - medicinsk': 'hospital_department', 'Sygehus - kirurgisk': 'hospital_department',
  'Sygehus - akutmodtagelse': 'hospital_department', 'Sygehus - psykiatrisk': 'hospital_department', Speciallæge: 'specialist',
  'Sagsbehandler, anden forvaltning': 'jobcentre', Hjemmesygeplejen: 'home_care', Hjemmeplejen: 'home_care', 'Anden kommune': 'other_municipality',
  Træning: 'own_unit', 'Sundhedsfremme og forebyggelse': 'own_unit',
};

function multiplier(m: StepMultipliers | undefined, step: FunnelStep): number {
  return m?.[step] ?? 1;
}

/** P(step | previous step) for this person, with every social multiplier of the calibration. */
export function stepProbability(p: DemoPerson, step: FunnelStep, languageAdapted: boolean): number {
  const f = funnelCalibration;
  let prob = f.byEducation[p.educationGroup][step] * multiplier(f.labourMarketMultipliers[p.labourMarket], step);
  prob *= multiplier(p.origin === 'non_western' && languageAdapted ? f.nonWesternLanguageAdaptedMultipliers : f.originMultipliers[p.origin], step);
  if (p.livingAlone) prob *= multiplier(f.livingAloneMultipliers, step);
  if (p.sex === 'male') prob *= multiplier(f.maleMultipliers, step);
  if (p.district.areaType === 'rural') prob *= multiplier(f.ruralMultipliers, step);
  if (p.who5Baseline < 50) prob *= multiplier(f.lowWho5Multipliers, step);
  return clamp01(prob);
}

function medianMultiplier(p: DemoPerson): number {
  const m = timingCalibration.medianMultipliers;
  return m.education[p.educationGroup] * (p.origin === 'non_western' ? m.nonWestern : 1) * (p.interpreterNeeded ? m.interpreterNeeded : 1)
    * (p.district.areaType === 'rural' ? m.rural : 1) * (p.labourMarket === 'social_assistance' ? m.socialAssistance : 1);
}

function dropoutReason(rng: Rng, p: DemoPerson): string {
  const weights: Partial<Record<CancellationReasonDisplay, number>> = { ...dropoutReasonCalibration.afterStartByEducation[p.educationGroup] };
  const m = dropoutReasonCalibration.multipliers;
  const apply = (mult: Readonly<Partial<Record<CancellationReasonDisplay, number>>>) => {
    for (const [k, v] of Object.entries(mult) as [CancellationReasonDisplay, number][]) weights[k] = (weights[k] ?? 0) * v;
  };
  if (p.district.areaType === 'rural') apply(m.rural);
  if (p.labourMarket === 'social_assistance') apply(m.social_assistance);
  if (p.labourMarket === 'disability_pension') apply(m.disability_pension);
  if (p.labourMarket === 'employed') apply(m.employed);
  if (p.livingAlone) apply(m.livingAlone);
  return reason(rng.weighted(weights));
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const within = (v: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, v));

export interface MeasureValues { baseline: number; end: number; followUp: number }

/** Baseline, end and follow-up values of a measure, with the social gradient in effect and retention. */
function trajectory(rng: Rng, p: DemoPerson, cal: MeasureCalibration, baselineMean: number, baselineSd: number): MeasureValues {
  const m = effectModifierCalibration.effectMultiplierByEducation[p.educationGroup];
  const k = effectModifierCalibration.retainedAtFollowUpByEducation[p.educationGroup];
  const baseline = within(rng.normal(baselineMean, baselineSd), cal.range);
  const end = within(baseline + rng.normal(cal.changeToEnd.mean * m, cal.changeToEnd.sd), cal.range);
  const followUp = within(baseline + (end - baseline) * k + rng.normal(0, cal.changeToFollowUp.sd * 0.5), cal.range);
  return { baseline, end, followUp };
}

function hba1cTrajectory(rng: Rng, p: DemoPerson): MeasureValues {
  const c = hba1cCalibration;
  const m = effectModifierCalibration.effectMultiplierByEducation[p.educationGroup];
  const k = effectModifierCalibration.retainedAtFollowUpByEducation[p.educationGroup];
  const start = c.paired.start.mean;
  const baseline = within(rng.normal(start + c.baselineShiftByEducation[p.educationGroup], c.paired.start.sd), c.range);
  const endMean = start + c.changeToEnd.mean * m;
  const end = within(endMean + c.endOnBaselineSlope * (baseline - start) + rng.normal(0, c.endResidualSd), c.range);
  const followUp = within(start + c.changeToEnd.mean * m * k + c.followUpOnEndSlope * (end - endMean) + rng.normal(0, c.followUpResidualSd), c.range);
  return { baseline: Math.round(baseline), end: Math.round(end), followUp: Math.round(followUp) };
}

export function who5Trajectory(rng: Rng, p: DemoPerson): MeasureValues {
  const c = who5Calibration;
  const m = effectModifierCalibration.effectMultiplierByEducation[p.educationGroup];
  const k = effectModifierCalibration.retainedAtFollowUpByEducation[p.educationGroup];
  const toScore = (v: number) => Math.min(100, Math.max(0, Math.round(v / 4) * 4));
  const end = toScore(p.who5Baseline + rng.normal(c.changeToEnd.mean * m, c.changeToEnd.sd));
  return { baseline: p.who5Baseline, end, followUp: toScore(p.who5Baseline + (end - p.who5Baseline) * k + rng.normal(0, 8)) };
}

/**
 * Simulates one referral's course up to the reference date and appends its rows (and its fact row)
 * to `out`. Events after the reference date do not happen; a conversation or session already booked
 * appears as planned.
 */
export function simulateCourse(rng: Rng, ctx: CourseContext, p: DemoPerson, out: TableRows): void {
  const { setting, reference } = ctx;
  const mid = setting.municipalityId;
  const ids = ctx.newId;
  const citizenId = ids();
  const referralId = ids();
  const clinician = () => rng.pick(setting.staff.clinicians);
  const spanDays = Math.floor((reference.getTime() - ctx.from.getTime()) / DAY);
  const receivedDay = weekday(addDays(startOfDay(ctx.from), rng.int(0, spanDays)));
  const receivedAt = new Date(Math.min(copenhagenTime(receivedDay, rng.int(7, 15), rng.int(0, 59)).getTime(), reference.getTime() - HOUR));
  const happened = (t: Date) => t <= reference;

  // Citizen, with a CPR number unique in the municipality.
  const birth = addDays(receivedAt, -Math.round((p.age + rng.next()) * 365.25));
  let cpr = fictitiousCpr(rng, birth, p.sex);
  while (ctx.usedCpr.has(cpr)) cpr = fictitiousCpr(rng, birth, p.sex);
  ctx.usedCpr.add(cpr);
  const protectedCpr = ctx.protectCpr(cpr);
  const birthDate = `${birth.getUTCFullYear()}-${cpr.slice(2, 4)}-${cpr.slice(0, 2)}`;
  out.citizen.push([citizenId, mid, protectedCpr.hash, protectedCpr.encrypted, birthDate, p.sex, p.givenName, p.familyName, p.address,
    p.district.postalCode, p.district.city, p.phone, p.language]);

  // Referral and diagnoses.
  const sourceDisplay = p.referralSource;
  const orgKind = sourceOrgKind[sourceDisplay];
  const orgs = orgKind ? setting.organizations.filter((o) => o.kind === orgKind) : [];
  const referringOrg = orgs.length ? rng.pick(orgs).id : null;
  const useIcpc = orgKind === 'gp' && rng.chance(0.5);
  const diagnoses: { system: string; code: string; display: string | null }[] = [];
  const groups = [p.diagnosis, ...comorbidityOrder.filter((g) => g !== p.diagnosis).slice(0, p.chronicCount - 1)];
  for (const g of groups) {
    const codes = diagnosisCodes[g];
    if (useIcpc && codes.icpc2.length) diagnoses.push({ system: 'ICPC2', code: rng.pick(codes.icpc2), display: null });
    else { const [code, display] = rng.pick(codes.sks); diagnoses.push({ system: 'SKS', code, display }); }
  }
  diagnoses.forEach((d, i) => out.referral_diagnosis.push([ids(), mid, referralId, d.system, d.code, d.display, i + 1]));

  const snapshot: CourseSnapshot = {
    referral: { id: referralId, municipalityId: mid, citizenId, receivedAt, sourceCode: sourceCode(sourceDisplay), stage: 'received', closedReason: null },
    citizen: { birthDate, sex: p.sex },
    diagnoses: diagnoses.map((d) => ({ system: d.system, code: d.code, verificationStatus: 'confirmed' })),
    contactAttempts: [], encounters: [], pathways: [], interventions: [], observations: [], socialPosition: {}, bridges: [], selfReports: [],
  };
  let stage = 'received';
  let closedReason: string | null = null;
  let lastChange = receivedAt;
  const move = (to: string, at: Date) => { stage = to; lastChange = at; };
  const close = (at: Date, code: string) => { if (happened(at)) { move('closed', at); closedReason = code; } };

  const languageAdapted = p.origin === 'non_western' && p.language !== 'da';
  const mult = medianMultiplier(p);

  // Contact: phone attempts, then a letter.
  const reached = rng.chance(stepProbability(p, 'reached', languageAdapted));
  const cc = contactCalibration;
  let attemptsNeeded = cc.maxAttempts + 1;
  if (reached) {
    attemptsNeeded = 1;
    while (attemptsNeeded < cc.maxAttempts && !rng.chance(cc.perAttemptSuccessByEducation[p.educationGroup])) attemptsNeeded++;
  }
  let t = new Date(receivedAt.getTime() + Math.max(2 * HOUR, rng.days(timingCalibration.referralToFirstContact, mult) * DAY));
  let reachedAt: Date | null = null;
  const contact = (at: Date, channel: string, outcome: string) => {
    if (!happened(at)) return false;
    out.contact_attempt.push([ids(), mid, referralId, at, channel, outcome, clinician(), at]);
    snapshot.contactAttempts.push({ attemptedAt: at, outcome, enteredInError: false });
    return true;
  };
  for (let attempt = 1; attempt <= Math.min(attemptsNeeded, cc.maxAttempts); attempt++) {
    const at = copenhagenTime(weekday(startOfDay(t)), rng.int(8, 15), rng.int(0, 59));
    const channel = cc.channelByAttempt[attempt - 1]!;
    const success = reached && attempt === attemptsNeeded;
    if (channel === 'letter') {
      if (!contact(at, 'letter', 'sent')) break;
      // The citizen rings back after the letter, or never does.
      if (success) {
        const back = copenhagenTime(weekday(addDays(at, rng.int(2, 10))), rng.int(8, 14));
        if (contact(back, 'phone', 'reached')) { reachedAt = back; move('contacted', back); }
      } else close(addDays(at, 14), reason('Borger har ikke henvendt sig eller er udeblevet'));
    } else {
      if (!contact(at, channel, success ? 'reached' : rng.chance(0.3) ? 'message_left' : 'no_answer')) break;
      if (success) { reachedAt = at; move('contacted', at); }
    }
    if (success) break;
    t = addDays(at, Math.max(1, rng.days(cc.daysBetweenAttempts)));
  }

  // Social position: self-reported at the clarifying conversation, otherwise what staff registered from the referral.
  const recordSocialPosition = (on: Date, selfReported: boolean) => {
    const source = selfReported ? 'self_reported' : 'staff_registered';
    const missing = (pMissing: number): string | null => (rng.chance(pMissing) ? (selfReported ? rng.weighted(educationCalibration.missingReasonSplit) : 'unknown') : null);
    const eduMissingP = educationCalibration.missingProbabilityByGroup[p.educationGroup] * (p.origin === 'non_western' ? educationCalibration.missingMultiplierNonWestern : 1);
    const originValue = p.origin === 'danish' ? 'danish' : `${p.descendant ? 'descendant' : 'immigrant'}_${p.origin}`;
    const yn = (b: boolean) => (b ? 'yes' : 'no');
    const items: [string, string][] = [
      ['education', missing(selfReported ? eduMissingP : Math.min(1, eduMissingP + 0.45)) ?? educationCode[p.education]],
      ['labour_market', missing(selfReported ? labourMarketCalibration.missingProbability : 0.25) ?? p.labourMarket],
      ['origin', missing(selfReported ? 0.02 : 0.3) ?? originValue],
      ['preferred_language', p.language],
      ['interpreter_needed', yn(p.interpreterNeeded)],
      ['living_alone', missing(selfReported ? 0.02 : 0.35) ?? yn(p.livingAlone)],
      ['social_housing', missing(selfReported ? 0.03 : 0.3) ?? yn(p.socialHousing)],
      ['local_area', p.district.name],
      ['area_type', p.district.areaType === 'rural' ? 'rural' : 'urban'],
    ];
    for (const [item, value] of items) {
      out.social_position_item.push([ids(), mid, citizenId, item, value, source, isoDay(on), clinician()]);
      snapshot.socialPosition[item] = value;
    }
  };

  // Clarifying conversation.
  const clarified = reachedAt !== null && rng.chance(stepProbability(p, 'clarified', languageAdapted));
  let clarifiedAt: Date | null = null;
  const bookedLimit = addDays(reference, 21);
  const encounter = (purpose: string, start: Date, minutes: number, status: string, extra: { pathwayId?: string; interventionId?: string; sessionId?: string; cls?: string } = {}) => {
    const id = ids();
    const end = new Date(start.getTime() + minutes * 60_000);
    out.encounter.push([id, mid, citizenId, referralId, extra.pathwayId ?? null, extra.interventionId ?? null, extra.sessionId ?? null, purpose,
      extra.cls ?? 'AMB', start, end, status, clinician()]);
    snapshot.encounters.push({ purpose, startAt: start, status });
    return id;
  };
  const observe = (encounterId: string, at: Date, timePoint: string, values: Partial<Record<Measure, number>>) => {
    const written: Partial<Record<Measure, string>> = {};
    for (const [measure, value] of Object.entries(values) as [Measure, number][]) {
      const id = (written[measure] = ids());
      out.observation.push([id, mid, citizenId, referralId, encounterId, measure, measures[measure].loinc, value, measures[measure].unit, timePoint, at, clinician()]);
      snapshot.observations.push({ measure, value, timePoint, status: 'final', effectiveAt: at });
    }
    return written;
  };
  // The questionnaire answered with staff at each conversation where WHO-5 was recorded (its score is that observation).
  let reports: { base: DemoReport; last: DemoReport } | null = null;
  const respond = (timePoint: TimePoint, at: Date, report: DemoReport, who5: number | undefined, who5Observation: string | undefined) => {
    if (!ctx.selfReports || who5 === undefined) return;
    const { row, fact } = responseRow({
      id: ids(), municipalityId: mid, citizenId, referralId, timePoint, at, authorId: ctx.selfReports.pick(setting.staff.clinicians), report,
      answers: demoAnswers(ctx.selfReports, timePoint, report, who5), derivedObservation: who5Observation ?? null,
    });
    out.questionnaire_response.push(row);
    snapshot.selfReports!.push(fact);
  };
  const respondLater = (timePoint: 'end' | 'follow_up', at: Date, who5: number | undefined, who5Observation: string | undefined, cessation: boolean) => {
    if (!ctx.selfReports || !reports) return;
    reports.last = laterReport(ctx.selfReports, reports.base, reports.last, timePoint, cessation, p.educationGroup);
    respond(timePoint, at, reports.last, who5, who5Observation);
  };

  // Measurement trajectories are drawn for everyone clarified so a record exists at each time point reached.
  let values: { hba1c?: MeasureValues; weight: MeasureValues; waist: MeasureValues; systolic: MeasureValues; diastolic: MeasureValues; who5: MeasureValues; height: number } | null = null;
  if (reachedAt && clarified) {
    const planned = addDays(receivedAt, rng.days(timingCalibration.referralToClarifyingConversation, mult));
    const day = weekday(startOfDay(planned < addDays(reachedAt, 2) ? addDays(reachedAt, 2) : planned));
    const at = copenhagenTime(day, rng.pick([8, 9, 10, 11, 13, 14]), rng.pick([0, 30]));
    const cls = rng.chance(0.08) ? 'phone' : 'AMB';
    if (happened(at)) {
      clarifiedAt = at;
      move('clarified', at);
    } else if (at <= bookedLimit) {
      encounter('clarifying_conversation', at, 60, 'planned', { cls });
    }
    if (clarifiedAt) {
      const encId = encounter('clarifying_conversation', at, 60, 'finished', { cls });
      recordSocialPosition(at, true);
      baselineAndLater(encId, at);
    } else {
      recordSocialPosition(receivedAt, false);
    }
  } else {
    recordSocialPosition(receivedAt, false);
    if (reachedAt) {
      close(addDays(reachedAt, rng.int(5, 20)), reason(rng.weighted(dropoutReasonCalibration.beforeStart.reachedNoClarifyingConversation)));
    }
  }

  function baselineAndLater(encId: string, at: Date): void {
    const w = weightCalibration.baselineBySex[p.sex];
    const h = weightCalibration.heightCmBySex[p.sex];
    const wc = waistCalibration.baselineBySex[p.sex];
    values = {
      weight: trajectory(rng, p, weightCalibration, w.mean, w.sd),
      waist: trajectory(rng, p, waistCalibration, wc.mean, wc.sd),
      systolic: trajectory(rng, p, bloodPressureCalibration.systolic, bloodPressureCalibration.systolic.baseline.mean, bloodPressureCalibration.systolic.baseline.sd),
      diastolic: trajectory(rng, p, bloodPressureCalibration.diastolic, bloodPressureCalibration.diastolic.baseline.mean, bloodPressureCalibration.diastolic.baseline.sd),
      who5: who5Trajectory(rng, p),
      height: Math.round(within(rng.normal(h.mean, h.sd), [140, 205])),
      ...(p.diagnosis === 'type2_diabetes' || groups.includes('type2_diabetes') ? { hba1c: hba1cTrajectory(rng, p) } : {}),
    };
    const proComplete = rng.chance(p.educationGroup === 'low' ? measurementCalibration.proLowEducationMultiplier : 1);
    const written = observe(encId, at, 'baseline', pick(values, 'baseline', {
      height: values.height,
      hba1c: values.hba1c && rng.chance(measurementCalibration.hba1cBaselineGivenStartedT2d) ? values.hba1c.baseline : undefined,
      who5: proComplete ? values.who5.baseline : undefined,
    }));
    if (proComplete && ctx.selfReports) {
      const base = baselineReport(ctx.selfReports, p);
      reports = { base, last: base };
      respond('baseline', at, base, values.who5.baseline, written.who5);
    }
  }
  function pick(v: NonNullable<typeof values>, at: keyof MeasureValues, extra: Partial<Record<Measure, number | undefined>>): Partial<Record<Measure, number>> {
    const weight = round1(v.weight[at]);
    const result: Partial<Record<Measure, number | undefined>> = {
      weight, bmi: round1(weight / (v.height / 100) ** 2), waist: Math.round(v.waist[at]), systolic: Math.round(v.systolic[at]),
      diastolic: Math.round(v.diastolic[at]), ...extra,
    };
    return Object.fromEntries(Object.entries(result).filter(([, x]) => x !== undefined)) as Partial<Record<Measure, number>>;
  }

  // Conditions, pathway and interventions.
  if (clarifiedAt) {
    const grantedOn = addDays(startOfDay(clarifiedAt), rng.int(0, 6));
    const conditionNames = new Set(conditionsOf[p.diagnosis]);
    if (p.smoker) conditionNames.add('Tobak og nikotin');
    if (p.who5Baseline <= 50) conditionNames.add('Trivsel');
    const conditionIds: string[] = [];
    for (const name of conditionNames) {
      const id = ids();
      conditionIds.push(id);
      out.condition.push([id, mid, citizenId, referralId, conditionByDisplay(name), isoDay(clarifiedAt), 'active']);
    }
    if (happened(grantedOn)) grantAndDeliver(grantedOn, conditionIds);
  }

  function grantAndDeliver(grantedOn: Date, conditionIds: string[]): void {
    move('planned', grantedOn);
    const offer = setting.offers[offerKeyFor(p.diagnosis, languageAdapted)]!;
    const desired = addDays(receivedAt, rng.days(timingCalibration.referralToStart, mult));
    const team = teamFrom(setting, offer.key, desired > addDays(grantedOn, 3) ? desired : addDays(grantedOn, 3));
    const pathwayId = ids();
    const vulnerable = p.educationGroup === 'low' && (p.labourMarket === 'social_assistance' || p.labourMarket === 'disability_pension' || p.livingAlone);
    const coordinator = vulnerable ? setting.staff.coordinator : clinician();
    const interventionCodes = [...offer.interventions];
    const smokingCessation = p.smoker && rng.chance(0.4) ? interventionByDisplay('Nikotin- og tobaksafvænning') : null;

    const waitDays = team ? Math.max(0, (team.startsOn.getTime() - receivedAt.getTime()) / DAY - funnelCalibration.waitingPenalty.freeDays) : 0;
    const penalty = funnelCalibration.waitingPenalty.startedFactor ** Math.floor(waitDays / funnelCalibration.waitingPenalty.perDays);
    const starts = team !== null && rng.chance(stepProbability(p, 'started', languageAdapted) * penalty);
    const completes = starts && rng.chance(stepProbability(p, 'completed', languageAdapted));

    let status = 'not-started';
    let endedOn: Date | null = null;
    let cancellation: string | null = null;
    let startDate: Date | null = null;
    const sessionRows: { sessionIndex: number; status: string }[] = [];

    if (!starts || !team) {
      const at = addDays(grantedOn, rng.int(7, 28));
      if (happened(at)) {
        status = 'cancelled';
        endedOn = at;
        cancellation = reason(rng.weighted(dropoutReasonCalibration.beforeStart.clarifiedNotStarted));
      }
    } else if (happened(team.sessions[0]!.startAt)) {
      status = 'in-progress';
      startDate = team.startsOn;
      const n = team.sessions.length;
      const perSession = attendanceCalibration.perSessionByEducation[p.educationGroup]
        * ((attendanceCalibration.labourMarketMultiplier as Partial<Record<string, number>>)[p.labourMarket] ?? 1);
      if (completes) {
        const minimum = Math.ceil(0.75 * n);
        let attended: boolean[] = [];
        do attended = team.sessions.map(() => rng.chance(Math.max(perSession, 0.75))); while (attended.filter(Boolean).length < minimum);
        attended.forEach((a, i) => sessionRows.push({ sessionIndex: i, status: a ? 'finished' : rng.chance(0.5) ? 'cancelled' : 'no-show' }));
        const closing = copenhagenTime(weekday(addDays(startOfDay(team.sessions[n - 1]!.startAt), rng.int(1, 10))), rng.pick([9, 10, 13]));
        if (happened(closing)) {
          status = 'completed';
          endedOn = startOfDay(closing);
          const encId = encounter('closing_conversation', closing, 45, 'finished', { pathwayId });
          if (values && rng.chance(measurementCalibration.endGivenCompleted)) {
            const written = observe(encId, closing, 'end', pick(values, 'end', { hba1c: values.hba1c?.end, who5: values.who5.end }));
            respondLater('end', closing, values.who5.end, written.who5, smokingCessation !== null);
          }
          const bridge = ctx.bridging && simulateBridge(ctx.bridging, {
            municipalityId: mid, citizenId, referralId, endedOn, lowEducation: p.educationGroup === 'low', reference, staffId: setting.staff.coordinator, newId: ids,
          }, out);
          if (bridge) snapshot.bridges!.push(bridge);
        } else if (closing <= bookedLimit) encounter('closing_conversation', closing, 45, 'planned', { pathwayId });
      } else {
        const shares = attendanceCalibration.dropoutAfterSessionShare.slice(0, n - 1);
        const lastAttended = 1 + Number(rng.weighted(Object.fromEntries(shares.map((s, i) => [String(i), s])) as Record<string, number>));
        for (let i = 0; i < Math.min(n, lastAttended + 2); i++) {
          sessionRows.push({ sessionIndex: i, status: i < lastAttended ? (i === lastAttended - 1 || rng.chance(perSession) ? 'finished' : 'no-show') : 'no-show' });
        }
        const stopAt = addDays(team.sessions[Math.min(n, lastAttended + 2) - 1]!.startAt, rng.int(2, 9));
        if (happened(stopAt)) {
          status = 'stopped';
          endedOn = startOfDay(stopAt);
          cancellation = dropoutReason(rng, p);
        }
      }
    }
    if (status === 'in-progress') move('active', team!.sessions[0]!.startAt);
    if (endedOn) move('ended', endedOn);

    out.pathway.push([pathwayId, mid, citizenId, referralId, 'intervention', isoDay(grantedOn), endedOn ? isoDay(endedOn) : null, status, cancellation, coordinator, setting.ownUnitId]);
    snapshot.pathways.push({ status, grantedOn: isoDay(grantedOn), endedOn: endedOn ? isoDay(endedOn) : null, cancellationReason: cancellation });
    if (team) snapshot.team = { id: team.id, offerId: team.offerId, placeId: team.placeId };
    const interventionIds: string[] = [];
    for (const code of smokingCessation ? [...interventionCodes, smokingCessation] : interventionCodes) {
      const id = ids();
      interventionIds.push(id);
      const individual = code === smokingCessation;
      out.intervention.push([id, mid, citizenId, referralId, pathwayId, code, individual ? individualDelivery() : groupDelivery(), setting.ownUnitId,
        individual ? setting.staff.coordinator : null, individual ? null : team?.id ?? null, isoDay(grantedOn), startDate ? isoDay(startDate) : null,
        endedOn ? isoDay(endedOn) : null, status]);
      snapshot.interventions.push({ startDate: startDate ? isoDay(startDate) : null, status });
      for (const c of conditionIds) out.intervention_condition.push([mid, id, c]);
    }

    // Attendance at the team's sessions: recorded for held sessions; booked for the coming ones while the course runs.
    const booked = startDate !== null || (starts && status === 'not-started');
    if (team && booked) {
      const byIndex = new Map(sessionRows.map((s) => [s.sessionIndex, s.status]));
      team.sessions.forEach((s, i) => {
        const recorded = byIndex.get(i);
        if (happened(s.startAt) && recorded) encounter('session', s.startAt, 120, recorded, { pathwayId, interventionId: interventionIds[0]!, sessionId: s.id });
        else if (!happened(s.startAt) && (status === 'in-progress' || status === 'not-started') && (completes || recorded || !startDate)) {
          encounter('session', s.startAt, 120, 'planned', { pathwayId, interventionId: interventionIds[0]!, sessionId: s.id });
        }
      });
    }

    // Follow-up six months after a completed course.
    if (status === 'completed' && endedOn && rng.chance(stepProbability(p, 'followedUp', languageAdapted))) {
      const at = copenhagenTime(weekday(addDays(endedOn, rng.days(timingCalibration.endToFollowUp))), rng.pick([9, 10, 13, 14]));
      if (happened(at)) {
        const encId = encounter('follow_up', at, 45, 'finished', { pathwayId, cls: rng.chance(0.4) ? 'phone' : 'AMB' });
        if (values && rng.chance(measurementCalibration.followUpGivenFollowedUp)) {
          const written = observe(encId, at, 'follow_up', pick(values, 'followUp', { hba1c: values.hba1c?.followUp, who5: values.who5.followUp }));
          respondLater('follow_up', at, values.who5.followUp, written.who5, smokingCessation !== null);
        }
        move('followed_up', at);
      } else if (at <= bookedLimit) encounter('follow_up', at, 45, 'planned', { pathwayId, cls: 'phone' });
    }
  }

  out.referral.push([referralId, mid, citizenId, snapshot.referral.sourceCode, referringOrg, receivedAt, null, stage, closedReason, receivedAt, lastChange, 1]);
  snapshot.referral.stage = stage;
  snapshot.referral.closedReason = closedReason;
  out.pathway_fact.push(factRow(buildPathwayFact(snapshot)));
}
