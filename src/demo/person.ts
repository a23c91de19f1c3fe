import {
  ageCalibration, areaCalibration, diagnosisCalibration, educationCalibration, labourMarketCalibration, livingAloneCalibration,
  originCalibration, referralSourceCalibration, sexCalibration, socialHousingCalibration, susyTableCalibration, who5Calibration,
  type AgeBand, type ChronicCount, type DiagnosisGroup, type EducationGroup, type EducationLevel, type LabourMarket,
  type OriginGroup, type ReferralSourceDisplay, type Sex,
} from './calibration.ts';
import { danishFamilyNames, danishGivenNames, nonWesternLanguageWeights, nonWesternNames, streetNames, westernNames, type DemoDistrict } from './names.ts';
import type { Rng } from './random.ts';

/** A referred citizen's true characteristics; what gets recorded (and what stays unknown) is decided later. */
export interface DemoPerson {
  district: DemoDistrict;
  origin: OriginGroup;
  descendant: boolean;
  education: EducationLevel;
  educationGroup: EducationGroup;
  age: number;
  sex: Sex;
  diagnosis: DiagnosisGroup;
  chronicCount: number;
  labourMarket: LabourMarket;
  livingAlone: boolean;
  socialHousing: boolean;
  interpreterNeeded: boolean;
  language: string;
  smoker: boolean;
  who5Baseline: number;
  referralSource: ReferralSourceDisplay;
  givenName: string;
  familyName: string;
  address: string;
  phone: string;
}

const ageRanges: Record<AgeBand, [number, number]> = { '18-39': [18, 39], '40-49': [40, 49], '50-59': [50, 59], '60-69': [60, 69], '70-79': [70, 79], '80+': [80, 93] };

function names(rng: Rng, origin: OriginGroup, sex: Sex, interpreterNeeded: boolean): { given: string; family: string; language: string } {
  if (origin === 'non_western') {
    const language = rng.weighted(nonWesternLanguageWeights);
    const list = nonWesternNames[language];
    // Many who need no interpreter prefer Danish in writing.
    return { given: rng.pick(list[sex]), family: rng.pick(list.family), language: interpreterNeeded || rng.chance(0.4) ? language : 'da' };
  }
  if (origin === 'western') {
    return { given: rng.pick(westernNames[sex]), family: rng.pick(westernNames.family), language: interpreterNeeded ? rng.pick(westernNames.languages) : 'da' };
  }
  const family = rng.chance(0.12) ? `${rng.pick(danishFamilyNames)}-${rng.pick(danishFamilyNames)}` : rng.pick(danishFamilyNames);
  return { given: rng.pick(danishGivenNames[sex]), family, language: 'da' };
}

