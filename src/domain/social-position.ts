import { ageOn, isCalendarDate } from './age.ts';

/**
 * Social position (domain.md): what every figure can be broken down by. Each item is recorded with
 * its source and date, never guessed; "unknown" and "prefer not to say" are explicit values.
 */

export interface Label { da: string; en: string }

const missing = {
  unknown: { da: 'Ukendt', en: 'Unknown' },
  prefer_not_to_say: { da: 'Ønsker ikke at svare', en: 'Prefer not to say' },
} as const;
const yesNo = { yes: { da: 'Ja', en: 'Yes' }, no: { da: 'Nej', en: 'No' }, ...missing } as const;

export const socialPositionItems = {
  education: {
    label: { da: 'Højeste fuldførte uddannelse', en: 'Highest completed education' },
    values: {
      primary: { da: 'Grundskole', en: 'Primary school' },
      upper_secondary: { da: 'Gymnasial uddannelse', en: 'Upper secondary' },
      vocational: { da: 'Erhvervsfaglig uddannelse', en: 'Vocational' },
      short_higher: { da: 'Kort videregående uddannelse', en: 'Short-cycle higher' },
      medium_higher: { da: 'Mellemlang videregående uddannelse', en: 'Medium-cycle higher' },
      long_higher: { da: 'Lang videregående uddannelse', en: 'Long-cycle higher' },
      ...missing,
    },
  },
  labour_market: {
    label: { da: 'Tilknytning til arbejdsmarkedet', en: 'Attachment to the labour market' },
    values: {
      employed: { da: 'I beskæftigelse', en: 'Employed' },
      student: { da: 'Under uddannelse', en: 'Student' },
      unemployed_benefit: { da: 'Ledig på dagpenge', en: 'Unemployed on benefit' },
      social_assistance: { da: 'Kontanthjælp/uddannelseshjælp', en: 'Social assistance' },
      sickness_benefit: { da: 'Sygedagpenge', en: 'Sickness benefit' },
      flex_job_resource: { da: 'Fleksjob/ressourceforløb', en: 'Flex job/resource programme' },
      disability_pension: { da: 'Førtidspension', en: 'Disability pension' },
      old_age_pension: { da: 'Folkepension/efterløn', en: 'Old-age pension/early retirement' },
      other: { da: 'Andet', en: 'Other' },
      ...missing,
    },
  },
  origin: {
    label: { da: 'Herkomst', en: 'Origin' },
    values: {
      danish: { da: 'Dansk oprindelse', en: 'Danish origin' },
      immigrant_western: { da: 'Indvandrer fra vestligt land', en: 'Immigrant, western' },
      immigrant_non_western: { da: 'Indvandrer fra ikke-vestligt land', en: 'Immigrant, non-western' },
      descendant_western: { da: 'Efterkommer, vestligt land', en: 'Descendant, western' },
      descendant_non_western: { da: 'Efterkommer, ikke-vestligt land', en: 'Descendant, non-western' },
      ...missing,
    },
  },
  preferred_language: {
    label: { da: 'Foretrukket sprog', en: 'Preferred language' },
    values: {
      da: { da: 'Dansk', en: 'Danish' },
      en: { da: 'Engelsk', en: 'English' },
      de: { da: 'Tysk', en: 'German' },
      pl: { da: 'Polsk', en: 'Polish' },
      ro: { da: 'Rumænsk', en: 'Romanian' },
      lt: { da: 'Litauisk', en: 'Lithuanian' },
      uk: { da: 'Ukrainsk', en: 'Ukrainian' },
      ru: { da: 'Russisk', en: 'Russian' },
      ar: { da: 'Arabisk', en: 'Arabic' },
      fa: { da: 'Persisk (farsi/dari)', en: 'Persian (Farsi/Dari)' },
      ps: { da: 'Pashto', en: 'Pashto' },
      so: { da: 'Somali', en: 'Somali' },
      ti: { da: 'Tigrinya', en: 'Tigrinya' },
      tr: { da: 'Tyrkisk', en: 'Turkish' },
      ku: { da: 'Kurdisk', en: 'Kurdish' },
      ur: { da: 'Urdu', en: 'Urdu' },
      bs: { da: 'Bosnisk/kroatisk/serbisk', en: 'Bosnian/Croatian/Serbian' },
      vi: { da: 'Vietnamesisk', en: 'Vietnamese' },
      th: { da: 'Thai', en: 'Thai' },
      other: { da: 'Andet sprog', en: 'Other language' },
      ...missing,
    },
  },
  interpreter_needed: { label: { da: 'Behov for tolk', en: 'Interpreter needed' }, values: yesNo },
  living_alone: { label: { da: 'Bor alene', en: 'Living alone' }, values: yesNo },
  social_housing: { label: { da: 'Bor i almen bolig', en: 'Social housing' }, values: yesNo },
  /** Free text: the municipality's own district names (or "unknown"/"prefer_not_to_say"). */
  local_area: { label: { da: 'Lokalområde', en: 'Local area' }, values: null },
  area_type: {
    label: { da: 'Områdetype', en: 'Area type' },
    values: { urban: { da: 'By', en: 'Urban' }, rural: { da: 'Land', en: 'Rural' }, ...missing },
  },
} as const satisfies Record<string, { label: Label; values: Readonly<Record<string, Label>> | null }>;

