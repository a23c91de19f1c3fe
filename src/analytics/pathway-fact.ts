import { ageBand, diagnosisGroup, educationGroup } from '../domain/social-position.ts';
import { selfReportAt, type SelfReport } from './self-reports.ts';

/** Everything about one referral's course that the fact row summarises. */
export interface CourseSnapshot {
  referral: { id: string; municipalityId: string; citizenId: string; receivedAt: Date; sourceCode: string; stage: string; closedReason: string | null };
  citizen: { birthDate: string; sex: string };
  diagnoses: { system: string; code: string; verificationStatus: string }[];
  contactAttempts: { attemptedAt: Date; outcome: string; enteredInError: boolean }[];
  encounters: { purpose: string; startAt: Date; status: string }[];
  pathways: { status: string; grantedOn: string; endedOn: string | null; cancellationReason: string | null }[];
  interventions: { startDate: string | null; status: string }[];
  observations: { measure: string; value: number; timePoint: string; status: string; effectiveAt: Date }[];
  /** Newest valid value per item, already chosen as of the referral. */
  socialPosition: Partial<Record<string, string>>;
  /** The professional's final support level from the newest valid stratification decision (absent: unknown). */
  supportLevel?: string | null;
  /** The team of the first intervention delivered on one, with its catalogue offer and place. */
  team?: { id: string; offerId: string | null; placeId: string | null } | null;
  /** The referral's bridges to association offers (src/bridges/). */
  bridges?: { bridgedOn: string; status: string }[];
  /** What the completed questionnaire responses of the referral said, scored (see self-reports.ts). */
  selfReports?: SelfReport[];
}

export interface PathwayFact {
  referral_id: string; municipality_id: string; citizen_id: string; stage: string;
  referred_at: Date; first_contact_at: Date | null; clarified_at: Date | null; started_at: Date | null;
  ended_at: Date | null; followed_up_at: Date | null; outcome: string | null; dropout_reason: string | null;
  referral_source: string; diagnosis_group: string; chronic_count: number; sex: string; age_band: string;
  education: string; education_group: string; labour_market: string; origin: string; living_alone: string;
  social_housing: string; area_type: string; interpreter_needed: string;
  sessions_planned: number; sessions_attended: number;
  hba1c_baseline: number | null; hba1c_end: number | null; weight_baseline: number | null; weight_end: number | null;
  who5_baseline: number | null; who5_end: number | null; support_level: string;
  team_id: string | null; offer_id: string | null; place_id: string | null;
  bridged_at: Date | null;
  hba1c_follow_up: number | null; weight_follow_up: number | null; who5_follow_up: number | null;
  bmi_baseline: number | null; bmi_end: number | null; bmi_follow_up: number | null;
  waist_baseline: number | null; waist_end: number | null; waist_follow_up: number | null;
  systolic_baseline: number | null; systolic_end: number | null; systolic_follow_up: number | null;
  diastolic_baseline: number | null; diastolic_end: number | null; diastolic_follow_up: number | null;
  srh_baseline: number | null; srh_end: number | null; srh_follow_up: number | null;
  activity_baseline: number | null; activity_end: number | null; activity_follow_up: number | null;
  smoker_baseline: number | null; smoker_end: number | null; smoker_follow_up: number | null;
}

export const pathwayFactColumns = [
  'referral_id', 'municipality_id', 'citizen_id', 'stage', 'referred_at', 'first_contact_at', 'clarified_at', 'started_at',
  'ended_at', 'followed_up_at', 'outcome', 'dropout_reason', 'referral_source', 'diagnosis_group', 'chronic_count', 'sex',
  'age_band', 'education', 'education_group', 'labour_market', 'origin', 'living_alone', 'social_housing', 'area_type',
  'interpreter_needed', 'sessions_planned', 'sessions_attended', 'hba1c_baseline', 'hba1c_end', 'weight_baseline',
  'weight_end', 'who5_baseline', 'who5_end', 'support_level', 'team_id', 'offer_id', 'place_id', 'bridged_at',
  'hba1c_follow_up', 'weight_follow_up', 'who5_follow_up', 'bmi_baseline', 'bmi_end', 'bmi_follow_up', 'waist_baseline', 'waist_end',
  'waist_follow_up', 'systolic_baseline', 'systolic_end', 'systolic_follow_up', 'diastolic_baseline', 'diastolic_end', 'diastolic_follow_up',
  'srh_baseline', 'srh_end', 'srh_follow_up', 'activity_baseline', 'activity_end', 'activity_follow_up', 'smoker_baseline', 'smoker_end',
  'smoker_follow_up',
] as const satisfies readonly (keyof PathwayFact)[];

const earliest = (dates: Date[]): Date | null => (dates.length ? new Date(Math.min(...dates.map((d) => d.getTime()))) : null);
const dayStart = (isoDate: string | null | undefined): Date | null => (isoDate ? new Date(`${isoDate}T00:00:00Z`) : null);

function measureAt(s: CourseSnapshot, measure: string, timePoint: string): number | null {
  const found = s.observations
    .filter((o) => o.measure === measure && o.timePoint === timePoint && o.status !== 'entered-in-error')
    .sort((a, b) => b.effectiveAt.getTime() - a.effectiveAt.getTime());
  return found[0]?.value ?? null;
}