/** Samples one referred citizen in the calibration's order, so each conditional only looks back. */
export function samplePerson(rng: Rng, districts: readonly DemoDistrict[]): DemoPerson {
  const areaType = rng.weighted(areaCalibration.distribution);
  const district = rng.pick(districts.filter((d) => d.areaType === areaType));
  const deprived = areaType === 'deprived_housing_area';
  const profile = areaCalibration.deprivedAreaProfile;
  const origin: OriginGroup = deprived ? (rng.chance(profile.nonWesternShare) ? 'non_western' : 'danish') : rng.weighted(originCalibration.distribution);
  const descendant = origin !== 'danish' && rng.chance(originCalibration.descendantShare[origin]);
  const education = rng.weighted(origin === 'non_western' ? educationCalibration.trueDistributionNonWestern : educationCalibration.trueDistribution);
  const educationGroup = educationCalibration.groupOf[education];
  const [lo, hi] = ageRanges[rng.weighted(ageCalibration.distribution)];
  const age = rng.int(lo, hi);
  const diagnosis: DiagnosisGroup = deprived && rng.chance(profile.type2DiabetesShare) ? 'type2_diabetes'
    : rng.weighted(origin === 'non_western' ? diagnosisCalibration.mainNonWestern : diagnosisCalibration.mainByEducation[educationGroup]);
  const chronicCount = Number(rng.weighted<ChronicCount>(diagnosisCalibration.chronicCountByEducation[educationGroup]));
  const sex: Sex = rng.chance(sexCalibration.maleShareByDiagnosis[diagnosis]) ? 'male' : 'female';
  const labourMarket: LabourMarket = age >= ageCalibration.pensionAge ? rng.weighted(labourMarketCalibration.age67Plus)
    : deprived && rng.chance(profile.disabilityPensionShareUnder67) ? 'disability_pension'
      : rng.weighted(labourMarketCalibration.under67ByEducation[educationGroup]);
  const aloneP = (origin === 'non_western' ? livingAloneCalibration.nonWesternProbability : livingAloneCalibration.probabilityByEducation[educationGroup])
    * (labourMarket === 'disability_pension' ? livingAloneCalibration.disabilityPensionMultiplier : 1);
  const livingAlone = rng.chance(aloneP);
  const socialHousing = rng.chance(deprived ? profile.socialHousingShare : origin === 'non_western' ? socialHousingCalibration.nonWesternProbability
    : areaType === 'rural' ? socialHousingCalibration.ruralProbability : socialHousingCalibration.probabilityByEducation[educationGroup]);
  const interpreterNeeded = rng.chance(originCalibration.interpreterNeeded[origin]) && !descendant;
  const n = names(rng, origin, sex, interpreterNeeded);
  const susyColumn = susyColumnOf(labourMarket, educationGroup);
  const smoker = rng.chance(susyTableCalibration.dailySmoker[susyColumn]! * (diagnosis === 'copd' ? 1.3 : 1));
  const shift = who5Calibration.baselineShift as Readonly<Record<string, number>>;
  const who5Mean = who5Calibration.baselineByEducation[educationGroup] + (shift[labourMarket] ?? 0) + (livingAlone ? shift.livingAlone ?? 0 : 0);
  const who5Baseline = Math.min(100, Math.max(0, Math.round(rng.normal(who5Mean, who5Calibration.baseline.sd) / 4) * 4));
  const sourceWeights: Partial<Record<ReferralSourceDisplay, number>> = { ...referralSourceCalibration.base };
  sourceWeights.Borger = referralSourceCalibration.base.Borger * referralSourceCalibration.selfReferralMultiplierByEducation[educationGroup];
  const caseworker = (referralSourceCalibration.caseworkerMultiplierByLabourMarket as Partial<Record<LabourMarket, number>>)[labourMarket] ?? 1;
  sourceWeights['Sagsbehandler, anden forvaltning'] = referralSourceCalibration.base['Sagsbehandler, anden forvaltning'] * caseworker;
  const streets = district.streets ?? streetNames;
  const address = `${rng.pick(streets)} ${rng.int(1, deprived ? 40 : 120)}${deprived ? `, ${rng.int(1, 4)}. ${rng.pick(['tv', 'th', 'mf'])}` : ''}`;
  return {
    district, origin, descendant, education, educationGroup, age, sex, diagnosis, chronicCount, labourMarket, livingAlone, socialHousing,
    interpreterNeeded, language: n.language, smoker, who5Baseline, referralSource: rng.weighted(sourceWeights),
    givenName: n.given, familyName: n.family, address, phone: `${rng.pick(['2', '3', '4', '5', '6', '9'])}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`,
  };
}

/** A fictitious CPR number valid in form (dk-core day+month rule, century digit, sex digit) for the birth date. */
export function fictitiousCpr(rng: Rng, birthDate: Date, sex: Sex): string {
  const y = birthDate.getUTCFullYear();
  const dd = String(birthDate.getUTCDate()).padStart(2, '0');
  const mm = String(birthDate.getUTCMonth() + 1).padStart(2, '0');
  const yy = String(y % 100).padStart(2, '0');
  // Century digit: 0-3 for 1900-1999; 4 or 9 for 2000-2036.
  const seventh = y < 2000 ? rng.int(0, 3) : rng.pick([4, 9]);
  const middle = String(rng.int(0, 99)).padStart(2, '0');
  const last = sex === 'male' ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]);
  return `${dd}${mm}${yy}${seventh}${middle}${last}`;
}

/** The column of the SUSY table (susyTableCalibration) a person belongs to. */
export function susyColumnOf(labourMarket: string, educationGroup: string): number {
  return labourMarket === 'disability_pension' ? 0 : labourMarket === 'social_assistance' ? 1
    : labourMarket === 'unemployed_benefit' && educationGroup === 'low' ? 2 : susyTableCalibration.columns.length - 1;
}