export type SocialPositionItem = keyof typeof socialPositionItems;
export const socialPositionItemNames = Object.keys(socialPositionItems) as SocialPositionItem[];
export const missingValues = Object.keys(missing) as (keyof typeof missing)[];
export const socialPositionSources = ['self_reported', 'staff_registered', 'register'] as const;
export type SocialPositionSource = (typeof socialPositionSources)[number];
export const LOCAL_AREA_MAX_LENGTH = 100;

const isItem = (item: string): item is SocialPositionItem => Object.hasOwn(socialPositionItems, item);
const valuesOf = (item: SocialPositionItem): Readonly<Record<string, Label>> | null => socialPositionItems[item].values;

/** The closed list of values of an item; null for the free-text local_area. */
export function allowedValues(item: SocialPositionItem): string[] | null {
  const values = valuesOf(item);
  return values ? Object.keys(values) : null;
}

/** The label of a value in a language; free-text values (local_area) are their own label. */
export function valueLabel(item: SocialPositionItem, value: string, lang: keyof Label): string | undefined {
  const values = valuesOf(item);
  if (!values) return (missing as Record<string, Label>)[value]?.[lang] ?? value;
  return Object.hasOwn(values, value) ? values[value]?.[lang] : undefined;
}

export type EducationGroup = 'low' | 'medium' | 'high' | 'unknown';
export function educationGroup(value: string): EducationGroup {
  if (value === 'primary') return 'low';
  if (value === 'upper_secondary' || value === 'vocational') return 'medium';
  if (value === 'short_higher' || value === 'medium_higher' || value === 'long_higher') return 'high';
  return 'unknown';
}

export interface SocialPositionInput {
  item: string;
  value: string;
  source: string;
  recordedOn: string;
  /** When given, recordedOn must not be after it. */
  today?: string;
}
export interface SocialPositionProblem { path: 'item' | 'value' | 'source' | 'recordedOn'; rule: string; params?: Record<string, string | number> }

export function validateSocialPositionItem(input: SocialPositionInput): SocialPositionProblem[] {
  const problems: SocialPositionProblem[] = [];
  if (!isItem(input.item)) {
    problems.push({ path: 'item', rule: 'enum', params: { allowed: socialPositionItemNames.join(', ') } });
  } else {
    const allowed = allowedValues(input.item);
    if (allowed && !allowed.includes(input.value)) {
      problems.push({ path: 'value', rule: 'social_position.value', params: { allowed: allowed.join(', ') } });
    } else if (!allowed && input.value.trim() === '') {
      problems.push({ path: 'value', rule: 'required' });
    } else if (!allowed && input.value.length > LOCAL_AREA_MAX_LENGTH) {
      problems.push({ path: 'value', rule: 'max_length', params: { max: LOCAL_AREA_MAX_LENGTH } });
    }
  }
  if (!(socialPositionSources as readonly string[]).includes(input.source)) {
    problems.push({ path: 'source', rule: 'enum', params: { allowed: socialPositionSources.join(', ') } });
  }
  if (!isCalendarDate(input.recordedOn)) problems.push({ path: 'recordedOn', rule: 'format.date' });
  else if (input.today !== undefined && input.recordedOn > input.today) problems.push({ path: 'recordedOn', rule: 'not_in_future' });
  return problems;
}

export const ageBands = ['18-29', '30-39', '40-49', '50-59', '60-69', '70-79', '80+'] as const;
export type AgeBand = (typeof ageBands)[number] | 'under-18';

/** Age band on `onDate` (both YYYY-MM-DD). §119 offers are for adults; minors get 'under-18'. */
export function ageBand(birthDate: string, onDate: string): AgeBand {
  const age = ageOn(birthDate, onDate);
  if (age < 18) return 'under-18';
  if (age >= 80) return '80+';
  if (age < 30) return '18-29';
  const lower = Math.floor(age / 10) * 10;
  return `${lower}-${lower + 9}` as AgeBand;
}

export type DiagnosisSystem = 'SKS' | 'ICPC2';
export type DiagnosisGroup = 'type2_diabetes' | 'copd' | 'heart_disease' | 'musculoskeletal' | 'cancer' | 'other';
export const diagnosisGroups: readonly DiagnosisGroup[] = ['type2_diabetes', 'copd', 'heart_disease', 'musculoskeletal', 'cancer', 'other'];

/**
 * The chronic-disease group of a referral diagnosis. SKS: DE11* type 2 diabetes, DJ44* COPD,
 * DI20-DI25 and DI50* heart disease, DM* musculoskeletal, DC* cancer. ICPC2: T90, R95, K74-K77, L*.
 * ICPC2 has no single cancer chapter, so ICPC2 cancers fall in 'other'.
 */
export function diagnosisGroup(system: string, code: string): DiagnosisGroup {
  const c = code.trim().toUpperCase();
  if (system === 'SKS') {
    if (c.startsWith('DE11')) return 'type2_diabetes';
    if (c.startsWith('DJ44')) return 'copd';
    if (/^DI2[0-5]/.test(c) || c.startsWith('DI50')) return 'heart_disease';
    if (c.startsWith('DM')) return 'musculoskeletal';
    if (c.startsWith('DC')) return 'cancer';
    return 'other';
  }
  if (system === 'ICPC2') {
    if (c.startsWith('T90')) return 'type2_diabetes';
    if (c.startsWith('R95')) return 'copd';
    if (/^K7[4-7]/.test(c)) return 'heart_disease';
    if (c.startsWith('L')) return 'musculoskeletal';
  }
  return 'other';
}