/** A pure summary of one course; the same function serves live writes and bulk demo loads. */
export function buildPathwayFact(s: CourseSnapshot): PathwayFact {
  const sp = (item: string): string => s.socialPosition[item] ?? 'unknown';
  const validDiagnoses = s.diagnoses.filter((d) => d.verificationStatus !== 'entered-in-error');
  const groups = new Set(validDiagnoses.map((d) => diagnosisGroup(d.system, d.code)));
  const mainDiagnosis = validDiagnoses[0];
  const liveEncounters = s.encounters.filter((e) => e.status !== 'entered-in-error');
  const held = (purpose: string) => earliest(liveEncounters.filter((e) => e.purpose === purpose && e.status === 'finished').map((e) => e.startAt));
  const pathway = s.pathways.find((p) => p.status !== 'entered-in-error');
  const ended = pathway && ['completed', 'cancelled', 'stopped'].includes(pathway.status);
  const sessions = liveEncounters.filter((e) => e.purpose === 'session');
  const startDates = s.interventions.filter((i) => i.status !== 'entered-in-error' && i.startDate).map((i) => dayStart(i.startDate)!);
  return {
    referral_id: s.referral.id,
    municipality_id: s.referral.municipalityId,
    citizen_id: s.referral.citizenId,
    stage: s.referral.stage,
    referred_at: s.referral.receivedAt,
    first_contact_at: earliest(s.contactAttempts.filter((c) => !c.enteredInError && c.outcome === 'reached').map((c) => c.attemptedAt)),
    clarified_at: held('clarifying_conversation'),
    started_at: earliest(startDates),
    ended_at: ended ? dayStart(pathway.endedOn) : null,
    followed_up_at: held('follow_up'),
    outcome: ended ? pathway.status : s.referral.stage === 'closed' ? 'closed' : null,
    dropout_reason: (ended ? pathway.cancellationReason : null) ?? (s.referral.stage === 'closed' ? s.referral.closedReason : null),
    referral_source: s.referral.sourceCode,
    diagnosis_group: mainDiagnosis ? diagnosisGroup(mainDiagnosis.system, mainDiagnosis.code) : 'unknown',
    chronic_count: groups.size,
    sex: s.citizen.sex,
    age_band: ageBand(s.citizen.birthDate, s.referral.receivedAt.toISOString().slice(0, 10)),
    education: sp('education'),
    education_group: educationGroup(sp('education')),
    labour_market: sp('labour_market'),
    origin: sp('origin'),
    living_alone: sp('living_alone'),
    social_housing: sp('social_housing'),
    area_type: sp('area_type'),
    interpreter_needed: sp('interpreter_needed'),
    sessions_planned: sessions.filter((e) => e.status !== 'cancelled').length,
    sessions_attended: sessions.filter((e) => e.status === 'finished' || e.status === 'arrived').length,
    hba1c_baseline: measureAt(s, 'hba1c', 'baseline'),
    hba1c_end: measureAt(s, 'hba1c', 'end'),
    weight_baseline: measureAt(s, 'weight', 'baseline'),
    weight_end: measureAt(s, 'weight', 'end'),
    who5_baseline: measureAt(s, 'who5', 'baseline'),
    who5_end: measureAt(s, 'who5', 'end'),
    support_level: s.supportLevel ?? 'unknown',
    team_id: s.team?.id ?? null,
    offer_id: s.team?.offerId ?? null,
    place_id: s.team?.placeId ?? null,
    // Bridged: the first day the citizen was bridged to an association offer on this referral (a
    // bridge entered in error does not count). The cascade counts it only for followed-up
    // completers (cascade-steps.ts), so the steps stay nested.
    bridged_at: earliest((s.bridges ?? []).filter((b) => b.status !== 'entered-in-error').map((b) => dayStart(b.bridgedOn)!)),
    hba1c_follow_up: measureAt(s, 'hba1c', 'follow_up'),
    weight_follow_up: measureAt(s, 'weight', 'follow_up'),
    who5_follow_up: measureAt(s, 'who5', 'follow_up'),
    bmi_baseline: measureAt(s, 'bmi', 'baseline'), bmi_end: measureAt(s, 'bmi', 'end'), bmi_follow_up: measureAt(s, 'bmi', 'follow_up'),
    waist_baseline: measureAt(s, 'waist', 'baseline'), waist_end: measureAt(s, 'waist', 'end'), waist_follow_up: measureAt(s, 'waist', 'follow_up'),
    systolic_baseline: measureAt(s, 'systolic', 'baseline'), systolic_end: measureAt(s, 'systolic', 'end'), systolic_follow_up: measureAt(s, 'systolic', 'follow_up'),
    diastolic_baseline: measureAt(s, 'diastolic', 'baseline'), diastolic_end: measureAt(s, 'diastolic', 'end'), diastolic_follow_up: measureAt(s, 'diastolic', 'follow_up'),
    srh_baseline: selfReportAt(s.selfReports, 'srh', 'baseline'), srh_end: selfReportAt(s.selfReports, 'srh', 'end'), srh_follow_up: selfReportAt(s.selfReports, 'srh', 'follow_up'),
    activity_baseline: selfReportAt(s.selfReports, 'activity', 'baseline'), activity_end: selfReportAt(s.selfReports, 'activity', 'end'),
    activity_follow_up: selfReportAt(s.selfReports, 'activity', 'follow_up'),
    smoker_baseline: selfReportAt(s.selfReports, 'smoker', 'baseline'), smoker_end: selfReportAt(s.selfReports, 'smoker', 'end'),
    smoker_follow_up: selfReportAt(s.selfReports, 'smoker', 'follow_up'),
  };
}

export const factRow = (f: PathwayFact): unknown[] => pathwayFactColumns.map((c) => f[c]);
